import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import {
  Annexed,
  ChildRelationship,
  DeliveryEvent,
  describeMinutesEvent,
  HandoverSchedule,
  Inbound,
  LocalTime,
  localTimesLine,
  MinutesAgreed,
  MinutesCoSigned,
  MinutesCountersigned,
  MinutesProposed,
  MinutesReceived,
  MinutesSigned,
  Outbound,
  PersonParticulars,
} from '../shared';

/** Either an envelope we queued or the counterpart message the event was applied from. */
type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

/** A child travelling with the victim, identified within the case by `childId`. */
export interface ChildParticulars {
  readonly childId: string;
  readonly person: PersonParticulars;
  /** How the child relates to the victim. */
  readonly relationship?: ChildRelationship;
  /** ISO 3166 alpha-2 of the country the child was born in. */
  readonly bornInCountry?: string;
}

/** A child's particulars without anything else the data holding them carries. */
export const childParticularsOf = (data: ChildParticulars): ChildParticulars => ({
  childId: data.childId,
  person: data.person,
  ...(data.relationship === undefined ? {} : { relationship: data.relationship }),
  ...(data.bornInCountry === undefined ? {} : { bornInCountry: data.bornInCountry }),
});

/** Support services a received victim is referred to. */
export type SupportService =
  'shelter' | 'medical' | 'psychological' | 'legal' | 'vocational' | 'family_reunification';
export const SUPPORT_SERVICES: readonly SupportService[] = [
  'shelter',
  'medical',
  'psychological',
  'legal',
  'vocational',
  'family_reunification',
];

/** The content of a repatriation request, on both sides and on the wire. */
export interface RepatriationRequestContent extends Annexed<'RepatriationRequest'> {
  readonly caseId: string;
  /** Where the victim was rescued; hands the victim over. */
  readonly requestingAgency: string;
  /** The victim's home side; verifies, accepts and receives. */
  readonly receivingAgency: string;
  readonly victim: PersonParticulars;
  readonly children: readonly ChildParticulars[];
  /** How and where the victim was rescued, in brief (the request's remarks; may be empty from a counterpart). */
  readonly circumstances: string;
  /** When the receiving side's decision is due (ISO date-time). */
  readonly deadline: string;
}

export type RepatriationRequested = DomainEvent<
  'RepatriationRequested',
  RepatriationRequestContent & { readonly outbound: Outbound }
>;
export type RepatriationRequestReceived = DomainEvent<
  'RepatriationRequestReceived',
  RepatriationRequestContent & { readonly inbound: Inbound }
>;
/** The receiving side starts verifying (local; optionally linked to a verification case). */
export type RepatriationVerificationStarted = DomainEvent<
  'RepatriationVerificationStarted',
  { readonly verificationCaseId?: string }
>;
export type RepatriationAccepted = DomainEvent<
  'RepatriationAccepted',
  { readonly decision: 'accepted'; readonly note?: string } & Annexed<'RepatriationDecision'> & Marked
>;
export type RepatriationRefused = DomainEvent<
  'RepatriationRefused',
  { readonly decision: 'refused'; readonly reason: string } & Annexed<'RepatriationDecision'> & Marked
>;
export type RepatriationChildAdded = DomainEvent<'RepatriationChildAdded', ChildParticulars & Marked>;
/** The first schedule (revision 1). */
export type RepatriationHandoverScheduled = DomainEvent<
  'RepatriationHandoverScheduled',
  {
    readonly schedule: HandoverSchedule;
    /** The agreed time in the requesting then the receiving side's local time. */
    readonly localTimes?: readonly LocalTime[];
  } & Annexed<'HandoverScheduling'> &
    Marked
>;
/** A later schedule (revision 2+), replacing the previous one. */
export type RepatriationHandoverRescheduled = DomainEvent<
  'RepatriationHandoverRescheduled',
  {
    readonly schedule: HandoverSchedule;
    /** The agreed time in the requesting then the receiving side's local time. */
    readonly localTimes?: readonly LocalTime[];
  } & Annexed<'HandoverScheduling'> &
    Marked
