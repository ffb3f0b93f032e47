/**
 * The one generic command handler (docs/conventions.md rule 2): load the stream, fold it with `evolve`,
 * `decide`, append with the expected revision; on a concurrent append, decide again on the newer state
 * when the decider allows it. Nothing else writes a process's stream.
 */
import { checkCommandText, textRefused } from '@xb/domain';
import type { Command, Decider, DomainError, DomainEvent } from '@xb/domain';
import { ConcurrencyConflictError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, EventStore, ExpectedRevision } from '../port';
import { openedEvents, opensParticulars } from '../opened-events';
import { readForFold } from '../read-events';
import { snapshotsOf } from './snapshots';

export interface HandleCommandOptions {
  /** Times the command is decided again after losing a race for its stream. Default 3. */
  readonly maxRetries?: number;
}

/** The command was accepted: the events it produced are in the stream (none if it changed nothing). */
export interface CommandAccepted<E extends DomainEvent = DomainEvent, S = unknown> {
  readonly kind: 'Accepted';
  readonly streamId: string;
  readonly events: readonly E[];
  /** The instance's state after the command (its events folded in). */
  readonly state: S;
  /** The stream's revision after the command; undefined if the stream still has no events. */
  readonly revision: bigint | undefined;
  /** Global position of the last event appended; undefined when nothing was appended. */
  readonly position: bigint | undefined;
}

export type CommandOutcome<E extends DomainEvent = DomainEvent, S = unknown> =
  CommandAccepted<E, S> | DomainError;

interface LoadedState<S> {
  readonly state: S;
  readonly expected: ExpectedRevision;
  readonly revision: bigint | undefined;
}

/**
 * Runs `command` against instance `id` of `decider`'s process (stream `${decider.category}-${id}`).
 * Returns the decider's DomainError as a value (the store unchanged); throws ConcurrencyConflictError
 * when the stream kept changing underneath (or the decider does not allow a retry).
 *
 * The command's text is put in NFC and checked against the text rules (libs/domain text.ts) before any
 * decider sees it: this is the one place every command passes, from the API, the gateway, the responder
 * and the automations alike, so no decider can forget the rules and no two callers apply different ones.
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  received: C,
  { maxRetries = 3 }: HandleCommandOptions = {},
): Promise<CommandOutcome<E, S>> {
  const checked = checkCommandText(received.data);
  if (!('data' in checked)) return textRefused(checked);
  const command = { ...received, data: checked.data } as C;
  const streamId = `${decider.category}-${id}`;
  for (let attempt = 1; ; attempt++) {
    const loaded = await load(store, decider, streamId);
    const decided = decider.decide(command, loaded.state);
    if (!Array.isArray(decided)) return decided as DomainError;
    const events = decided as readonly E[];
    if (events.length === 0)
      return {
        kind: 'Accepted',
        streamId,
        events,
        state: loaded.state,
        revision: loaded.revision,
        position: undefined,
      };
    try {
      const metadata = eventMetadata(id, command);
      const result = await store.appendToStream(
        streamId,
        events.map((event) => ({ type: event.type, data: event.data, metadata })),
        { expectedRevision: loaded.expected },
      );
      const state = events.reduce(decider.evolve, loaded.state);
      snapshotsOf(store).put(decider, streamId, { state, revision: result.nextExpectedRevision });
      return {
        kind: 'Accepted',
        streamId,
        events,
        state,
        revision: result.nextExpectedRevision,
        position: result.position,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const mayRetry = decider.retryOnConflict?.(command) === true && attempt <= maxRetries;
      if (!mayRetry) throw new ConcurrencyConflictError(streamId, attempt, error);
    }
  }
}

/** The instance's current state: its stream folded with `evolve`, or the initial state when it has none. */
export async function loadState<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  id: string,
  /** false: particulars stay as stored (sealed when the store seals them), for a view that shows none. */
  { openParticulars = true }: { openParticulars?: boolean } = {},
): Promise<S> {
  return (await load(store, decider, `${decider.category}-${id}`, openParticulars)).state;
}

/**
 * Folds the stream from the last snapshot of it (or its start), reading only types and data, and keeps
 * a snapshot of the result when the stream is long.
 */
async function load<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  openParticulars = true,
): Promise<LoadedState<S>> {
  const opening = openParticulars && opensParticulars(store);
  // A fold with its particulars opened is never kept: after an erasure (the key destroyed, perhaps by
  // another process) the next load must read the person as erased, not as a cached state remembers her.
  const snapshots = opening ? undefined : snapshotsOf(store);
  const snapshot = snapshots?.get<S>(decider, streamId);
  try {
    const recorded = opening
      ? await openedEvents(store, await store.readStream(streamId))
      : await readForFold(store, streamId, snapshot ? snapshot.revision + 1n : 0n);
    const state = recorded.reduce(
      (current, event) => decider.evolve(current, { type: event.type, data: event.data } as E),
      snapshot ? snapshot.state : decider.initialState(),
    );
    const revision = recorded.length > 0 ? recorded[recorded.length - 1].revision : snapshot!.revision;
    if (recorded.length > 0) snapshots?.put(decider, streamId, { state, revision });
    return { state, expected: revision, revision };
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    return { state: decider.initialState(), expected: 'no_stream', revision: undefined };
  }
}

/** Event metadata from the command's: the instance is the correlation, the inbound message the cause. */
function eventMetadata(id: string, command: Command): EventMetadata {
  return {
    correlationId: id,
    ...(command.metadata.messageId ? { causationId: command.metadata.messageId } : {}),
    actor: command.metadata.actor,
    occurredAt: command.metadata.now,
    schemaVersion: 1,
  };
}
