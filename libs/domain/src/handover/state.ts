import { openingContent, unchanged } from '../case-process';
import {
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  evolveMinutesRecord,
  HandoverSchedule,
  MinutesRecord,
  MessageTrail,
  trailAfter,
  trailAfterDelivery,
  instantOfLocal,
  OpenDeadline,
} from '../shared';
import { SuspectHandoverEvent, SuspectHandoverRequestContent } from './events';

export type SuspectHandoverStatus =
  'requested' | 'accepted' | 'refused' | 'scheduled' | 'handed_over' | 'cancelled';

/** Which side of the hand-over this node is. */
export type SuspectHandoverSide = 'requesting' | 'holding';

/** A hand-over case: the request's content as it came, and where the case stands. */
export interface SuspectHandover extends SuspectHandoverRequestContent {
  readonly status: SuspectHandoverStatus;
  readonly ourSide: SuspectHandoverSide;
  readonly theirSide: SuspectHandoverSide;
  readonly counterpart: string;
  readonly requestMessageId: string;
  readonly refusalReason?: string;
  readonly schedule?: HandoverSchedule;
  readonly handedOverAt?: string;
  readonly cancellationReason?: string;
  /** The hand-over minutes and the signatures both sides put on them. */
  readonly minutes?: MinutesRecord;
  readonly trail: MessageTrail;
}

export type SuspectHandoverState = { readonly status: 'none' } | SuspectHandover;

export const initialSuspectHandoverState = (): SuspectHandoverState => ({ status: 'none' });

const opened = (
  data: SuspectHandoverRequestContent,
  ourSide: SuspectHandoverSide,
  requestMessageId: string,
) => ({
  ...openingContent(data),
  status: 'requested' as const,
  ourSide,
  theirSide: ourSide === 'requesting' ? ('holding' as const) : ('requesting' as const),
  counterpart: ourSide === 'requesting' ? data.holdingAgency : data.requestingAgency,
  requestMessageId,
});

export const evolveSuspectHandover = (
  state: SuspectHandoverState,
  event: SuspectHandoverEvent,
): SuspectHandoverState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'SuspectHandoverRequested':
      return { ...opened(event.data, 'requesting', event.data.outbound.messageId), trail };
    case 'SuspectHandoverRequestReceived':
      return { ...opened(event.data, 'holding', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'SuspectHandoverAccepted':
      return { ...next, status: 'accepted' };
    case 'SuspectHandoverRefused':
      return { ...next, status: 'refused', refusalReason: event.data.reason };
    case 'SuspectHandoverScheduled':
    case 'SuspectHandoverRescheduled':
      return { ...next, status: 'scheduled', schedule: event.data.schedule };
    case 'SuspectHandedOver':
      return { ...next, status: 'handed_over', handedOverAt: event.data.handedOverAt };
    case 'SuspectHandoverCancelled':
      return { ...next, status: 'cancelled', cancellationReason: event.data.reason };
    case 'SuspectHandoverMessageDelivered':
    case 'SuspectHandoverMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    case 'SuspectHandoverMinutesProposed':
    case 'SuspectHandoverMinutesReceived':
    case 'SuspectHandoverMinutesAgreed':
    case 'SuspectHandoverMinutesSigned':
    case 'SuspectHandoverMinutesCountersigned':
    case 'SuspectHandoverMinutesCoSigned': {
      const us = state.ourSide === 'requesting' ? state.requestingAgency : state.holdingAgency;
      const minutes = evolveMinutesRecord('SuspectHandover', state.minutes, event, us);
      return minutes ? { ...next, minutes } : next;
    }
    default:
      return unchanged(event, state);
  }
};

/** Where the holding side's decision stands against the request's deadline at `now`. */
export const suspectHandoverDeadlineStatus = (
  state: SuspectHandoverState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus => {
  if (state.status === 'none' || state.status === 'cancelled') return 'none';
  return classifyDeadline(
    { deadline: state.deadline, met: state.status !== 'requested' },
    now,
    dueSoonWithinMs,
  );
};

/**
 * What the suspect hand-over waits on: the holding side's decision (`handover_decision`), then the
 * hand-over on its scheduled date and time (`handover_date`, ref = the schedule's revision).
 */
export const suspectHandoverOpenDeadlines = (state: SuspectHandoverState): readonly OpenDeadline[] => {
  if (state.status === 'requested')
    return [{ kind: 'handover_decision', due: state.deadline, ref: state.requestMessageId }];
  if (state.status === 'scheduled' && state.schedule)
    return [
      {
        kind: 'handover_date',
        due: instantOfLocal(state.schedule.date, state.schedule.time, state.schedule.proposedBy),
        ref: `schedule:${state.schedule.revision}`,
      },
    ];
  return [];
};