>;
export type RepatriationHandedOver = DomainEvent<
  'RepatriationHandedOver',
  { readonly handedOverAt: string; readonly childIds: readonly string[] } & Annexed<'HandoverCompleted'> &
    Marked
>;
export type RepatriationReceptionConfirmed = DomainEvent<
  'RepatriationReceptionConfirmed',
  {
    readonly facility: string;
    readonly receivedAt: string;
    readonly childIds: readonly string[];
  } & Annexed<'ReceptionConfirmed'> &
    Marked
>;
/** The receiving side refers the victim to support services (local). */
export type RepatriationVictimReferred = DomainEvent<
  'RepatriationVictimReferred',
  { readonly services: readonly SupportService[]; readonly referredTo: string; readonly note?: string }
>;
export type RepatriationCancelled = DomainEvent<
  'RepatriationCancelled',
  { readonly reason: string } & Marked
>;

/**
 * The elements a victim of trafficking is identified on (xác định nạn nhân): the act (recruited,
 * transported, transferred, harboured or received), the means (threat, force, deception, abuse of
 * vulnerability, payment), the purpose (exploitation), and that the person is a child (under 18: the
 * means are then not needed).
 */
export type IdentificationCriterion = 'act' | 'means' | 'purpose' | 'child';
export const IDENTIFICATION_CRITERIA: readonly IdentificationCriterion[] = [
  'act',
  'means',
  'purpose',
  'child',
];

/**
 * Identification (either side): whether the person is a victim of trafficking, on which criteria and
 * grounds. A decision of its own, distinct from verifying identity and nationality. The identifying
 * side tells the counterpart (`VictimIdentification`, `outbound`), which records it on its side
 * (`inbound`); events stored before it travelled carry neither marker, authority nor date.
 */
export type RepatriationVictimIdentified = DomainEvent<
  'RepatriationVictimIdentified',
  VictimIdentification & { readonly outbound?: Outbound; readonly inbound?: Inbound }
>;
/** An identification decision as the case keeps it. */
export interface VictimIdentification {
  readonly decision: 'identified' | 'not_identified';
  readonly criteria: readonly IdentificationCriterion[];
  /** Why, in free text: the person's story, so a particular (sealed at rest). */
  readonly grounds: string;
  /** The agency that decided. */
  readonly decidedBy: string;
  /** The authority that decided, in its own name (a unit of the deciding agency). */
  readonly authority?: string;
  /** The day of the decision (ISO date). */
  readonly identifiedOn?: string;
}
/** The co-signing of the hand-over minutes (shared/minutes-steps). */
export type RepatriationMinutesProposed = MinutesProposed<'Repatriation'>;
export type RepatriationMinutesSigned = MinutesSigned<'Repatriation'>;
export type RepatriationMinutesReceived = MinutesReceived<'Repatriation'>;
export type RepatriationMinutesAgreed = MinutesAgreed<'Repatriation'>;
export type RepatriationMinutesCountersigned = MinutesCountersigned<'Repatriation'>;
export type RepatriationMinutesCoSigned = MinutesCoSigned<'Repatriation'>;

export type RepatriationEvent =
  | RepatriationRequested
  | RepatriationRequestReceived
  | RepatriationVerificationStarted
  | RepatriationAccepted
  | RepatriationRefused
  | RepatriationChildAdded
  | RepatriationHandoverScheduled
  | RepatriationHandoverRescheduled
  | RepatriationHandedOver
  | RepatriationReceptionConfirmed
  | RepatriationVictimReferred
  | RepatriationCancelled
  | RepatriationVictimIdentified
  | RepatriationMinutesProposed
  | RepatriationMinutesSigned
  | RepatriationMinutesReceived
  | RepatriationMinutesAgreed
  | RepatriationMinutesCountersigned
  | RepatriationMinutesCoSigned
  | DeliveryEvent<'Repatriation'>;

