import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  annexOf,
  annexProblems,
  decideDelivery,
  inboundOf,
  instant,
  invalidTransition,
  isAgencyId,
  isIsoDateTime,
  isNonEmptyText,
  isUuid,
  messageMarker,
  Origin,
  OutboundKind,
  outboundOf,
  PersonParticulars,
  personProblems,
  prefixed,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
} from '../shared';
import {
  PURPOSE_RESULTS,
  PurposeAnswers,
  SUBJECT_ROLES,
  VERIFICATION_OUTCOMES,
  VERIFICATION_PURPOSES,
  VerificationAnswer,
  VerificationEvent,
  VerificationPurpose,
} from './events';
import {
  AdditionalInformationData,
  DraftVerificationRequest,
  ReceiveVerificationRequest,
  VERIFICATION_RULES,
  VerificationCommand,
  VerificationRequestData,
  VerificationStepCommand,
} from './commands';
import { Verification, VerificationState } from './state';

export * from './commands';

type Decision = readonly VerificationEvent[] | DomainError;

/** A set of purposes: at least one, each known, none twice. */
const isPurposeSet = (value: unknown): value is readonly VerificationPurpose[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((purpose) => VERIFICATION_PURPOSES.includes(purpose)) &&
  new Set(value).size === value.length;

/** A set in the contract's order, so that the same purposes are always the same set. */
const ordered = (purposes: readonly VerificationPurpose[]): readonly VerificationPurpose[] =>
  VERIFICATION_PURPOSES.filter((purpose) => purposes.includes(purpose));

/** `now` is given for a local command: our officers must say more than a counterpart must. */
const requestProblems = (data: VerificationRequestData, now?: string): Problems => [
  ...problems({
    'subject.role': SUBJECT_ROLES.includes(data?.subject?.role),
    purposes: isPurposeSet(data?.purposes),
    details: now === undefined ? typeof data?.details === 'string' : isNonEmptyText(data?.details),
    // A request we send must leave time to answer; an inbound one is not judged by our clock.
    deadline: isIsoDateTime(data?.deadline) && (now === undefined || instant(data.deadline) > instant(now)),
  }),
  ...prefixed('subject.person', personProblems(data?.subject?.person)),
  ...annexProblems(data),
];

/**
 * Each purpose answered on its own, against what the round asked: an answer to a purpose not asked,
 * or a word that does not answer it, is malformed; a final outcome (confirmed, not found, partial)
 * leaves no purpose asked unanswered (the field named is `answers.<purpose>`); and the outcome agrees
 * with the answers (nothing denied when confirmed, nothing established when not found; whether a
 * criminal record is held is neither).
 */
const purposeAnswerProblems = (
  data: VerificationAnswer,
  asked: readonly VerificationPurpose[],
  local: boolean,
): Problems => {
  const given = data?.answers;
  // A counterpart before schema version 4 answers no purpose on its own: its answer is read from the
  // outcome and the points it listed (`answersOf` in state.ts).
  if (!local && given === undefined) return [];
  const isRecord = typeof given === 'object' && given !== null && !Array.isArray(given);
  const answers: Readonly<Record<string, unknown>> = isRecord ? given : {};
  const final = data?.outcome !== 'more_information_needed';
  // Whether a criminal record is held is a finding either way, never a denial.
  const contradicts = (purpose: VerificationPurpose, result: unknown) => {
    const [established, denied] = PURPOSE_RESULTS[purpose];
    if (purpose === 'criminal_record') return false;
    return (
      (data?.outcome === 'confirmed' && result === denied) ||
      (data?.outcome === 'not_found' && result === established)
    );
  };
  const known = Object.keys(answers).flatMap((key) =>
    VERIFICATION_PURPOSES.some((purpose) => purpose === key) ? [] : [`answers.${key}`],
  );
  const each = VERIFICATION_PURPOSES.flatMap((purpose) => {
    const result = answers[purpose];
    const words: readonly string[] = PURPOSE_RESULTS[purpose];
    if (result === undefined) return final && asked.includes(purpose) ? [`answers.${purpose}`] : [];
    const fits = asked.includes(purpose) && words.includes(String(result)) && !contradicts(purpose, result);
    return fits ? [] : [`answers.${purpose}`];
  });
  return [...problems({ answers: given === undefined || isRecord }), ...known, ...each];
};

/** A counterpart's answer may carry no remarks (`local` false); our officers state their findings. */
const answerProblems = (
  data: VerificationAnswer,
  local: boolean,
  asked: readonly VerificationPurpose[],
): Problems => [
  ...problems({
    outcome: VERIFICATION_OUTCOMES.includes(data?.outcome),
    findings: local ? isNonEmptyText(data?.findings) : typeof data?.findings === 'string',
  }),
  ...purposeAnswerProblems(data, asked, local),
  ...(data?.person === undefined ? [] : prefixed('person', personProblems(data.person))),
  ...annexProblems(data),
];

const roundProblems = (data: AdditionalInformationData, now?: string): Problems => [
  ...problems({
    information:
      now === undefined ? typeof data?.information === 'string' : isNonEmptyText(data?.information),
    deadline: isIsoDateTime(data?.deadline) && (now === undefined || instant(data.deadline) > instant(now)),
    'subject.role': data?.subject === undefined || SUBJECT_ROLES.includes(data.subject.role),
    purposes: data?.purposes === undefined || isPurposeSet(data.purposes),
  }),
  ...(data?.subject === undefined ? [] : prefixed('subject.person', personProblems(data.subject.person))),
  ...annexProblems(data),
];

/**
 * The answer as recorded. A verified person without a reference of its own is the subject: it keeps
 * the subject's reference, so the answer repeats the requester's person id (verification.proto).
 */
const answerOf = (data: VerificationAnswer, subject: PersonParticulars): VerificationAnswer => {
  const { outcome, findings, person, answers } = data;
  const answered = answers === undefined ? {} : { answers: orderedAnswers(answers) };
  if (person === undefined) return { outcome, findings, ...answered };
  const personId = person.personId ?? subject.personId;
  return {
    outcome,
    findings,
    person: personId === undefined ? person : { ...person, personId },
    ...answered,
  };
};

/** The answers in the contract's order (an officer's form may give them in any). */
const orderedAnswers = (answers: PurposeAnswers): PurposeAnswers =>
  Object.fromEntries(
    VERIFICATION_PURPOSES.flatMap((purpose) =>
      answers[purpose] === undefined ? [] : [[purpose, answers[purpose]]],
    ),
  );

const requestContent = (state: Verification) => ({
  caseId: state.caseId,
  requester: state.requester,
  responder: state.responder,
  subject: state.subject,
  purposes: state.purposes,
  details: state.details,
  deadline: state.deadline,
  ...(state.annex === undefined ? {} : { annex: state.annex }),
});

const draft = (command: DraftVerificationRequest): Decision => {
  const { caseId, counterpart, subject, purposes, details, deadline } = command.data;
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({
        caseId: isUuid(caseId),
        counterpart: isAgencyId(counterpart) && counterpart !== command.metadata.agencyId,
      }),
      ...requestProblems(command.data, command.metadata.now),
    ]);
  if (invalid) return invalid;
  const requester = command.metadata.agencyId;
  const data = {
    caseId,
    requester,
    responder: counterpart,
    subject,
    purposes: ordered(purposes),
    details,
    deadline,
  };
  return [{ type: 'VerificationRequestDrafted', data: { ...data, ...annexOf(command.data) } }];
};

