import { openingContent, unchanged } from '../case-process';
import {
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  HandoverSchedule,
  MessageTrail,
  evolveMinutesRecord,
  MinutesRecord,
  trailAfter,
  trailAfterDelivery,
  instantOfLocal,
  OpenDeadline,
  RECEPTION_CONFIRMATION_WITHIN_MS,
} from '../shared';
import {
  ChildParticulars,
  childParticularsOf,
  VictimIdentification,
  RepatriationEvent,
  RepatriationRequestContent,
  SupportService,
} from './events';

export type RepatriationStatus =
  | 'requested'
  | 'under_verification'
  | 'accepted'
  | 'refused'
  | 'scheduled'
  | 'handed_over'
  | 'received'
  | 'referred'
  | 'cancelled';

/** Which side of the repatriation this node is. */
export type RepatriationSide = 'requesting' | 'receiving';

/** A child travelling with the victim, tracked step by step with the victim. */
export interface AccompanyingChild extends ChildParticulars {
  readonly handedOver: boolean;
  readonly received: boolean;
}

/** A repatriation: the request's content as it came, and where the case stands. */
export interface Repatriation extends RepatriationRequestContent {
  readonly status: RepatriationStatus;
  readonly ourSide: RepatriationSide;
  readonly theirSide: RepatriationSide;
  readonly counterpart: string;
  readonly children: readonly AccompanyingChild[];
  /** When the receiving side's decision is due. */
  readonly deadline: string;
  readonly requestMessageId: string;
  readonly verificationCaseId?: string;
  readonly refusalReason?: string;
  /** The schedule in force; revision > 1 means it was rescheduled. */
  readonly schedule?: HandoverSchedule;
  readonly handedOverAt?: string;
  readonly reception?: { readonly facility: string; readonly receivedAt: string };
  readonly referral?: { readonly services: readonly SupportService[]; readonly referredTo: string };
  readonly cancellationReason?: string;
  /** Whether the person was identified as a victim of trafficking (not the verification of identity). */
  readonly identification?: VictimIdentification;
  /** The hand-over minutes and the signatures both sides put on them. */
  readonly minutes?: MinutesRecord;
  readonly trail: MessageTrail;
}

export type RepatriationState = { readonly status: 'none' } | Repatriation;

export const initialRepatriationState = (): RepatriationState => ({ status: 'none' });

const opened = (data: RepatriationRequestContent, ourSide: RepatriationSide, requestMessageId: string) => ({
  ...openingContent(data),
  status: 'requested' as const,
  ourSide,
  theirSide: ourSide === 'requesting' ? ('receiving' as const) : ('requesting' as const),
  counterpart: ourSide === 'requesting' ? data.receivingAgency : data.requestingAgency,
  children: data.children.map((child) => ({ ...child, handedOver: false, received: false })),
  requestMessageId,
});

const ORDER: readonly RepatriationStatus[] = ['scheduled', 'handed_over', 'received', 'referred'];
/** Messages may cross: a late step never moves the case back. */
const atLeast = (current: RepatriationStatus, next: RepatriationStatus): RepatriationStatus =>
  ORDER.indexOf(current) > ORDER.indexOf(next) ? current : next;

const mark = (
  children: readonly AccompanyingChild[],
  ids: readonly string[],
  flag: 'handedOver' | 'received',
) => children.map((child) => (ids.includes(child.childId) ? { ...child, [flag]: true } : child));