export const REPATRIATION_EVENT_TYPES = everyTypeOf<RepatriationEvent>()([
  'RepatriationRequested',
  'RepatriationRequestReceived',
  'RepatriationVerificationStarted',
  'RepatriationAccepted',
  'RepatriationRefused',
  'RepatriationChildAdded',
  'RepatriationHandoverScheduled',
  'RepatriationHandoverRescheduled',
  'RepatriationHandedOver',
  'RepatriationReceptionConfirmed',
  'RepatriationVictimReferred',
  'RepatriationCancelled',
  'RepatriationVictimIdentified',
  'RepatriationMinutesProposed',
  'RepatriationMinutesSigned',
  'RepatriationMinutesReceived',
  'RepatriationMinutesAgreed',
  'RepatriationMinutesCountersigned',
  'RepatriationMinutesCoSigned',
  'RepatriationMessageDelivered',
  'RepatriationMessageRejected',
]);

const withChildren = (count: number): string =>
  count === 0 ? '' : ` with ${count} child${count === 1 ? '' : 'ren'}`;
/** The gate and the time, in both sides' local times when the event has them. */
const at = (data: {
  readonly schedule: HandoverSchedule;
  readonly localTimes?: readonly LocalTime[];
}): string =>
  `${data.schedule.borderGate} on ${
    data.localTimes ? localTimesLine(data.localTimes) : `${data.schedule.date} ${data.schedule.time}`
  }`;

/** A timeline line without particulars. */
export const describeRepatriationEvent = (event: RepatriationEvent): string => {
  switch (event.type) {
    case 'RepatriationRequested':
      return `Repatriation requested from ${event.data.receivingAgency}${withChildren(event.data.children.length)}`;
    case 'RepatriationRequestReceived':
      return `Repatriation request received from ${event.data.requestingAgency}${withChildren(event.data.children.length)}`;
    case 'RepatriationVerificationStarted':
      return 'Verification of the victim started';
    case 'RepatriationAccepted':
      return 'Repatriation accepted';
    case 'RepatriationRefused':
      return 'Repatriation refused';
    case 'RepatriationChildAdded':
      return 'Accompanying child added';
    case 'RepatriationHandoverScheduled':
      return `Hand-over scheduled at ${at(event.data)}`;
    case 'RepatriationHandoverRescheduled':
      return `Hand-over rescheduled to ${at(event.data)}`;
    case 'RepatriationHandedOver':
      return `Victim handed over${withChildren(event.data.childIds.length)}`;
    case 'RepatriationReceptionConfirmed':
      return `Reception confirmed by the support facility${withChildren(event.data.childIds.length)}`;
    case 'RepatriationVictimReferred':
      return `Victim referred to ${event.data.services.join(', ')} services`;
    case 'RepatriationCancelled':
      return 'Repatriation cancelled';
    case 'RepatriationVictimIdentified':
      return event.data.decision === 'identified'
        ? `Identified as a victim of trafficking by ${event.data.decidedBy} (${event.data.criteria.join(', ')})${identificationSent(event.data)}`
        : `Not identified as a victim of trafficking by ${event.data.decidedBy}${identificationSent(event.data)}`;
    case 'RepatriationMinutesProposed':
    case 'RepatriationMinutesSigned':
    case 'RepatriationMinutesReceived':
    case 'RepatriationMinutesAgreed':
    case 'RepatriationMinutesCountersigned':
    case 'RepatriationMinutesCoSigned':
      return describeMinutesEvent('Repatriation', event);
    case 'RepatriationMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'RepatriationMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};

/** Whether an identification was sent to or received from the counterpart, for the timeline. */
const identificationSent = (data: { readonly outbound?: Outbound; readonly inbound?: Inbound }): string =>
  data.outbound ? `; notice sent to ${data.outbound.counterpart}` : data.inbound ? '; notice received' : '';