const receive = (command: ReceiveVerificationRequest): Decision => {
  const inbound = inboundOf(command);
  if (isDomainError(inbound)) return inbound;
  const { caseId, subject, purposes, details, deadline } = command.data;
  const invalid = refuseIf([...problems({ caseId: isUuid(caseId) }), ...requestProblems(command.data)]);
  if (invalid) return invalid;
  const content = {
    caseId,
    requester: inbound.counterpart,
    responder: command.metadata.agencyId,
    subject,
    purposes: ordered(purposes),
    details,
    deadline,
    ...annexOf(command.data),
  };
  return [{ type: 'VerificationRequestReceived', data: { ...content, inbound } }];
};

const awaitsMoreInformation = (state: Verification): boolean =>
  state.status === 'answered' && state.answer?.outcome === 'more_information_needed';

const reasonProblems = (reason: unknown): Problems => problems({ reason: isNonEmptyText(reason, 2000) });

/** A step on an existing case, once its origin, side and status passed the rules. */
const step = (command: VerificationStepCommand, state: Verification, origin: Origin): Decision => {
  const marked = (kind: OutboundKind, inReplyTo?: string) =>
    messageMarker(command, origin, state.counterpart, kind, inReplyTo);
  switch (command.type) {
    case 'SendVerificationRequest': {
      // Only a local step reaches here (see VERIFICATION_RULES), so it always queues the request.
      const outbound = outboundOf(command, state.counterpart, 'VerificationRequest');
      if (isDomainError(outbound)) return outbound;
      return [{ type: 'VerificationRequestSent', data: { ...requestContent(state), outbound } }];
    }
    case 'AnswerVerificationRequest':
    case 'RecordVerificationAnswer': {
      const marker =
        refuseIf(answerProblems(command.data, 'local' in origin, state.purposes)) ??
        marked('VerificationAnswer', state.roundMessageId);
      if (isDomainError(marker)) return marker;
      const answer = answerOf(command.data, state.subject.person);
      const data = { ...answer, ...annexOf(command.data), round: state.round, ...marker };
      return [{ type: 'VerificationAnswered', data }];
    }
    case 'ProvideAdditionalInformation':
    case 'ReceiveAdditionalInformation': {
      if (!awaitsMoreInformation(state))
        return invalidTransition(command.type, 'answered without a request for more');
      const now = 'local' in origin ? command.metadata.now : undefined;
      // On the wire another round is a new request answering the answer (its causation id).
      const marker =
        refuseIf(roundProblems(command.data, now)) ??
        marked('VerificationAdditionalInformation', state.answerMessageId);
      if (isDomainError(marker)) return marker;
      const { information, deadline } = command.data;
      const subject = command.data.subject ?? state.subject;
      const purposes = ordered(command.data.purposes ?? state.purposes);
      const annex = annexOf(command.data);
      const data = { round: state.round + 1, information, deadline, subject, purposes, ...annex, ...marker };
      return [{ type: 'VerificationAdditionalInformationProvided', data }];
    }
    case 'WithdrawVerificationRequest':
    case 'ReceiveVerificationWithdrawal': {
      const invalid = refuseIf(reasonProblems(command.data?.reason));
      if (invalid) return invalid;
      const { reason } = command.data;
      // A draft never left this node: withdrawing it tells nobody.
      if (state.status === 'drafted') return [{ type: 'VerificationWithdrawn', data: { reason } }];
      const marker = marked('VerificationWithdrawal', state.roundMessageId);
      if (isDomainError(marker)) return marker;
      return [{ type: 'VerificationWithdrawn', data: { reason, ...marker } }];
    }
    case 'CloseVerification': {
      const note = command.data?.note;
      const invalid = refuseIf(problems({ note: note === undefined || isNonEmptyText(note, 2000) }));
      if (invalid) return invalid;
      return [{ type: 'VerificationClosed', data: note === undefined ? {} : { note } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a verification command on the current state (pure). */
export const decideVerification = caseDecide<VerificationCommand, VerificationEvent, VerificationState>()({
  opening: ['DraftVerificationRequest', 'ReceiveVerificationRequest'],
  open: (command) => (command.type === 'DraftVerificationRequest' ? draft(command) : receive(command)),
  deliver: (command, trail, counterpart) => decideDelivery('Verification', command, trail, counterpart),
  rules: VERIFICATION_RULES,
  step,
});
