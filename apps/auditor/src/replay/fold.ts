import type { Decider, DomainEvent } from '@xb/domain';
import type { RecordedEvent } from '@xb/event-store';
import { ms } from '../cli/values';

/** A case as it stood at a moment. */
export interface CaseAt<S> {
  readonly state: S;
  /** The events folded: the stream's prefix whose events all occurred at or before the moment. */
  readonly events: readonly RecordedEvent[];
  /**
   * Events after that prefix that nonetheless carry an occurredAt at or before the moment (clocks of
   * different writers disagree): they are not folded, since evolve must see the stream in order.
   */
  readonly outOfOrder: readonly RecordedEvent[];
}

/**
 * Folds the stream's events with the process's evolve, in stream order, up to the first event whose
 * `metadata.occurredAt` is after `at` (all events when `at` is undefined).
 *
 * Why occurredAt and not recordedAt: occurredAt is the domain's time (the officer's or counterpart's
 * act), it is part of the event's metadata bytes and so covered by the audit chain and the seals;
 * recordedAt is the store's own clock and is not covered (docs/audit.md), so it could be altered unseen.
 */
export function foldUpTo<S>(
  decider: Pick<Decider<never, DomainEvent, S>, 'initialState' | 'evolve'>,
  stream: readonly RecordedEvent[],
  at: string | undefined,
): CaseAt<S> {
  const limit = at === undefined ? Infinity : ms(at);
  const cut = stream.findIndex((event) => ms(event.metadata.occurredAt) > limit);
  const events = cut < 0 ? stream : stream.slice(0, cut);
  const rest = cut < 0 ? [] : stream.slice(cut);
  const state = events.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data }),
    decider.initialState(),
  );
  return { state, events, outOfOrder: rest.filter((event) => ms(event.metadata.occurredAt) <= limit) };
}
