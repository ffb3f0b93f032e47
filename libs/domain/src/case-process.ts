/**
 * The one skeleton of a cooperation process. Every process decides the same way before its own rules
 * apply: a repeated inbound message changes nothing, an opening command needs no case and any other
 * command needs one, a receipt goes to the case's message trail, and a step is checked against the
 * process's table of who may take it and when (shared/steps.ts). A process supplies only what differs.
 */
import { CaseState, Command, Decider, DomainError, DomainEvent, isDomainError } from './decider';
import {
  alreadyApplied,
  alreadyExists,
  checkStep,
  DeliveryCommand,
  MessageTrail,
  notFound,
  Origin,
  StepRule,
  OpenDeadline,
  validationFailed,
} from './shared';

export type Decision<E extends DomainEvent> = readonly E[] | DomainError;

/** What the skeleton reads of an opened case. */
export interface OpenedCase {
  readonly status: string;
  readonly ourSide: string;
  readonly theirSide: string;
  /** Undefined only for a hotline tip, which has no counterpart agency. */
  readonly counterpart?: string;
  readonly trail: MessageTrail;
}
export type NoCase = { readonly status: 'none' };
export type Opened<S> = Exclude<S, NoCase>;

/** Command types that are neither an opening nor a receipt: the steps of the rules table. */
export type StepType<C extends Command, O extends C['type']> = Exclude<
  C['type'],
  O | DeliveryCommand['type']
>;

/** What a process supplies to the skeleton. */
export interface CaseRules<
  C extends Command,
  E extends DomainEvent,
  S extends NoCase | OpenedCase,
  O extends C['type'],
> {
  /** The commands that open a case. */
  readonly opening: readonly O[];
  readonly open: (command: Extract<C, { readonly type: O }>) => Decision<E>;
  /** A receipt for one of the case's queued messages (shared/trail.ts `decideDelivery` with the process's prefix). */
  readonly deliver: (
    command: DeliveryCommand,
    trail: MessageTrail,
    counterpart: string,
    state: Opened<S>,
  ) => Decision<E>;
  /** Who takes each step and from which statuses: every step command has its rule, or it fails to compile. */
  readonly rules: { readonly [T in StepType<C, O>]: StepRule<Opened<S>['status'], Opened<S>['ourSide']> };
  readonly step: (
    command: Extract<C, { readonly type: StepType<C, O> }>,
    state: Opened<S>,
    origin: Origin,
  ) => Decision<E>;
}

/** A process's decide, knowing the command types it takes (for `deciderOf`'s runtime check). */
export type CaseDecide<C extends Command, E extends DomainEvent, S> = ((
  command: C,
  state: S,
) => Decision<E>) & { readonly commandTypes: readonly string[] };

const DELIVERY_TYPES: readonly string[] = [
  'RecordDelivery',
  'RecordRejection',
] satisfies readonly DeliveryCommand['type'][];

/** Whether the case exists (its opening event is folded in). */
export const isOpened = <S extends CaseState>(state: S): state is Opened<S> => state.status !== 'none';

const isOneOf = <C extends Command, T extends C['type']>(
  command: C,
  types: readonly T[],
): command is Extract<C, { readonly type: T }> => types.some((type) => type === command.type);

const isDelivery = (command: Command): command is DeliveryCommand => DELIVERY_TYPES.includes(command.type);

/**
 * The decide of a case process from its rules: `caseDecide<Command, Event, State>()({ ... })` (curried
 * so the opening types are inferred while the unions are named).
 */
export const caseDecide =
  <C extends Command, E extends DomainEvent, S extends NoCase | OpenedCase>() =>
  <O extends C['type']>(rules: CaseRules<C, E, S, O>): CaseDecide<C, E, S> => {
    const table: Readonly<Partial<Record<string, StepRule<string, string>>>> = rules.rules;
    const isStep = (command: C): command is Extract<C, { readonly type: StepType<C, O> }> =>
      table[command.type] !== undefined;
    const decide = (command: C, state: S): Decision<E> => {
      const opened = isOpened(state) ? state : undefined;
      if (opened && alreadyApplied(opened.trail, command)) return [];
      if (isOneOf(command, rules.opening)) return opened ? alreadyExists(command.type) : rules.open(command);
      if (!opened) return notFound(command.type);
      if (isDelivery(command))
        return opened.counterpart === undefined
          ? notFound(command.type)
          : rules.deliver(command, opened.trail, opened.counterpart, opened);
      const rule = table[command.type];
      if (!isStep(command) || rule === undefined) return validationFailed(['type']);
      const origin = checkStep(command, rule, { ...opened, counterpart: opened.counterpart ?? '' });
      return isDomainError(origin) ? origin : rules.step(command, opened, origin);
    };
    return Object.assign(decide, {
      commandTypes: [...rules.opening, ...Object.keys(table), ...DELIVERY_TYPES],
    });
  };

/**
 * Every `type` of a union, as a list the compiler checks: a type left out fails to compile (the error
 * names it under `missing`), and so does one that is not in the union.
 */
export const everyTypeOf =
  <T extends { readonly type: string }>() =>
  <const L extends readonly T['type'][]>(
    list: L &
      ([Exclude<T['type'], L[number]>] extends [never]
        ? unknown
        : { readonly missing: Exclude<T['type'], L[number]> }),
  ): readonly T['type'][] =>
    list;

/**
 * For the `default` of an evolve's switch: the compiler proves every event type was handled (a new
 * event without its case fails to compile); at run time an unknown event leaves the state as it was.
 */
export const unchanged = <S>(_event: never, state: S): S => state;

/**
 * An opening event's content as its case keeps it: the event's data without the message marker
 * (`outbound` or `inbound`). A field added to the content is then kept by the case with no change to
 * its state.ts.
 */
export const openingContent = <T extends object>(
  data: T & { readonly outbound?: unknown; readonly inbound?: unknown },
) => {
  const { outbound: _outbound, inbound: _inbound, ...content } = data;
  return content;
};

/** A process: its typed decider, plus what callers need that hold a command or event of any process. */
export interface CaseProcess<C extends Command, E extends DomainEvent, S extends CaseState> extends Decider<
  C,
  E,
  S
> {
  readonly eventTypes: readonly E['type'][];
  readonly isCommand: (command: Command) => command is C;
  readonly isEvent: (event: DomainEvent) => event is E;
  /** A short timeline line, without personal particulars. */
  readonly describe: (event: E) => string;
  /** Every deadline the case still waits on (none for a process that declares none). */
  readonly openDeadlines: (state: S) => readonly OpenDeadline[];
}

export const caseProcess = <C extends Command, E extends DomainEvent, S extends CaseState>(process: {
  readonly category: string;
  readonly initialState: () => S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: CaseDecide<C, E, S>;
  readonly eventTypes: readonly E['type'][];
  readonly describe: (event: E) => string;
  readonly retryOnConflict?: (command: C) => boolean;
  /**
   * Every deadline the case still waits on, each escalated once when it passes (docs/architecture.md,
   * "Deadlines and escalation"). Pure: the caller compares `due` with its own clock.
   */
  readonly openDeadlines?: (state: S) => readonly OpenDeadline[];
}): CaseProcess<C, E, S> => ({
  ...process,
  openDeadlines: process.openDeadlines ?? (() => []),
  isCommand: (command): command is C => process.decide.commandTypes.includes(command.type),
  isEvent: (event): event is E => process.eventTypes.some((type) => type === event.type),
});
