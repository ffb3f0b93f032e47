/**
 * The generated protobuf code (scripts/proto-gen.mjs, from proto/xborder/v1) and the few conversions
 * every other file needs: the payload types this node understands, and Timestamp <-> Date.
 */
import Long from 'long';
import { google, xborder } from './generated/xborder';

export { google, xborder };
export import v1 = xborder.v1;

/** The payload messages an envelope may carry, by full protobuf name (Header.payload_type). */
export const PAYLOAD_MESSAGES = {
  'xborder.v1.VerificationRequest': v1.VerificationRequest,
  'xborder.v1.VerificationAnswer': v1.VerificationAnswer,
  'xborder.v1.VerificationWithdrawal': v1.VerificationWithdrawal,
  'xborder.v1.RepatriationRequest': v1.RepatriationRequest,
  'xborder.v1.RepatriationDecision': v1.RepatriationDecision,
  'xborder.v1.RepatriationHandoverScheduled': v1.RepatriationHandoverScheduled,
  'xborder.v1.RepatriationHandoverDone': v1.RepatriationHandoverDone,
  'xborder.v1.RepatriationReceptionConfirmed': v1.RepatriationReceptionConfirmed,
  'xborder.v1.RepatriationChildAdded': v1.RepatriationChildAdded,
  'xborder.v1.RepatriationCancellation': v1.RepatriationCancellation,
  'xborder.v1.SuspectHandoverRequest': v1.SuspectHandoverRequest,
  'xborder.v1.SuspectHandoverDecision': v1.SuspectHandoverDecision,
  'xborder.v1.SuspectHandoverScheduled': v1.SuspectHandoverScheduled,
  'xborder.v1.SuspectHandoverDone': v1.SuspectHandoverDone,
  'xborder.v1.SuspectHandoverCancellation': v1.SuspectHandoverCancellation,
  'xborder.v1.JointOperationProposal': v1.JointOperationProposal,
  'xborder.v1.JointOperationAgreement': v1.JointOperationAgreement,
  'xborder.v1.JointOperationDeclined': v1.JointOperationDeclined,
  'xborder.v1.JointOperationCaseLinked': v1.JointOperationCaseLinked,
  'xborder.v1.JointOperationResultReport': v1.JointOperationResultReport,
  'xborder.v1.CaseInformation': v1.CaseInformation,
  'xborder.v1.CriminalMethod': v1.CriminalMethod,
  'xborder.v1.HotlineTipOff': v1.HotlineTipOff,
  'xborder.v1.LocateRescueRequest': v1.LocateRescueRequest,
  'xborder.v1.LocateRescueAcknowledgement': v1.LocateRescueAcknowledgement,
  'xborder.v1.LocateRescueProgress': v1.LocateRescueProgress,
  'xborder.v1.LocateRescueOutcome': v1.LocateRescueOutcome,
  'xborder.v1.LocateRescueCaseLinked': v1.LocateRescueCaseLinked,
  'xborder.v1.WantedPersonRequest': v1.WantedPersonRequest,
  'xborder.v1.WantedPersonAcknowledgement': v1.WantedPersonAcknowledgement,
  'xborder.v1.WantedPersonProgress': v1.WantedPersonProgress,
  'xborder.v1.WantedPersonOutcome': v1.WantedPersonOutcome,
  'xborder.v1.WantedPersonCaseLinked': v1.WantedPersonCaseLinked,
  'xborder.v1.LiaisonMeetingProposal': v1.LiaisonMeetingProposal,
  'xborder.v1.LiaisonMeetingAgreement': v1.LiaisonMeetingAgreement,
  'xborder.v1.LiaisonMeetingCounterProposal': v1.LiaisonMeetingCounterProposal,
  'xborder.v1.LiaisonMeetingHeld': v1.LiaisonMeetingHeld,
  'xborder.v1.LiaisonMeetingMinutes': v1.LiaisonMeetingMinutes,
  'xborder.v1.LiaisonActionItemDone': v1.LiaisonActionItemDone,
  'xborder.v1.MissionRequest': v1.MissionRequest,
  'xborder.v1.MissionDecision': v1.MissionDecision,
  'xborder.v1.MissionMovement': v1.MissionMovement,
  'xborder.v1.MissionOutcomeReport': v1.MissionOutcomeReport,
  'xborder.v1.AuditSealHead': v1.AuditSealHead,
  'xborder.v1.ErasureNotice': v1.ErasureNotice,
  'xborder.v1.RepatriationMinutesProposal': v1.RepatriationMinutesProposal,
  'xborder.v1.RepatriationMinutesCountersignature': v1.RepatriationMinutesCountersignature,
  'xborder.v1.SuspectHandoverMinutesProposal': v1.SuspectHandoverMinutesProposal,
  'xborder.v1.SuspectHandoverMinutesCountersignature': v1.SuspectHandoverMinutesCountersignature,
  'xborder.v1.DisseminationRequest': v1.DisseminationRequest,
  'xborder.v1.DisseminationAnswer': v1.DisseminationAnswer,
  'xborder.v1.VictimIdentificationNotice': v1.VictimIdentificationNotice,
} as const;

