/**
 * The shape every cooperation process follows (docs/conventions.md, after emmett): `decide` turns a command and the
 * current state into new events or a refusal; `evolve` folds one event into the state. Both are pure:
 * time, ids and the actor come in with the command's metadata.
 */

export interface CommandMetadata {
  /** Now, as the caller's clock sees it (ISO 8601, UTC). */
  readonly now: string;
  /** The officer (or `agency:<id>` for a counterpart message, `system:<role>` for automation) acting. */
  readonly actor: string;
  /** This node's agency id. */
  readonly agencyId: string;
  /** Ids for anything the command creates (e.g. the message id of an envelope it queues), chosen outside. */
  readonly newIds?: readonly string[];
  /** The inbound message that carries this command, when it came from a counterpart. */
  readonly messageId?: string;
  readonly [extra: string]: unknown;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A refusal: a value, never an exception (docs/conventions.md rule 10). */
export interface DomainError {
  readonly kind: 'DomainError';
  /** Stable, machine-readable, e.g. INVALID_TRANSITION, NOT_FOUND, ALREADY_EXISTS, VALIDATION_FAILED. */
  readonly code: string;
  /** For a person; never contains victim or suspect particulars. */
  readonly reason: string;
  /** The path of the refused field (e.g. `victim.name.original`), when one field is to blame. */
  readonly field?: string;
  /** Which rule that field broke (e.g. BIDI_CONTROL), when a rule table says so. */
  readonly rule?: string;
  /** The paths of the fields that broke the rule (VALIDATION_FAILED), never their values. */
  readonly fields?: readonly string[];
}

export const domainError = (code: string, reason: string, fields?: readonly string[]): DomainError => ({
  kind: 'DomainError',
  code,
  reason,
  ...(fields === undefined ? {} : { fields }),
});
export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' && value !== null && (value as DomainError).kind === 'DomainError';

export interface Decider<C extends Command, E extends DomainEvent, S> {
  /** Stream category, e.g. `verification`: the stream of instance `id` is `${category}-${id}`. */
  readonly category: string;
  readonly initialState: () => S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S) => readonly E[] | DomainError;
  /** Whether a command refused by a concurrent append may be decided again on the newer state. */
  readonly retryOnConflict?: (command: C) => boolean;
}

/** What every case's state has: a status, `none` before the event that opens it. */
export type CaseState = { readonly status: string };
