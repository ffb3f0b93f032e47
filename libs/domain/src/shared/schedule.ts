import { Command, DomainError, isDomainError } from '../decider';
import { OutboundKind } from './outbound';
import { refuseIf } from './refusals';
import { MessageMarker, messageMarker, Origin } from './steps';
import { calendarDateOf, isIsoDate, isNonEmptyText, isTimeOfDay, Problems, problems } from './values';

/** Where and when a person is handed over at the border. */
export interface HandoverArrangement {
  /** The border gate (cửa khẩu), e.g. `Ma Lu Thang - Jinshuihe`. */
  readonly borderGate: string;
  /** Local calendar date at the gate. */
  readonly date: string;
  /** Local time at the gate, `HH:MM`. */
  readonly time: string;
  /** The unit that takes the person over. */
  readonly receivingUnit: string;
}

/**
 * An agreed hand-over schedule. Either side may schedule or reschedule; each (re)scheduling raises the
 * revision by one and is sent to the other side. When both sides reschedule at once (same revision),
 * the proposal of the side that takes the person over wins on both nodes, so both converge.
 */
export interface HandoverSchedule extends HandoverArrangement {
  readonly revision: number;
  /** Agency id of the side that set this schedule. */
  readonly proposedBy: string;
}

export const arrangementProblems = (arrangement: HandoverArrangement | undefined, now?: string): Problems =>
  problems({
    borderGate: isNonEmptyText(arrangement?.borderGate, 200),
    // A local schedule cannot lie in the past; an inbound one is not checked against our clock.
    date: isIsoDate(arrangement?.date) && (now === undefined || arrangement!.date >= calendarDateOf(now)),
    time: isTimeOfDay(arrangement?.time),
    // A counterpart's schedule may name no contact (the contract leaves it optional).
    receivingUnit:
      now === undefined
        ? typeof arrangement?.receivingUnit === 'string'
        : isNonEmptyText(arrangement?.receivingUnit, 200),
  });

/** The schedule a local (re)scheduling produces. */
export const nextSchedule = (
  current: HandoverSchedule | undefined,
  arrangement: HandoverArrangement,
  proposedBy: string,
): HandoverSchedule => ({
  borderGate: arrangement.borderGate,
  date: arrangement.date,
  time: arrangement.time,
  receivingUnit: arrangement.receivingUnit,
  revision: (current?.revision ?? 0) + 1,
  proposedBy,
});

/** Whether an inbound schedule replaces the current one (higher revision, or the tie-break above). */
export const supersedes = (
  incoming: HandoverSchedule,
  current: HandoverSchedule | undefined,
  takingSide: string,
): boolean =>
  current === undefined ||
  incoming.revision > current.revision ||
  (incoming.revision === current.revision &&
    incoming.proposedBy === takingSide &&
    current.proposedBy !== takingSide);

/** What a scheduling step decided: the schedule to record and its message marker, or nothing (stale). */
export type SchedulingDecision =
  { readonly schedule: HandoverSchedule; readonly marker: MessageMarker; readonly first: boolean } | 'stale';

/**
 * Decides a (re)scheduling. A local one is checked against `now` and raises the revision; an inbound
 * one carries the sender's revision and replaces ours only if it `supersedes` it, otherwise it is stale.
 */
export const decideScheduling = (
  command: Command<string, HandoverArrangement & { readonly revision?: number }>,
  origin: Origin,
  current: HandoverSchedule | undefined,
  counterpart: string,
  takingSide: string,
  kind: OutboundKind,
): SchedulingDecision | DomainError => {
  const local = 'local' in origin;
  const revision = command.data?.revision;
  const invalid = refuseIf([
    ...arrangementProblems(command.data, local ? command.metadata.now : undefined),
    ...(local ? [] : problems({ revision: Number.isInteger(revision) && (revision as number) >= 1 })),
  ]);
  if (invalid) return invalid;
  const proposedBy = local ? command.metadata.agencyId : counterpart;
  const next = nextSchedule(current, command.data, proposedBy);
  const schedule = local ? next : { ...next, revision: revision as number };
  if (!local && !supersedes(schedule, current, takingSide)) return 'stale';
  const marker = messageMarker(command, origin, counterpart, kind);
  if (isDomainError(marker)) return marker;
  return { schedule, marker, first: current === undefined };
};
