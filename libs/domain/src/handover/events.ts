import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import {
  Annexed,
  DeliveryEvent,
  describeMinutesEvent,
  HandoverSchedule,
  Inbound,
  LocalTime,
  localTimesLine,
  MinutesCountersigned,
  MinutesEventOf,
  minutesEventTypes,
  MinutesSigned,
  Outbound,
  PersonParticulars,
} from '../shared';

type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

/** The content of a suspect hand-over request, on both sides and on the wire. */
export interface SuspectHandoverRequestContent extends Annexed<'SuspectHandoverRequest'> {
  readonly caseId: string;
  /** The side that wants the suspect and holds the warrant; takes custody at the border. */
  readonly requestingAgency: string;
  /** The side that located and holds the suspect; hands the suspect over. */
  readonly holdingAgency: string;
  readonly suspect: PersonParticulars;
  /** Reference of the arrest warrant or wanted notice. */
  readonly warrantReference: string;
  /** Authority that issued the warrant (absent from events stored before it was recorded). */
  readonly warrantIssuedBy?: string;
  /** Date of issue of the warrant, `YYYY-MM-DD` (absent from events stored before it was recorded). */
  readonly warrantIssuedOn?: string;
  /** The offences, in brief. */
  readonly offences: string;
  /** When the holding side's decision is due (ISO date-time). */
  readonly deadline: string;
}

export type SuspectHandoverRequested = DomainEvent<
  'SuspectHandoverRequested',
  SuspectHandoverRequestContent & { readonly outbound: Outbound }
>;
export type SuspectHandoverRequestReceived = DomainEvent<
  'SuspectHandoverRequestReceived',
  SuspectHandoverRequestContent & { readonly inbound: Inbound }
>;
export type SuspectHandoverAccepted = DomainEvent<
  'SuspectHandoverAccepted',
  { readonly decision: 'accepted'; readonly note?: string } & Annexed<'SuspectHandoverDecision'> & Marked
>;
export type SuspectHandoverRefused = DomainEvent<
  'SuspectHandoverRefused',
  { readonly decision: 'refused'; readonly reason: string } & Annexed<'SuspectHandoverDecision'> & Marked
>;
/** A hand-over schedule as the scheduling events carry it. */
interface Scheduling {
  readonly schedule: HandoverSchedule;
  /** The agreed time in the holding then the requesting side's local time (absent from older events). */
  readonly localTimes?: readonly LocalTime[];
}
export type SuspectHandoverScheduled = DomainEvent<
  'SuspectHandoverScheduled',
  Scheduling & Annexed<'SuspectHandoverScheduling'> & Marked
>;
export type SuspectHandoverRescheduled = DomainEvent<
  'SuspectHandoverRescheduled',
  Scheduling & Annexed<'SuspectHandoverScheduling'> & Marked
>;
export type SuspectHandedOver = DomainEvent<
  'SuspectHandedOver',
  { readonly handedOverAt: string } & Annexed<'SuspectHandoverCompleted'> & Marked
>;
export type SuspectHandoverCancelled = DomainEvent<
  'SuspectHandoverCancelled',
  { readonly reason: string } & Marked
>;

export type SuspectHandoverEvent =
  | SuspectHandoverRequested
  | SuspectHandoverRequestReceived
  | SuspectHandoverAccepted
  | SuspectHandoverRefused
  | SuspectHandoverScheduled
  | SuspectHandoverRescheduled
  | SuspectHandedOver
  | SuspectHandoverCancelled
  | SuspectHandoverMinutesEvent
  | DeliveryEvent<'SuspectHandover'>;

/** The co-signing of the hand-over minutes (shared/minutes-steps). */
export type SuspectHandoverMinutesEvent = MinutesEventOf<'SuspectHandover'>;
export type SuspectHandoverMinutesSigned = MinutesSigned<'SuspectHandover'>;
export type SuspectHandoverMinutesCountersigned = MinutesCountersigned<'SuspectHandover'>;

export const SUSPECT_HANDOVER_EVENT_TYPES = everyTypeOf<SuspectHandoverEvent>()([
  'SuspectHandoverRequested',
  'SuspectHandoverRequestReceived',
  'SuspectHandoverAccepted',
  'SuspectHandoverRefused',
  'SuspectHandoverScheduled',
  'SuspectHandoverRescheduled',
  'SuspectHandedOver',
  'SuspectHandoverCancelled',
  'SuspectHandoverMessageDelivered',
  'SuspectHandoverMessageRejected',
  ...minutesEventTypes('SuspectHandover'),
]);

/** The gate and the time, in both sides' local times when the event has them. */
const at = ({ schedule, localTimes }: Scheduling): string =>
  `${schedule.borderGate} on ${localTimes ? localTimesLine(localTimes) : `${schedule.date} ${schedule.time}`}`;

/** A timeline line without particulars (the warrant reference is an official reference, not a particular). */
export const describeSuspectHandoverEvent = (event: SuspectHandoverEvent): string => {
  switch (event.type) {
    case 'SuspectHandoverRequested':
      return `Suspect hand-over requested from ${event.data.holdingAgency} under warrant ${event.data.warrantReference}`;
    case 'SuspectHandoverRequestReceived':
      return `Suspect hand-over request received from ${event.data.requestingAgency} under warrant ${event.data.warrantReference}`;
    case 'SuspectHandoverAccepted':
      return 'Suspect hand-over accepted';
    case 'SuspectHandoverRefused':
      return 'Suspect hand-over refused';
    case 'SuspectHandoverScheduled':
      return `Suspect hand-over scheduled at ${at(event.data)}`;
    case 'SuspectHandoverRescheduled':
      return `Suspect hand-over rescheduled to ${at(event.data)}`;
    case 'SuspectHandedOver':
      return 'Suspect handed over';
    case 'SuspectHandoverCancelled':
      return 'Suspect hand-over cancelled';
    case 'SuspectHandoverMinutesProposed':
    case 'SuspectHandoverMinutesSigned':
    case 'SuspectHandoverMinutesReceived':
    case 'SuspectHandoverMinutesAgreed':
    case 'SuspectHandoverMinutesCountersigned':
    case 'SuspectHandoverMinutesCoSigned':
      return describeMinutesEvent('SuspectHandover', event);
    case 'SuspectHandoverMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'SuspectHandoverMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
