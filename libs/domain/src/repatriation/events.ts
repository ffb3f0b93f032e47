import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import {
  Annexed,
  ChildRelationship,
  DeliveryEvent,
  HandoverSchedule,
  Inbound,
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
  { readonly schedule: HandoverSchedule } & Annexed<'HandoverScheduling'> & Marked
>;
/** A later schedule (revision 2+), replacing the previous one. */
export type RepatriationHandoverRescheduled = DomainEvent<
  'RepatriationHandoverRescheduled',
  { readonly schedule: HandoverSchedule } & Annexed<'HandoverScheduling'> & Marked
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
  'RepatriationMessageDelivered',
  'RepatriationMessageRejected',
]);

const withChildren = (count: number): string =>
  count === 0 ? '' : ` with ${count} child${count === 1 ? '' : 'ren'}`;
const at = (schedule: HandoverSchedule): string =>
  `${schedule.borderGate} on ${schedule.date} ${schedule.time}`;

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
      return `Hand-over scheduled at ${at(event.data.schedule)}`;
    case 'RepatriationHandoverRescheduled':
      return `Hand-over rescheduled to ${at(event.data.schedule)}`;
    case 'RepatriationHandedOver':
      return `Victim handed over${withChildren(event.data.childIds.length)}`;
    case 'RepatriationReceptionConfirmed':
      return `Reception confirmed by the support facility${withChildren(event.data.childIds.length)}`;
    case 'RepatriationVictimReferred':
      return `Victim referred to ${event.data.services.join(', ')} services`;
    case 'RepatriationCancelled':
      return 'Repatriation cancelled';
    case 'RepatriationMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'RepatriationMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