/** Full protobuf name of a payload message, e.g. `xborder.v1.VerificationRequest`. */
export type PayloadType = keyof typeof PAYLOAD_MESSAGES;
type PayloadClass<T extends PayloadType> = (typeof PAYLOAD_MESSAGES)[T];
/** The plain properties a sender fills in for a payload of type T. */
export type PayloadInput<T extends PayloadType> = NonNullable<Parameters<PayloadClass<T>['create']>[0]>;
/** A decoded payload of type T. */
export type PayloadMessage<T extends PayloadType> = ReturnType<PayloadClass<T>['decode']>;

export const PAYLOAD_TYPES = Object.keys(PAYLOAD_MESSAGES) as PayloadType[];

export const isPayloadType = (name: string): name is PayloadType =>
  Object.prototype.hasOwnProperty.call(PAYLOAD_MESSAGES, name);

/**
 * Revision of the xborder.v1 contract this code was built from (Header.schema_version). 2 added the
 * cancellation, withdrawal, decline and child-added payloads, `respond_by` on requests, the received
 * person ids and CASE_KIND_INFORMATION_NOTICE; 3 the locate-and-rescue, wanted-person, liaison meeting
 * and mission payloads; 4 the erasure notice (erasure.proto), the answer to each verification point
 * (`VerificationAnswer.point_answers`), the VictimIdentificationNotice payload, the suspect hand-over
 * minutes and the dissemination request and answer (docs/protocol.md, section 7).
 */
export const SCHEMA_VERSION = 4;

export const encodePayload = <T extends PayloadType>(type: T, payload: PayloadInput<T>): Uint8Array =>
  (PAYLOAD_MESSAGES[type] as unknown as PayloadCodec).encode(payload).finish();

export const decodePayload = <T extends PayloadType>(type: T, bytes: Uint8Array): PayloadMessage<T> =>
  (PAYLOAD_MESSAGES[type] as unknown as PayloadCodec).decode(bytes) as PayloadMessage<T>;

interface PayloadCodec {
  encode(message: unknown): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

/** A JavaScript Date as a google.protobuf.Timestamp (millisecond precision). */
export function toTimestamp(date: Date): google.protobuf.Timestamp.$Properties {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds: Long.fromNumber(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}

/** A google.protobuf.Timestamp as a JavaScript Date (sub-millisecond precision is dropped). */
export function fromTimestamp(ts: google.protobuf.Timestamp.$Properties | null | undefined): Date {
  if (!ts) return new Date(NaN);
  const seconds =
    ts.seconds == null ? 0 : Long.isLong(ts.seconds) ? ts.seconds.toNumber() : Number(ts.seconds);
  return new Date(seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000));
}
