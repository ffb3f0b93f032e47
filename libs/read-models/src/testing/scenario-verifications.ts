import { CASES, MAN, WOMAN } from './scenario-cases';
import { COUNTERPART, ScenarioWriter } from './scenario-writer';

const victim = { role: 'victim', person: WOMAN };
const suspect = { role: 'suspect', person: MAN };

/** Verification requests both ways: on time, late, overdue, due soon, and one with a second round. */
export async function writeVerifications(w: ScenarioWriter): Promise<void> {
  const v = (id: string, type: string, data: unknown, now: string, queues?: string) =>
    w.ours('verification', id, type, data, now, queues);
  const them = (id: string, type: string, data: unknown, now: string) =>
    w.theirs('verification', id, type, data, now);
  const draft = (caseId: string, deadline: string, subject = victim) => ({
    caseId,
    counterpart: COUNTERPART,
    subject,
    purposes: ['identity', 'nationality'],
    details: 'Found without papers',
    deadline,
  });
  const answer = (outcome: string) => ({ outcome, findings: 'See the attached record' });

  const onTime = CASES.verificationOnTime;
  await v(onTime, 'DraftVerificationRequest', draft(onTime, '2026-03-09T00:00:00Z'), '2026-03-02T01:00:00Z');
  await v(onTime, 'SendVerificationRequest', {}, '2026-03-02T02:00:00Z', 'v1-request');
  await w.delivered('verification', onTime, 'v1-request', '2026-03-02T02:05:00Z');
  await them(onTime, 'RecordVerificationAnswer', answer('confirmed'), '2026-03-05T08:00:00Z');
  await v(onTime, 'CloseVerification', { note: 'Identity confirmed' }, '2026-03-06T08:00:00Z');

  const late = CASES.verificationLate;
  await v(
    late,
    'DraftVerificationRequest',
    draft(late, '2026-03-06T00:00:00Z', suspect),
    '2026-03-03T01:00:00Z',
  );
  await v(late, 'SendVerificationRequest', {}, '2026-03-03T02:00:00Z', 'v2-request');
  await them(late, 'RecordVerificationAnswer', answer('not_found'), '2026-03-08T03:00:00Z');

  const overdue = CASES.verificationOverdue;
  // The deadline is given at UTC+7: the read model must compare it as an instant.
  await v(
    overdue,
    'DraftVerificationRequest',
    draft(overdue, '2026-03-15T07:00:00+07:00'),
    '2026-03-10T01:00:00Z',
  );
  await v(overdue, 'SendVerificationRequest', {}, '2026-03-10T02:00:00Z', 'v3-request');

  const ours = CASES.verificationAnsweredByUs;
  await them(
    ours,
    'ReceiveVerificationRequest',
    incoming(ours, '2026-03-11T00:00:00Z'),
    '2026-03-04T03:00:00Z',
  );
  // Our answer answers each purpose asked (theirs, here, answer as a counterpart before version 4 did).
  const eachAnswered = { ...answer('confirmed'), answers: { nationality: 'confirmed' } };
  await v(ours, 'AnswerVerificationRequest', eachAnswered, '2026-03-07T09:00:00Z', 'v4-answer');

  const theirsOverdue = CASES.verificationIncomingOverdue;
  await them(
    theirsOverdue,
    'ReceiveVerificationRequest',
    incoming(theirsOverdue, '2026-03-18T00:00:00Z'),
    '2026-03-12T03:00:00Z',
  );

  const dueSoon = CASES.verificationDueSoon;
  await them(
    dueSoon,
    'ReceiveVerificationRequest',
    incoming(dueSoon, '2026-03-21T00:00:00Z'),
    '2026-03-18T03:00:00Z',
  );

  const rounds = CASES.verificationTwoRounds;
  await v(rounds, 'DraftVerificationRequest', draft(rounds, '2026-02-27T00:00:00Z'), '2026-02-20T01:00:00Z');
  await v(rounds, 'SendVerificationRequest', {}, '2026-02-20T02:00:00Z', 'v7-request');
  await them(rounds, 'RecordVerificationAnswer', answer('more_information_needed'), '2026-02-25T02:00:00Z');
  const more = { information: 'Fingerprints attached', deadline: '2026-03-08T00:00:00Z' };
  await v(rounds, 'ProvideAdditionalInformation', more, '2026-03-01T02:00:00Z', 'v7-more');
  await them(rounds, 'RecordVerificationAnswer', answer('confirmed'), '2026-03-09T02:00:00Z');
}

const incoming = (caseId: string, deadline: string) => ({
  caseId,
  subject: { role: 'victim', person: WOMAN },
  purposes: ['nationality'],
  details: 'Claims to be from Phong Tho',
  deadline,
});
