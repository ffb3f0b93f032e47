import { DomainEvent } from '../decider';
import type { Evaluation, HandlingCode } from './handling';

/**
 * The wire payloads an event can queue for the counterpart. The exchange layer reads `data.outbound`
 * from an event (see `queuedMessageOf`), seals the rest of the event data as the payload of that kind
 * and sends it under the given message id.
 */
export const OUTBOUND_KINDS = [
  'VerificationRequest',
  'VerificationAnswer',
  'VerificationAdditionalInformation',
  'VerificationWithdrawal',
  'RepatriationRequest',
  'RepatriationChildAdded',
  'RepatriationDecision',
  'HandoverScheduling',
  'HandoverCompleted',
  'ReceptionConfirmed',
  'RepatriationCancellation',
  'SuspectHandoverRequest',
  'SuspectHandoverDecision',
  'SuspectHandoverScheduling',
  'SuspectHandoverCompleted',
  'SuspectHandoverCancellation',
  'JointOperationProposal',
  'JointOperationAgreement',
  'JointOperationCaseLink',
  'JointOperationReport',
  'InformationNotice',
  'LocateRescueRequest',
  'LocateRescueAcknowledgement',
  'LocateRescueProgress',
  'LocateRescueOutcome',
  'LocateRescueCaseLink',
  'WantedPersonRequest',
  'WantedPersonAcknowledgement',
  'WantedPersonProgress',
  'WantedPersonOutcome',
  'WantedPersonCaseLink',
  'RepatriationMinutesProposal',
  'RepatriationMinutesCountersignature',
  'LiaisonMeetingProposal',
  'LiaisonMeetingAnswer',
  'LiaisonMeetingHeld',
  'LiaisonMeetingMinutes',
  'LiaisonActionItemDone',
  'MissionRequest',
  'MissionDecision',
  'MissionMovement',
  'MissionOutcome',
  'SuspectHandoverMinutesProposal',
  'SuspectHandoverMinutesCountersignature',
  'DisseminationRequest',
  'DisseminationAnswer',
  'VictimIdentification',
] as const;

export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

/** What an event that queues an envelope carries in `data.outbound`. */
export interface Outbound {
  /** UUIDv7 from `command.metadata.newIds[0]`; it never changes across retries. */
  readonly messageId: string;
  /** The other agency's id. */
  readonly counterpart: string;
  readonly kind: OutboundKind;
  /** The inbound message this one answers (the envelope's causation id), when it answers one. */
  readonly inReplyTo?: string;
  /** A handling code chosen for this message (`metadata.handling`); else the node's default. */
  readonly handling?: HandlingCode;
  /** A grading chosen for this message's content (`metadata.evaluation`). */
  readonly evaluation?: Evaluation;
}

/** What an event applied from a counterpart's message carries in `data.inbound`. */
export interface Inbound {
  /** The inbound message id (`command.metadata.messageId`). */
  readonly messageId: string;
  /** The sending agency's id. */
  readonly counterpart: string;
  /** The envelope header's handling code, as the counterpart set it. */
  readonly handling?: HandlingCode;
  /** The envelope header's source and information grading, when the counterpart graded the content. */
  readonly evaluation?: Evaluation;
}

export const isOutboundKind = (value: unknown): value is OutboundKind =>
  typeof value === 'string' && (OUTBOUND_KINDS as readonly string[]).includes(value);

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

/**
 * Recognise the message markers a stored event's data carries by the fields every reader relies on; the
 * optional ones (reply, handling, evaluation) were written by the same decider that wrote the marker.
 */
const isOutbound = (value: Record<string, unknown>): value is Record<string, unknown> & Outbound =>
  typeof value.messageId === 'string' && typeof value.counterpart === 'string' && isOutboundKind(value.kind);

const isInbound = (value: Record<string, unknown>): value is Record<string, unknown> & Inbound =>
  typeof value.messageId === 'string' && typeof value.counterpart === 'string';

/** The envelope an event queues, or undefined when it queues none. Works on any event, stored or new. */
export const queuedMessageOf = (event: DomainEvent): Outbound | undefined => {
  const outbound = record(record(event.data)?.outbound);
  return outbound && isOutbound(outbound) ? outbound : undefined;
};

/** The counterpart message an event was applied from, or undefined for a local event. */
export const appliedMessageOf = (event: DomainEvent): Inbound | undefined => {
  const inbound = record(record(event.data)?.inbound);
  return inbound && isInbound(inbound) ? inbound : undefined;
};
