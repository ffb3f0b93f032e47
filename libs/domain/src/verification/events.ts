import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { Annexed, DeliveryEvent, Inbound, Outbound, PersonParticulars } from '../shared';

/** Whom the verification is about. */
export interface VerificationSubject {
  readonly role: 'victim' | 'suspect' | 'other';
  readonly person: PersonParticulars;
}
export const SUBJECT_ROLES: readonly VerificationSubject['role'][] = ['victim', 'suspect', 'other'];

/** What the requester wants verified. */
export type VerificationPurpose = 'identity' | 'nationality' | 'identity_and_nationality';
export const VERIFICATION_PURPOSES: readonly VerificationPurpose[] = [
  'identity',
  'nationality',
  'identity_and_nationality',
];

export type VerificationOutcome = 'confirmed' | 'not_found' | 'partial' | 'more_information_needed';
export const VERIFICATION_OUTCOMES: readonly VerificationOutcome[] = [
  'confirmed',
  'not_found',
  'partial',
  'more_information_needed',
];

export interface VerificationAnswer {
  readonly outcome: VerificationOutcome;
  /** What the responder found, or (for more_information_needed) what it needs. */
  readonly findings: string;
  /** The particulars as the responder's records hold them, when it found the person. */
  readonly person?: PersonParticulars;
}

/** The content of a verification request, as drafted and as sent on the wire. */
export interface VerificationRequestContent extends Annexed<'VerificationRequest'> {
  readonly caseId: string;
  readonly requester: string;
  readonly responder: string;
  readonly subject: VerificationSubject;
  readonly purpose: VerificationPurpose;
  readonly details: string;
  /** When the answer is due (ISO date-time). */
  readonly deadline: string;
}

export type VerificationRequestDrafted = DomainEvent<
  'VerificationRequestDrafted',
  VerificationRequestContent
>;
export type VerificationRequestSent = DomainEvent<
  'VerificationRequestSent',
  VerificationRequestContent & { readonly outbound: Outbound }
>;
export type VerificationRequestReceived = DomainEvent<
  'VerificationRequestReceived',
  VerificationRequestContent & { readonly inbound: Inbound }
>;
/** The answer: queued by the responder (`outbound`), applied from the counterpart by the requester (`inbound`). */
export type VerificationAnswered = DomainEvent<
  'VerificationAnswered',
  VerificationAnswer &
    Annexed<'VerificationAnswer'> & {
      readonly round: number;
      readonly outbound?: Outbound;
      readonly inbound?: Inbound;
    }
>;
/**
 * Another round after "more information needed"; carries the new deadline. On the wire it is a new
 * request in the same case, so the event also carries the case's subject and purpose (optional: events
 * stored before they were added lack them), and the queued message answers the answer
 * (`outbound.inReplyTo` = the "more information needed" answer's message id).
 */
export type VerificationAdditionalInformationProvided = DomainEvent<
  'VerificationAdditionalInformationProvided',
  {
    readonly round: number;
    readonly information: string;
    readonly deadline: string;
    readonly subject?: VerificationSubject;
    readonly purpose?: VerificationPurpose;
    readonly annex?: Annexed<'VerificationAdditionalInformation'>['annex'];
    readonly outbound?: Outbound;
    readonly inbound?: Inbound;
  }
>;
export type VerificationWithdrawn = DomainEvent<
  'VerificationWithdrawn',
  { readonly reason: string; readonly outbound?: Outbound; readonly inbound?: Inbound }
>;
export type VerificationClosed = DomainEvent<'VerificationClosed', { readonly note?: string }>;

export type VerificationEvent =
  | VerificationRequestDrafted
  | VerificationRequestSent
  | VerificationRequestReceived
  | VerificationAnswered
  | VerificationAdditionalInformationProvided
  | VerificationWithdrawn
  | VerificationClosed
  | DeliveryEvent<'Verification'>;

export const VERIFICATION_EVENT_TYPES = everyTypeOf<VerificationEvent>()([
  'VerificationRequestDrafted',
  'VerificationRequestSent',
  'VerificationRequestReceived',
  'VerificationAnswered',
  'VerificationAdditionalInformationProvided',
  'VerificationWithdrawn',
  'VerificationClosed',
  'VerificationMessageDelivered',
  'VerificationMessageRejected',
]);

/** A timeline line without particulars. */
export const describeVerificationEvent = (event: VerificationEvent): string => {
  switch (event.type) {
    case 'VerificationRequestDrafted':
      return `Verification request drafted for ${event.data.responder} (${event.data.purpose})`;
    case 'VerificationRequestSent':
      return `Verification request sent to ${event.data.responder}, due ${event.data.deadline}`;
    case 'VerificationRequestReceived':
      return `Verification request received from ${event.data.requester}, due ${event.data.deadline}`;
    case 'VerificationAnswered':
      return `Verification answered (round ${event.data.round}): ${event.data.outcome.replace(/_/g, ' ')}`;
    case 'VerificationAdditionalInformationProvided':
      return `Additional information provided (round ${event.data.round}), due ${event.data.deadline}`;
    case 'VerificationWithdrawn':
      return 'Verification request withdrawn';
    case 'VerificationClosed':
      return 'Verification closed';
    case 'VerificationMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'VerificationMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