export const evolveRepatriation = (state: RepatriationState, event: RepatriationEvent): RepatriationState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'RepatriationRequested':
      return { ...opened(event.data, 'requesting', event.data.outbound.messageId), trail };
    case 'RepatriationRequestReceived':
      return { ...opened(event.data, 'receiving', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'RepatriationVerificationStarted':
      return { ...next, status: 'under_verification', verificationCaseId: event.data.verificationCaseId };
    case 'RepatriationAccepted':
      return { ...next, status: 'accepted' };
    case 'RepatriationRefused':
      return { ...next, status: 'refused', refusalReason: event.data.reason };
    case 'RepatriationChildAdded': {
      const child = { ...childParticularsOf(event.data), handedOver: false, received: false };
      return { ...next, children: [...state.children, child] };
    }
    case 'RepatriationHandoverScheduled':
    case 'RepatriationHandoverRescheduled':
      return { ...next, status: atLeast(state.status, 'scheduled'), schedule: event.data.schedule };
    case 'RepatriationHandedOver':
      return {
        ...next,
        status: atLeast(state.status, 'handed_over'),
        handedOverAt: event.data.handedOverAt,
        children: mark(state.children, event.data.childIds, 'handedOver'),
      };
    case 'RepatriationReceptionConfirmed': {
      // Reception implies the hand-over, even if its message has not arrived yet.
      const handedOver = mark(state.children, event.data.childIds, 'handedOver');
      return {
        ...next,
        status: atLeast(state.status, 'received'),
        reception: { facility: event.data.facility, receivedAt: event.data.receivedAt },
        children: mark(handedOver, event.data.childIds, 'received'),
      };
    }
    case 'RepatriationVictimReferred':
      return {
        ...next,
        status: 'referred',
        referral: { services: event.data.services, referredTo: event.data.referredTo },
      };
    case 'RepatriationCancelled':
      return { ...next, status: 'cancelled', cancellationReason: event.data.reason };
    case 'RepatriationVictimIdentified': {
      const { outbound: _outbound, inbound: _inbound, ...identification } = event.data;
      return { ...next, identification };
    }
    case 'RepatriationMinutesProposed':
    case 'RepatriationMinutesReceived':
    case 'RepatriationMinutesAgreed':
    case 'RepatriationMinutesSigned':
    case 'RepatriationMinutesCountersigned':
    case 'RepatriationMinutesCoSigned': {
      const us = state.ourSide === 'requesting' ? state.requestingAgency : state.receivingAgency;
      const minutes = evolveMinutesRecord('Repatriation', state.minutes, event, us);
      return minutes ? { ...next, minutes } : next;
    }
    case 'RepatriationMessageDelivered':
    case 'RepatriationMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

const DECIDED: readonly string[] = [
  'accepted',
  'refused',
  'scheduled',
  'handed_over',
  'received',
  'referred',
];

/**
 * Where the receiving side's decision stands against the request's deadline at `now`: `met` once
 * accepted or refused, `none` once cancelled undecided.
 */
export const repatriationDeadlineStatus = (
  state: RepatriationState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus => {
  if (state.status === 'none' || state.status === 'cancelled') return 'none';
  return classifyDeadline(
    { deadline: state.deadline, met: DECIDED.includes(state.status) },
    now,
    dueSoonWithinMs,
  );
};

/** The instant a schedule's gate-local date and time stand for (on the side that set it). */
export const scheduledInstant = (schedule: HandoverSchedule): string =>
  instantOfLocal(schedule.date, schedule.time, schedule.proposedBy);

/**
 * What the repatriation waits on: the receiving side's decision (`repatriation_decision`), the
 * hand-over on its scheduled date and time (`handover_date`, ref = the schedule's revision, so a
 * reschedule starts a new deadline), then the reception's confirmation within a day of the hand-over
 * (`reception_confirmation`).
 */
export const repatriationOpenDeadlines = (state: RepatriationState): readonly OpenDeadline[] => {
  switch (state.status) {
    case 'requested':
    case 'under_verification':
      return [{ kind: 'repatriation_decision', due: state.deadline, ref: state.requestMessageId }];
    case 'scheduled':
      return state.schedule
        ? [
            {
              kind: 'handover_date',
              due: scheduledInstant(state.schedule),
              ref: `schedule:${state.schedule.revision}`,
            },
          ]
        : [];
    case 'handed_over':
      return state.handedOverAt
        ? [
            {
              kind: 'reception_confirmation',
              due: new Date(Date.parse(state.handedOverAt) + RECEPTION_CONFIRMATION_WITHIN_MS).toISOString(),
              ref: 'handover',
            },
          ]
        : [];
    default:
      return [];
  }
};
