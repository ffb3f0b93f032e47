/**
 * Verification ↔ `verification.proto`. The purposes asked travel as the request's points (HOME_ADDRESS,
 * which no purpose of the domain names, counts as identity and stays in the annex as sent); each
 * purpose's answer travels as a point answer, and, for receivers before schema version 4, as the
 * confirmed and unconfirmed points too; the findings travel as remarks. Additional information is, as
 * the contract says, a new VerificationRequest in the same case (the subject as now known, the
 * information as circumstances, the new deadline): we tell it from the opening request by its
 * causation id (the answer it follows up). A withdrawal is a VerificationWithdrawal.
 */
import {
  AnnexOf,
  PurposeAnswers,
  pointsOfAnswers,
  storedPurposes,
  StoredRequestContent,
  VERIFICATION_POINTS,
  VERIFICATION_PURPOSES,
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
const PURPOSE = wordsOf(VERIFICATION_PURPOSES, v1.VerificationPoint, 'VERIFICATION_POINT_');

const R = v1.VerificationPointResult;
/** Each purpose's answer words and their wire results (`<purpose>:<word>`). */
const RESULT = enumMap<string>({
  'identity:confirmed': R.VERIFICATION_POINT_RESULT_CONFIRMED,
  'identity:not_confirmed': R.VERIFICATION_POINT_RESULT_NOT_CONFIRMED,
  'family:traced': R.VERIFICATION_POINT_RESULT_FAMILY_TRACED,
  'family:not_traced': R.VERIFICATION_POINT_RESULT_FAMILY_NOT_TRACED,
  'documents:genuine': R.VERIFICATION_POINT_RESULT_DOCUMENTS_GENUINE,
  'documents:not_genuine': R.VERIFICATION_POINT_RESULT_DOCUMENTS_NOT_GENUINE,
  'criminal_record:found': R.VERIFICATION_POINT_RESULT_RECORD_FOUND,
  'criminal_record:none': R.VERIFICATION_POINT_RESULT_NO_RECORD,
});
/** The pair of results a purpose is answered from: nationality shares identity's. */
const pairOf = (purpose: VerificationPurpose) => (purpose === 'nationality' ? 'identity' : purpose);
const resultKeyOf = (purpose: VerificationPurpose, word: string) => `${pairOf(purpose)}:${word}`;

type PointAnswer = v1.IVerificationPointAnswer;

const pointAnswersOf = (answers: PurposeAnswers): PointAnswer[] =>
  VERIFICATION_PURPOSES.flatMap((purpose) => {
    const word = answers[purpose];
    return word === undefined
      ? []
      : [{ point: PURPOSE.toWire(purpose), result: RESULT.toWire(resultKeyOf(purpose, word)) }];
  });

/**
 * The point answers in the domain's words, or why not: a point no purpose names, a result of another
 * point's pair, or a point answered twice (the domain judges them against the request).
 */
const answersFromWire = (list: readonly PointAnswer[]): PurposeAnswers | { invalid: string } => {
  const entries: [VerificationPurpose, string][] = [];
  for (const { point, result } of list) {
    const purpose = PURPOSE.fromWire(point);
    const key = RESULT.fromWire(result);
    if (!purpose || !key || entries.some(([seen]) => seen === purpose)) return { invalid: 'point_answers' };
    const [pair, word] = key.split(':');
    if (pair !== pairOf(purpose)) return { invalid: 'point_answers' };
    entries.push([purpose, word]);
  }
  return Object.fromEntries(entries);
};

/**
 * The purposes a request's points ask: each purpose named, identity also for HOME_ADDRESS (an address
 * establishes who the person is); a request naming no point asks identity, as before the set.
 */
const purposesOf = (points: readonly string[]): readonly VerificationPurpose[] => {
  const asked = VERIFICATION_PURPOSES.filter(
    (purpose) => points.includes(purpose) || (purpose === 'identity' && points.includes('home_address')),
  );
  return asked.length > 0 ? asked : ['identity'];
};

/** The subject is one person per case: without a reference of its own, its id derives from the case. */
const subjectId = (caseId: string) => personIdOf(caseId, 'subject');

type RequestAnnex = AnnexOf<'VerificationRequest'>;

/** A VerificationRequest: the opening one, or another round (the subject as now known). */
const requestToWire = (
  request: {
    subject: VerificationSubject;
    purposes: readonly VerificationPurpose[];
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
    points: (annex.points ?? request.purposes).map(POINT.toWire),
    answerBy: timestampOf(request.deadline),
    circumstances: request.text,
    fileReference: annex.fileReference,
    traffickingForm: annex.traffickingForm && TRAFFICKING_FORM.toWire(annex.traffickingForm),
  });
};

