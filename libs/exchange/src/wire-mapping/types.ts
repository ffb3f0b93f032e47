import { OutboundKind, QueuingEventOf, ReceivingDataOf } from '@xb/domain';
import { PayloadInput, PayloadMessage, PayloadType } from '@xb/envelope';
import { InboundHeader, OutboundHeaderExtras } from '../ports';

/** Settings both nodes of a pair must share for schedules to mean the same on both sides. */
export interface WireConventions {
  /**
   * UTC offset (minutes east) of the local gate time the domain keeps (`date` + `time`), used to turn
   * it into the wire's UTC `scheduled_at` and back. Unset (the default): the zone of the side that set
   * the schedule (`zoneOf` in libs/domain: China UTC+8, Vietnam and Laos UTC+7), so each side agrees
   * times in its own local time. Set, one offset for every counterpart (both nodes must then use it).
   */
  readonly gateUtcOffsetMinutes?: number;
}

/** Indochina time (UTC+7): the one offset every counterpart got before gate times were by side. */
export const DEFAULT_GATE_UTC_OFFSET_MINUTES = 420;

/** An inbound policy with its defaults filled in (the gate offset stays unset: by side). */
export type PolicyInForce = Required<Omit<InboundPolicy, 'gateUtcOffsetMinutes'>> & WireConventions;

/** The payload types each kind of message travels as (a kind may have several, chosen by its event). */
export interface KindPayloadTypes {
  readonly VerificationRequest: 'xborder.v1.VerificationRequest';
  readonly VerificationAnswer: 'xborder.v1.VerificationAnswer';
  /** Another round is a new request in the same case, answering the answer (its causation id). */
  readonly VerificationAdditionalInformation: 'xborder.v1.VerificationRequest';
  readonly VerificationWithdrawal: 'xborder.v1.VerificationWithdrawal';
  readonly RepatriationRequest: 'xborder.v1.RepatriationRequest';
  readonly RepatriationChildAdded: 'xborder.v1.RepatriationChildAdded';
  readonly RepatriationDecision: 'xborder.v1.RepatriationDecision';
  readonly HandoverScheduling: 'xborder.v1.RepatriationHandoverScheduled';
  readonly HandoverCompleted: 'xborder.v1.RepatriationHandoverDone';
  readonly ReceptionConfirmed: 'xborder.v1.RepatriationReceptionConfirmed';
  readonly RepatriationCancellation: 'xborder.v1.RepatriationCancellation';
  readonly SuspectHandoverRequest: 'xborder.v1.SuspectHandoverRequest';
  readonly SuspectHandoverDecision: 'xborder.v1.SuspectHandoverDecision';
  readonly SuspectHandoverScheduling: 'xborder.v1.SuspectHandoverScheduled';
  readonly SuspectHandoverCompleted: 'xborder.v1.SuspectHandoverDone';
  readonly SuspectHandoverCancellation: 'xborder.v1.SuspectHandoverCancellation';
  readonly JointOperationProposal: 'xborder.v1.JointOperationProposal';
  readonly JointOperationAgreement:
    'xborder.v1.JointOperationAgreement' | 'xborder.v1.JointOperationDeclined';
  readonly JointOperationCaseLink: 'xborder.v1.JointOperationCaseLinked';
  readonly JointOperationReport: 'xborder.v1.JointOperationResultReport';
  readonly InformationNotice:
    'xborder.v1.CaseInformation' | 'xborder.v1.CriminalMethod' | 'xborder.v1.HotlineTipOff';
  readonly LocateRescueRequest: 'xborder.v1.LocateRescueRequest';
  readonly LocateRescueAcknowledgement: 'xborder.v1.LocateRescueAcknowledgement';
  readonly LocateRescueProgress: 'xborder.v1.LocateRescueProgress';
  readonly LocateRescueOutcome: 'xborder.v1.LocateRescueOutcome';
  readonly LocateRescueCaseLink: 'xborder.v1.LocateRescueCaseLinked';
  readonly WantedPersonRequest: 'xborder.v1.WantedPersonRequest';
  readonly WantedPersonAcknowledgement: 'xborder.v1.WantedPersonAcknowledgement';
  readonly WantedPersonProgress: 'xborder.v1.WantedPersonProgress';
  readonly WantedPersonOutcome: 'xborder.v1.WantedPersonOutcome';
  readonly WantedPersonCaseLink: 'xborder.v1.WantedPersonCaseLinked';
  readonly RepatriationMinutesProposal: 'xborder.v1.RepatriationMinutesProposal';
  readonly RepatriationMinutesCountersignature: 'xborder.v1.RepatriationMinutesCountersignature';
  readonly LiaisonMeetingProposal: 'xborder.v1.LiaisonMeetingProposal';
  readonly LiaisonMeetingAnswer:
    'xborder.v1.LiaisonMeetingAgreement' | 'xborder.v1.LiaisonMeetingCounterProposal';
  readonly LiaisonMeetingHeld: 'xborder.v1.LiaisonMeetingHeld';
  readonly LiaisonMeetingMinutes: 'xborder.v1.LiaisonMeetingMinutes';
  readonly LiaisonActionItemDone: 'xborder.v1.LiaisonActionItemDone';
  readonly MissionRequest: 'xborder.v1.MissionRequest';
  readonly MissionDecision: 'xborder.v1.MissionDecision';
  readonly MissionMovement: 'xborder.v1.MissionMovement';
  readonly MissionOutcome: 'xborder.v1.MissionOutcomeReport';
  readonly SuspectHandoverMinutesProposal: 'xborder.v1.SuspectHandoverMinutesProposal';
  readonly SuspectHandoverMinutesCountersignature: 'xborder.v1.SuspectHandoverMinutesCountersignature';
  readonly DisseminationRequest: 'xborder.v1.DisseminationRequest';
  readonly DisseminationAnswer: 'xborder.v1.DisseminationAnswer';
  readonly VictimIdentification: 'xborder.v1.VictimIdentificationNotice';
}

