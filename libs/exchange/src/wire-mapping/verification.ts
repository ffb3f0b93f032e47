/**
 * Verification ↔ `verification.proto`. The points asked travel as they were given (the case's purpose
 * is what they amount to); the findings travel as remarks. Additional information is, as the contract
 * says, a new VerificationRequest in the same case (the subject as now known, the information as
 * circumstances, the new deadline): we tell it from the opening request by its causation id (the
 * answer it follows up). A withdrawal is a VerificationWithdrawal.
 */
import {
  AnnexOf,
  VERIFICATION_POINTS,
  VerificationOutcome,
  VerificationPurpose,
  VerificationSubject,
  TRAFFICKING_FORMS,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import {
  compact,
  enumMap,
  isoOf,
  listUnlessDefault,
  text,
  timestampOf,
  unlessDefault,
  wordListOf,
  wordsOf,
} from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { InboundContext, WireTable } from './types';

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

export const TRAFFICKING_FORM = wordsOf(TRAFFICKING_FORMS, v1.TraffickingForm, 'TRAFFICKING_FORM_');
const POINT = wordsOf(VERIFICATION_POINTS, v1.VerificationPoint, 'VERIFICATION_POINT_');

const PURPOSE_POINTS: Record<VerificationPurpose, AnnexOf<'VerificationRequest'>['points']> = {
  identity: ['identity'],
  nationality: ['nationality'],
  identity_and_nationality: ['identity', 'nationality'],
};

/**
 * The purpose a list of points amounts to: nationality alone, nationality with anything else
 * (address, family, documents and records all establish identity), or identity.
 */
const purposeOf = (points: readonly string[]): VerificationPurpose => {
  const nationality = points.includes('nationality');
  const other = points.some((point) => point !== 'nationality');
  if (nationality) return other ? 'identity_and_nationality' : 'nationality';
  return 'identity';
};

/** The subject is one person per case: without a reference of its own, its id derives from the case. */
const subjectId = (caseId: string) => personIdOf(caseId, 'subject');

type RequestAnnex = AnnexOf<'VerificationRequest'>;

/** A VerificationRequest: the opening one, or another round (the subject as now known). */
const requestToWire = (
  request: {
    subject: VerificationSubject;
    purpose: VerificationPurpose;
    deadline: string;
    text: string;
    annex?: RequestAnnex;
  },
  caseId: string,
  addressCountry: string,
): v1.IVerificationRequest => {
  const annex = request.annex ?? {};
  return compact({
    subjectRole: ROLE.toWire(request.subject.role),
    person: personToWire(request.subject.person, subjectId(caseId), addressCountry),
    points: (annex.points ?? PURPOSE_POINTS[request.purpose])?.map(POINT.toWire),
    answerBy: timestampOf(request.deadline),
    circumstances: request.text,
    fileReference: annex.fileReference,
    traffickingForm: annex.traffickingForm && TRAFFICKING_FORM.toWire(annex.traffickingForm),
  });
};

const requestAnnexOf = (message: v1.VerificationRequest, purpose: VerificationPurpose): RequestAnnex =>
  compact({
    points: unlessDefault(wordListOf(POINT, message.points), PURPOSE_POINTS[purpose]),
    fileReference: text(message.fileReference),
    traffickingForm: TRAFFICKING_FORM.fromWire(message.traffickingForm),
  });

/** The subject as sent; its id and address country left out where they are what we would send. */
const subjectOf = (
  message: v1.VerificationRequest,
  context: InboundContext,
): VerificationSubject | undefined => {
  const role = ROLE.fromWire(message.subjectRole);
  if (!role || !message.person) return undefined;
  return { role, person: personFromWire(message.person, subjectDefaults(context)) };
};

const subjectDefaults = (context: InboundContext) => ({
  personId: subjectId(context.caseId),
  addressCountry: countryOf(context.header.recipient),
});

/** What an answer of ours needs when it lists nothing itself: its findings, when it needs more. */
const neededByDefault = (outcome: VerificationOutcome, findings: string) =>
  outcome === 'more_information_needed' && findings ? [findings] : undefined;

/** A follow-up request (it answers our "more information needed") is another round of the case. */
const isAnotherRound = (header: { causationId?: string }) => Boolean(header.causationId);

export const VERIFICATION_WIRE: Pick<
  WireTable,
  | 'VerificationRequest'
  | 'VerificationAnswer'
  | 'VerificationAdditionalInformation'
  | 'VerificationWithdrawal'
> = {
  VerificationRequest: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.VerificationRequest',
      payload: requestToWire({ ...data, text: data.details }, data.caseId, countryOf(data.responder)),
    }),
    fromWire: {
      'xborder.v1.VerificationRequest': (message, context) => {
        const deadline = isoOf(message.answerBy);
        const subject = subjectOf(message, context);
        if (!deadline || !subject) return { invalid: !deadline ? 'answer_by' : 'subject_role or person' };
        const purpose = purposeOf(wordListOf(POINT, message.points));
        return {
          caseId: context.caseId,
          subject,
          purpose,
          details: message.circumstances,
          deadline,
          annex: requestAnnexOf(message, purpose),
        };
      },
    },
    when: (header) => !isAnotherRound(header),
  },
  VerificationAnswer: {
    toWire: ({ data }, context) => {
      const annex = data.annex ?? {};
      // Events stored before the annex kept what was needed only in the findings.
      const informationNeeded = annex.informationNeeded ?? neededByDefault(data.outcome, data.findings) ?? [];
      return {
        payloadType: 'xborder.v1.VerificationAnswer',
        payload: compact({
          outcome: OUTCOME.toWire(data.outcome),
          confirmedPoints: annex.confirmedPoints?.map(POINT.toWire),
          unconfirmedPoints: annex.unconfirmedPoints?.map(POINT.toWire),
          verifiedPerson:
            data.person &&
            personToWire(data.person, subjectId(context.caseId), countryOf(context.counterpart)),
          informationNeeded: [...informationNeeded],
          fileReference: annex.fileReference,
          remarks: data.findings,
        }),
      };
    },
    fromWire: {
      'xborder.v1.VerificationAnswer': (message, context) => {
        const outcome = OUTCOME.fromWire(message.outcome);
        if (!outcome) return { invalid: 'outcome' };
        return compact({
          outcome,
          findings: message.remarks,
          person: message.verifiedPerson
            ? personFromWire(message.verifiedPerson, subjectDefaults(context))
            : undefined,
          annex: {
            ...compact({
              confirmedPoints: wordListOf(POINT, message.confirmedPoints),
              unconfirmedPoints: wordListOf(POINT, message.unconfirmedPoints),
              fileReference: text(message.fileReference),
            }),
            ...listUnlessDefault(
              'informationNeeded',
              message.informationNeeded,
              neededByDefault(outcome, message.remarks) ?? [],
            ),
          },
        });
      },
    },
  },
  /**
   * Another round travels as a new request whose causation id is the answer (`outbound.inReplyTo`,
   * set by the domain). Events stored before the domain added the subject carry none: unsendable.
   */
  VerificationAdditionalInformation: {
    toWire: ({ data }, context) => {
      const { subject, purpose, information, deadline, annex } = data;
      if (!subject || !purpose) return { missing: 'subject or purpose (stored before they were recorded)' };
      return {
        payloadType: 'xborder.v1.VerificationRequest',
        payload: requestToWire(
          { subject, purpose, deadline, text: information, annex },
          context.caseId,
          countryOf(context.counterpart),
        ),
      };
    },
    fromWire: {
      'xborder.v1.VerificationRequest': (message, context) => {
        const deadline = isoOf(message.answerBy);
        if (!deadline) return { invalid: 'answer_by' };
        const purpose = purposeOf(wordListOf(POINT, message.points));
        return compact({
          information: message.circumstances,
          deadline,
          subject: subjectOf(message, context),
          purpose,
          annex: requestAnnexOf(message, purpose),
        });
      },
    },
    when: isAnotherRound,
  },
  VerificationWithdrawal: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.VerificationWithdrawal',
      payload: { reason: data.reason },
    }),
    fromWire: { 'xborder.v1.VerificationWithdrawal': (message) => ({ reason: message.reason }) },
  },
};
