/**
 * Verification ↔ `verification.proto`. A request's purpose travels as verification points; the
 * findings travel as remarks (and, when more information is needed, as `information_needed`).
 * Additional information is, as the contract says, a new VerificationRequest in the same case (same
 * subject and points, the information as circumstances, the new deadline): we tell it from the opening
 * request by its causation id (the answer it follows up). A withdrawal is a VerificationWithdrawal.
 */
import {
  OutboundKind,
  VerificationAdditionalInformationProvided,
  VerificationAnswered,
  VerificationOutcome,
  VerificationPurpose,
  VerificationRequestSent,
  VerificationSubject,
  VerificationWithdrawn,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { enumMap, isoOf, text, timestampOf } from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { InboundContext, InboundMapping, OutboundMapper } from './types';

const ROLE = enumMap<VerificationSubject['role']>({
  victim: v1.SubjectRole.SUBJECT_ROLE_PRESUMED_VICTIM,
  suspect: v1.SubjectRole.SUBJECT_ROLE_SUSPECT,
  other: v1.SubjectRole.SUBJECT_ROLE_WITNESS,
});

const OUTCOME = enumMap<VerificationOutcome>({
  confirmed: v1.VerificationOutcome.VERIFICATION_OUTCOME_CONFIRMED,
  not_found: v1.VerificationOutcome.VERIFICATION_OUTCOME_NOT_FOUND,
  partial: v1.VerificationOutcome.VERIFICATION_OUTCOME_PARTIAL,
  more_information_needed: v1.VerificationOutcome.VERIFICATION_OUTCOME_MORE_INFORMATION_NEEDED,
});

const P = v1.VerificationPoint;
const POINTS: Record<VerificationPurpose, v1.VerificationPoint[]> = {
  identity: [P.VERIFICATION_POINT_IDENTITY],
  nationality: [P.VERIFICATION_POINT_NATIONALITY],
  identity_and_nationality: [P.VERIFICATION_POINT_IDENTITY, P.VERIFICATION_POINT_NATIONALITY],
};

/**
 * The purpose a list of points amounts to: nationality alone, nationality with anything else
 * (address, family, documents and records all establish identity), or identity.
 */
const purposeOf = (points: readonly number[]): VerificationPurpose => {
  const nationality = points.includes(P.VERIFICATION_POINT_NATIONALITY);
  const other = points.some((point) => point !== P.VERIFICATION_POINT_NATIONALITY);
  if (nationality) return other ? 'identity_and_nationality' : 'nationality';
  return 'identity';
};

/** The subject is one person per case: its wire id is derived from the case. */
const subjectId = (caseId: string) => personIdOf(caseId, 'subject');

/** A VerificationRequest: the opening one, or another round (same subject, new circumstances). */
const requestToWire = (
  request: { subject: VerificationSubject; purpose: VerificationPurpose; deadline: string; text: string },
  caseId: string,
  addressCountry: string,
) => ({
  subjectRole: ROLE.toWire(request.subject.role),
  person: personToWire(request.subject.person, subjectId(caseId), addressCountry),
  points: POINTS[request.purpose],
  answerBy: timestampOf(request.deadline),
  circumstances: request.text,
});

export const VERIFICATION_OUTBOUND: Partial<Record<OutboundKind, OutboundMapper>> = {
  VerificationRequest: (event, context) => {
    const data = (event as VerificationRequestSent).data;
    return {
      payloadType: 'xborder.v1.VerificationRequest',
      payload: requestToWire({ ...data, text: data.details }, context.caseId, countryOf(data.responder)),
    };
  },
  VerificationAnswer: (event, context) => {
    const data = (event as VerificationAnswered).data;
    const more = data.outcome === 'more_information_needed';
    return {
      payloadType: 'xborder.v1.VerificationAnswer',
      payload: {
        outcome: OUTCOME.toWire(data.outcome),
        remarks: data.findings,
        ...(more ? { informationNeeded: [data.findings] } : {}),
        ...(data.person
          ? {
              verifiedPerson: personToWire(
                data.person,
                subjectId(context.caseId),
                countryOf(context.counterpart),
              ),
            }
          : {}),
      },
    };
  },
  /**
   * Another round travels as a new request whose causation id is the answer (`outbound.inReplyTo`,
   * set by the domain). Events stored before the domain added the subject carry none: unsendable.
   */
  VerificationAdditionalInformation: (event, context) => {
    const { subject, purpose, information, deadline } = (event as VerificationAdditionalInformationProvided)
      .data;
    if (!subject || !purpose) return { missing: 'subject or purpose (stored before they were recorded)' };
    return {
      payloadType: 'xborder.v1.VerificationRequest',
      payload: requestToWire(
        { subject, purpose, deadline, text: information },
        context.caseId,
        countryOf(context.counterpart),
      ),
    };
  },
  VerificationWithdrawal: (event) => ({
    payloadType: 'xborder.v1.VerificationWithdrawal',
    payload: { reason: (event as VerificationWithdrawn).data.reason },
  }),
};

const request = (message: v1.VerificationRequest, context: InboundContext): InboundMapping => {
  const deadline = isoOf(message.answerBy);
  if (!deadline) return { invalid: 'answer_by' };
  // A follow-up request (it answers our "more information needed") is another round of the case.
  if (context.header.causationId) {
    return {
      kind: 'VerificationAdditionalInformation',
      data: { information: message.circumstances, deadline },
    };
  }
  const role = ROLE.fromWire(message.subjectRole);
  if (!role || !message.person) return { invalid: role ? 'person' : 'subject_role' };
  return {
    kind: 'VerificationRequest',
    data: {
      caseId: context.caseId,
      subject: { role, person: personFromWire(message.person) },
      purpose: purposeOf(message.points),
      details: message.circumstances,
      deadline,
    },
  };
};

const answer = (message: v1.VerificationAnswer): InboundMapping => {
  const outcome = OUTCOME.fromWire(message.outcome);
  if (!outcome) return { invalid: 'outcome' };
  const findings = text(message.remarks) ?? message.informationNeeded.join('; ');
  return {
    kind: 'VerificationAnswer',
    data: {
      outcome,
      findings,
      ...(message.verifiedPerson ? { person: personFromWire(message.verifiedPerson) } : {}),
    },
  };
};

const withdrawal = (message: v1.VerificationWithdrawal): InboundMapping => ({
  kind: 'VerificationWithdrawal',
  data: { reason: message.reason },
});

export const VERIFICATION_INBOUND = {
  'xborder.v1.VerificationRequest': request,
  'xborder.v1.VerificationAnswer': answer,
  'xborder.v1.VerificationWithdrawal': withdrawal,
} as const;