/** A payload of one of the types P, typed by its type name. */
export type WirePayloadOf<P extends PayloadType> = P extends PayloadType
  ? {
      readonly payloadType: P;
      readonly payload: PayloadInput<P>;
      readonly headerExtras?: OutboundHeaderExtras;
    }
  : never;

/**
 * What one outbound event becomes: a payload of a contract type, or the fields an event (stored by an
 * older version of the domain) lacks for its payload (field names only).
 */
export type WirePayload<P extends PayloadType = PayloadType> =
  WirePayloadOf<P> | { readonly missing: string };

/** What a payload becomes: the receiving command's data, or the field that makes it unusable. */
export type InboundMapping<K extends OutboundKind> = ReceivingDataOf<K> | { readonly invalid: string };

/**
 * The wire mapping of one kind of message: its queuing events to their payload, and each of its
 * payload types to the receiving command's data. `when` picks the kind when a payload type serves two
 * (a verification request opens a case or, answering an answer, starts another round).
 */
export interface KindMapping<K extends OutboundKind> {
  readonly toWire: (event: QueuingEventOf<K>, context: OutboundContext) => WirePayload<KindPayloadTypes[K]>;
  readonly fromWire: {
    readonly [P in KindPayloadTypes[K]]: (
      message: PayloadMessage<P>,
      context: InboundContext,
    ) => InboundMapping<K>;
  };
  readonly when?: (header: InboundHeader) => boolean;
}

/** The mapping of every kind: a kind without one, or with the wrong types, is a compile error. */
export type WireTable = { readonly [K in OutboundKind]: KindMapping<K> };

export interface OutboundContext {
  readonly caseId: string;
  readonly counterpart: string;
  /** When the store recorded the event (ISO): the "as of" date where the contract needs one. */
  readonly recordedAt: string;
  readonly gateUtcOffsetMinutes?: number;
}

/**
 * Deadlines the receiving node sets itself when the message carries none (all in milliseconds): a
 * request or proposal without `respond_by` (senders before schema version 2), and every information
 * notice (the contract has no processing deadline: it is the receiver's own). Defaults: repatriation
 * decision 30 days, suspect hand-over decision 30 days, joint-operation answer 14 days,
 * information-notice processing 3 days.
 */
export interface InboundPolicy extends WireConventions {
  readonly repatriationDecisionWithinMs?: number;
  readonly suspectHandoverDecisionWithinMs?: number;
  readonly jointOperationAnswerWithinMs?: number;
  readonly noticeProcessingWithinMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_INBOUND_POLICY: PolicyInForce = {
  repatriationDecisionWithinMs: 30 * DAY,
  suspectHandoverDecisionWithinMs: 30 * DAY,
  jointOperationAnswerWithinMs: 14 * DAY,
  noticeProcessingWithinMs: 3 * DAY,
};

export interface InboundContext {
  readonly header: InboundHeader;
  readonly caseId: string;
  readonly now: string;
  readonly policy: PolicyInForce;
}
