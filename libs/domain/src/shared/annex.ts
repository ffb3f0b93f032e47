/**
 * What a message carries beyond what the case's rules act on: file references, gradings, places and
 * times, officers' contacts. The domain keeps each message's annex as it came (on the event and in the
 * case's message trail, so officers see it) and sends it back unchanged, so nothing a counterpart
 * sends is lost (docs/protocol.md, section 3). Values are in the domain's words; the wire mapping
 * (libs/exchange) turns them into the contract's enums.
 */
import { OutboundKind } from './outbound';

export const TRAFFICKING_FORMS = [
  'sexual_exploitation',
  'forced_marriage',
  'forced_labour',
  'child_sale',
  'organ_removal',
  'forced_surrogacy',
  'forced_criminality',
  'other',
] as const;
export type TraffickingForm = (typeof TRAFFICKING_FORMS)[number];

export const VERIFICATION_POINTS = [
  'identity',
  'nationality',
  'home_address',
  'family',
  'documents',
  'criminal_record',
] as const;
export type VerificationPoint = (typeof VERIFICATION_POINTS)[number];

export const SUPPORT_NEEDS = [
  'medical',
  'psychological',
  'shelter',
  'interpreter',
  'child_care',
  'legal_aid',
  'travel_home',
] as const;
export type SupportNeed = (typeof SUPPORT_NEEDS)[number];