/** The points as sent, unless they are the purposes themselves. */
const requestAnnexOf = (
  message: v1.VerificationRequest,
  purposes: readonly VerificationPurpose[],
): RequestAnnex =>
  compact({
    points: unlessDefault(wordListOf(POINT, message.points), purposes),
    fileReference: text(message.fileReference),
    traffickingForm: TRAFFICKING_FORM.fromWire(message.traffickingForm),
  });

/** The purposes a stored request or round asks (undefined for a round stored before it said). */
const purposesToSend = (data: Pick<StoredRequestContent, 'purposes' | 'purpose' | 'annex'>) =>
  data.purposes === undefined && data.purpose === undefined ? undefined : storedPurposes(data);

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
      payload: requestToWire(
        { ...data, purposes: storedPurposes(data), text: data.details },
        data.caseId,
        countryOf(data.responder),
      ),
    }),
    fromWire: {
      'xborder.v1.VerificationRequest': (message, context) => {
        const deadline = isoOf(message.answerBy);
        const subject = subjectOf(message, context);
        if (!deadline || !subject) return { invalid: !deadline ? 'answer_by' : 'subject_role or person' };
        const purposes = purposesOf(wordListOf(POINT, message.points));
        return {
          caseId: context.caseId,
          subject,
          purposes,
          details: message.circumstances,
          deadline,
          annex: requestAnnexOf(message, purposes),
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
      // Receivers before version 4 read each purpose's answer from the point lists.
      const points = data.answers && pointsOfAnswers(data.answers);
      return {
        payloadType: 'xborder.v1.VerificationAnswer',
        payload: compact({
          outcome: OUTCOME.toWire(data.outcome),
          confirmedPoints: (annex.confirmedPoints ?? points?.confirmed)?.map(POINT.toWire),
          unconfirmedPoints: (annex.unconfirmedPoints ?? points?.unconfirmed)?.map(POINT.toWire),
          pointAnswers: data.answers && pointAnswersOf(data.answers),
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
        // A sender before version 4 answers no point on its own: the domain reads its point lists.
        const answers = message.pointAnswers.length > 0 ? answersFromWire(message.pointAnswers) : undefined;
        if (answers && 'invalid' in answers) return answers;
        const points = answers && pointsOfAnswers(answers);
        return compact({
          outcome,
          findings: message.remarks,
          person: message.verifiedPerson
            ? personFromWire(message.verifiedPerson, subjectDefaults(context))
            : undefined,
          answers,
          annex: {
            ...compact({ fileReference: text(message.fileReference) }),
            // The point lists as sent, unless they are what the point answers amount to (an empty
            // list kept where those would list some).
            ...listUnlessDefault(
              'confirmedPoints',
              wordListOf(POINT, message.confirmedPoints),
              points?.confirmed ?? [],
            ),
            ...listUnlessDefault(
              'unconfirmedPoints',
              wordListOf(POINT, message.unconfirmedPoints),
              points?.unconfirmed ?? [],
            ),
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
      const { subject, information, deadline, annex } = data;
      const purposes = purposesToSend(data);
      if (!subject || !purposes) return { missing: 'subject or purposes (stored before they were recorded)' };
      return {
        payloadType: 'xborder.v1.VerificationRequest',
        payload: requestToWire(
          { subject, purposes, deadline, text: information, annex },
          context.caseId,
          countryOf(context.counterpart),
        ),
      };
    },
    fromWire: {
      'xborder.v1.VerificationRequest': (message, context) => {
        const deadline = isoOf(message.answerBy);
        if (!deadline) return { invalid: 'answer_by' };
        const purposes = purposesOf(wordListOf(POINT, message.points));
        return compact({
          information: message.circumstances,
          deadline,
          subject: subjectOf(message, context),
          purposes,
          annex: requestAnnexOf(message, purposes),
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