export const REFUSAL_GROUNDS = [
  'identity_not_confirmed',
  'not_a_national',
  'incomplete_file',
  'no_consent',
  'legal_bar',
  'other',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFERRALS = ['family', 'shelter', 'hospital', 'other'] as const;
export type Referral = (typeof REFERRALS)[number];

export const CALLER_KINDS = ['victim', 'relative', 'witness', 'anonymous', 'organisation'] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

export const URGENCIES = ['routine', 'priority', 'immediate'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A border gate as both sides agreed to name it. */
export interface BorderGateRef {
  readonly code: string;
  readonly name?: string;
}

/** A duty officer's working contact. */
export interface OfficerContact {
  readonly name: string;
  readonly unit?: string;
  readonly telephone?: string;
}

interface RequestAnnex {
  /** Every point asked (the case's purpose is what they amount to). */
  readonly points?: readonly VerificationPoint[];
  readonly fileReference?: string;
  readonly traffickingForm?: TraffickingForm;
}

interface ScheduleAnnex {
  /** The gate as sent (code and name), when it differs from the schedule's gate name alone. */
  readonly gate?: BorderGateRef;
  /** The exact instant sent (the schedule keeps the gate's local date and time to the minute). */
  readonly scheduledAt?: string;
  readonly rescheduleReason?: string;
  readonly contact?: OfficerContact;
}

interface CompletionAnnex {
  readonly gate?: BorderGateRef;
  readonly receivedBy?: OfficerContact;
  readonly minutesReference?: string;
}

/** The annex of each kind of message (an empty one for kinds the domain holds whole). */
export interface MessageAnnexes {
  readonly VerificationRequest: RequestAnnex;
  readonly VerificationAnswer: {
    readonly confirmedPoints?: readonly VerificationPoint[];
    readonly unconfirmedPoints?: readonly VerificationPoint[];
    /** What the counterpart needs, item by item (the findings say it in one text). */
    readonly informationNeeded?: readonly string[];
    readonly fileReference?: string;
  };
  readonly VerificationAdditionalInformation: RequestAnnex;
  readonly VerificationWithdrawal: Record<string, never>;
  readonly RepatriationRequest: {
    readonly verificationCaseId?: string;
    readonly traffickingForm?: TraffickingForm;
    readonly rescuedAt?: string;
    readonly rescuedWhere?: string;
    readonly proposedGate?: BorderGateRef;
    /** ISO date proposed for the hand-over. */
    readonly proposedDate?: string;
    readonly supportNeeds?: readonly SupportNeed[];
    readonly fileReference?: string;
  };
  readonly RepatriationChildAdded: Record<string, never>;
  readonly RepatriationDecision: {
    readonly refusalGround?: RefusalGround;
    readonly receivingUnit?: string;
  };
  readonly HandoverScheduling: ScheduleAnnex;
  readonly HandoverCompleted: CompletionAnnex & {
    /** Everyone handed over, as sent (the victim and each child). */
    readonly personIds?: readonly string[];
  };
  readonly ReceptionConfirmed: {
    readonly referral?: Referral;
    readonly remarks?: string;
    /** Everyone received, as sent. */
    readonly personIds?: readonly string[];
  };
  readonly RepatriationCancellation: Record<string, never>;
  readonly VictimIdentification: Record<string, never>;
  readonly SuspectHandoverRequest: {
    readonly warrantDocumentDigest?: string;
    readonly locatedAt?: string;
    readonly proposedGate?: BorderGateRef;
    readonly verificationCaseId?: string;
    readonly fileReference?: string;
    readonly remarks?: string;
  };
  readonly SuspectHandoverDecision: { readonly refusalGround?: RefusalGround };
  readonly SuspectHandoverScheduling: ScheduleAnnex;
  readonly SuspectHandoverCompleted: CompletionAnnex & {
    readonly personId?: string;
    readonly exhibitsCount?: number;
  };
  readonly SuspectHandoverCancellation: Record<string, never>;
  readonly JointOperationProposal: { readonly remarks?: string };
  readonly JointOperationAgreement: { readonly minutesReference?: string };
  readonly JointOperationCaseLink: { readonly fileReference?: string; readonly summary?: string };
  readonly JointOperationReport: {
    readonly linkedCaseIds?: readonly string[];
    readonly proposals?: string;
  };
  readonly InformationNotice: {
    readonly relatedCaseIds?: readonly string[];
    readonly traffickingForm?: TraffickingForm;
    readonly documentDigests?: readonly string[];
    readonly indicators?: readonly string[];
    readonly routes?: readonly string[];
    /** ISO date since which a criminal method has been observed. */
    readonly observedSince?: string;
    /** When a hotline call came in (ISO date-time). */
    readonly receivedAt?: string;
    readonly callerKind?: CallerKind;
    readonly location?: string;
    readonly urgency?: Urgency;
    readonly callReference?: string;
  };
  // Locate-and-rescue and wanted-person requests hold every field they carry in their own content.
  readonly LocateRescueRequest: Record<string, never>;
  readonly LocateRescueAcknowledgement: Record<string, never>;
  readonly LocateRescueProgress: Record<string, never>;
  readonly LocateRescueOutcome: Record<string, never>;
  readonly LocateRescueCaseLink: Record<string, never>;
  readonly WantedPersonRequest: Record<string, never>;
  readonly WantedPersonAcknowledgement: Record<string, never>;
  readonly WantedPersonProgress: Record<string, never>;
  readonly WantedPersonOutcome: Record<string, never>;
  readonly WantedPersonCaseLink: Record<string, never>;
  /** The minutes are the signed record itself: nothing travels beside them. */
  readonly RepatriationMinutesProposal: Record<string, never>;
  readonly RepatriationMinutesCountersignature: Record<string, never>;
  readonly LiaisonMeetingProposal: Record<string, never>;
  readonly LiaisonMeetingAnswer: Record<string, never>;
  readonly LiaisonMeetingHeld: Record<string, never>;
  readonly LiaisonMeetingMinutes: Record<string, never>;
  readonly LiaisonActionItemDone: Record<string, never>;
  readonly MissionRequest: Record<string, never>;
  readonly MissionDecision: Record<string, never>;
  readonly MissionMovement: Record<string, never>;
  readonly MissionOutcome: Record<string, never>;
  readonly SuspectHandoverMinutesProposal: Record<string, never>;
  readonly SuspectHandoverMinutesCountersignature: Record<string, never>;
  /** A dissemination request and its answer are the whole message. */
  readonly DisseminationRequest: Record<string, never>;
  readonly DisseminationAnswer: Record<string, never>;
}

/** Every kind has an annex type: a kind missing above is a compile error here. */
export type AnnexOf<K extends OutboundKind> = MessageAnnexes[K];

/** Command data or event data that may carry the annex of kind K. */
export interface Annexed<K extends OutboundKind> {
  readonly annex?: AnnexOf<K>;
}

/** `{ annex }` when `data` carries a non-empty one, else nothing: events without one stay as before. */
export const annexOf = <A extends object>(data: { readonly annex?: A } | undefined): { annex?: A } => {
  const annex = data?.annex;
  return annex !== undefined && Object.keys(annex).length > 0 ? { annex } : {};
};
