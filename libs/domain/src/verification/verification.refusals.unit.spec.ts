import { given } from '../testing/given';
import { fromThem, NOW, OTHER, PERSON, queuing, THEM, US } from '../testing/fixtures';
import { VerificationCommand } from './decide';
import { verificationDecider as decider } from './decider';
import { VerificationEvent } from './events';
import {
  cmd,
  DEADLINE,
  request,
  drafted,
  sent,
  delivered,
  moreNeeded,
  confirmed,
  received,
  weAskedMore,
} from './verification.histories';

describe('verification: refusals', () => {
  const answer = {
    outcome: 'confirmed' as const,
    findings: 'x',
    answers: { identity: 'confirmed' as const },
  };
  it.each<[string, VerificationEvent[], VerificationCommand, string]>([
    ['command on no case', [], cmd('SendVerificationRequest', {}, queuing('m')), 'NOT_FOUND'],
    [
      'draft twice',
      [drafted],
      cmd('DraftVerificationRequest', {
        caseId: '0193a7b2-0000-7000-8000-000000000101',
        counterpart: THEM,
        ...request,
      }),
      'ALREADY_EXISTS',
    ],
    [
      'another request on an existing case',
      [received],
      cmd(
        'ReceiveVerificationRequest',
        { caseId: '0193a7b2-0000-7000-8000-000000000101', ...request },
        fromThem('in-2'),
      ),
      'ALREADY_EXISTS',
    ],
    [
      'draft to ourselves',
      [],
      cmd('DraftVerificationRequest', {
        caseId: '0193a7b2-0000-7000-8000-000000000101',
        counterpart: US,
        ...request,
      }),
      'VALIDATION_FAILED',
    ],
    [
      'draft to a malformed agency',
      [],
      cmd('DraftVerificationRequest', {
        caseId: '0193a7b2-0000-7000-8000-000000000101',
        counterpart: 'cn.mps',
        ...request,
      }),
      'VALIDATION_FAILED',
    ],
    [
      'draft with a past deadline',
      [],
      cmd('DraftVerificationRequest', {
        caseId: '0193a7b2-0000-7000-8000-000000000101',
        counterpart: THEM,
        ...request,
        deadline: '2026-11-01T00:00:00Z',
      }),
      'VALIDATION_FAILED',
    ],
    [
      'draft with a malformed person',
      [],
      cmd('DraftVerificationRequest', {
        caseId: '0193a7b2-0000-7000-8000-000000000101',
        counterpart: THEM,
        ...request,
        subject: { role: 'victim', person: { ...PERSON, sex: 'x' as never } },
      }),
      'VALIDATION_FAILED',
    ],
    [
      'draft by a counterpart',
      [],
      cmd(
        'DraftVerificationRequest',
        { caseId: '0193a7b2-0000-7000-8000-000000000101', counterpart: THEM, ...request },
        fromThem('in-x'),
      ),
      'NOT_PERMITTED',
    ],
    ['send without a message id', [drafted], cmd('SendVerificationRequest', {}), 'VALIDATION_FAILED'],
    ['send twice', [drafted, sent], cmd('SendVerificationRequest', {}, queuing('m-2')), 'INVALID_TRANSITION'],
    [
      'send an incoming request',
      [received],
      cmd('SendVerificationRequest', {}, queuing('m-2')),
      'NOT_PERMITTED',
    ],
    [
      'receive without a message id',
      [],
      cmd(
        'ReceiveVerificationRequest',
        { caseId: '0193a7b2-0000-7000-8000-000000000101', ...request },
        { ...fromThem('x'), messageId: undefined },
      ),
      'VALIDATION_FAILED',
    ],
    [
      'receive from an officer',
      [],
      cmd('ReceiveVerificationRequest', { caseId: '0193a7b2-0000-7000-8000-000000000101', ...request }),
      'NOT_PERMITTED',
    ],
    [
      'answer our own request',
      [drafted, sent],
      cmd('AnswerVerificationRequest', answer, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'answer twice',
      [received, weAskedMore],
      cmd('AnswerVerificationRequest', answer, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'answer with an unknown outcome',
      [received],
      cmd('AnswerVerificationRequest', { ...answer, outcome: 'maybe' as never }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'answer by a counterpart',
      [received],
      cmd('AnswerVerificationRequest', answer, fromThem('in-x')),
      'NOT_PERMITTED',
    ],
    [
      'answer a draft',
      [drafted],
      cmd('RecordVerificationAnswer', answer, fromThem('in-ans')),
      'INVALID_TRANSITION',
    ],
    [
      'answer from a third agency',
      [drafted, sent],
      cmd('RecordVerificationAnswer', answer, fromThem('in-ans', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'answer recorded on an incoming case',
      [received],
      cmd('RecordVerificationAnswer', answer, fromThem('in-ans')),
      'NOT_PERMITTED',
    ],
    [
      'additional information without a request for it',
      [drafted, sent, confirmed],
      cmd('ProvideAdditionalInformation', { information: 'x', deadline: DEADLINE }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'additional information on an incoming case',
      [received, weAskedMore],
      cmd('ProvideAdditionalInformation', { information: 'x', deadline: DEADLINE }, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'additional information with a past deadline',
      [drafted, sent, moreNeeded],
      cmd('ProvideAdditionalInformation', { information: 'x', deadline: NOW }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'additional information received before we asked',
      [received],
      cmd('ReceiveAdditionalInformation', { information: 'x', deadline: DEADLINE }, fromThem('in-add')),
      'INVALID_TRANSITION',
    ],
    [
      'additional information received on our request',
      [drafted, sent, moreNeeded],
      cmd('ReceiveAdditionalInformation', { information: 'x', deadline: DEADLINE }, fromThem('in-add')),
      'NOT_PERMITTED',
    ],
    [
      'withdraw a closed case',
      [drafted, sent, confirmed, { type: 'VerificationClosed', data: {} }],
      cmd('WithdrawVerificationRequest', { reason: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'withdraw without a reason',
      [drafted, sent],
      cmd('WithdrawVerificationRequest', { reason: ' ' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'withdraw an incoming request',
      [received],
      cmd('WithdrawVerificationRequest', { reason: 'x' }, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'withdrawal received for our request',
      [drafted, sent],
      cmd('ReceiveVerificationWithdrawal', { reason: 'x' }, fromThem('in-wd')),
      'NOT_PERMITTED',
    ],
    [
      'withdrawal received after closing',
      [received, weAskedMore, { type: 'VerificationClosed', data: {} }],
      cmd('ReceiveVerificationWithdrawal', { reason: 'x' }, fromThem('in-wd')),
      'INVALID_TRANSITION',
    ],
    ['close before the answer', [drafted, sent], cmd('CloseVerification', {}), 'INVALID_TRANSITION'],
    [
      'receipt for an unknown message',
      [drafted, sent],
      cmd('RecordDelivery', { messageId: 'nope' }),
      'NOT_FOUND',
    ],
    [
      'rejection after delivery',
      [drafted, sent, delivered],
      cmd('RecordRejection', { messageId: 'm-req', reason: 'X' }),
      'INVALID_TRANSITION',
    ],
    [
      'rejection without a reason',
      [drafted, sent],
      cmd('RecordRejection', { messageId: 'm-req', reason: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'receipt from a third agency',
      [drafted, sent],
      cmd('RecordDelivery', { messageId: 'm-req' }, fromThem('r', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'additional information received with a malformed deadline',
      [received, weAskedMore],
      cmd('ReceiveAdditionalInformation', { information: 'x', deadline: 'soon' }, fromThem('in-add')),
      'VALIDATION_FAILED',
    ],
    [
      'a withdrawal received without a reason',
      [received],
      cmd('ReceiveVerificationWithdrawal', { reason: '' }, fromThem('in-wd')),
      'VALIDATION_FAILED',
    ],
    [
      'closing with an empty note',
      [drafted, sent, confirmed],
      cmd('CloseVerification', { note: ' ' }),
      'VALIDATION_FAILED',
    ],
    [
      'closing by a counterpart',
      [drafted, sent, confirmed],
      cmd('CloseVerification', {}, fromThem('in-c')),
      'NOT_PERMITTED',
    ],
    [
      'an inbound answer with a malformed person',
      [drafted, sent],
      cmd(
        'RecordVerificationAnswer',
        { outcome: 'confirmed', findings: 'x', person: { ...PERSON, dateOfBirth: { year: 2004, day: 2 } } },
        fromThem('in-ans'),
      ),
      'VALIDATION_FAILED',
    ],
  ])('refuses %s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });

  it('never puts particulars in a refusal reason', () => {
    const result = decider.decide(
      cmd('DraftVerificationRequest', {
        caseId: '0193a7b2-0000-7000-8000-000000000101',
        counterpart: THEM,
        ...request,
        subject: { role: 'victim', person: { ...PERSON, sex: 'x' as never } },
      }),
      decider.initialState(),
    );
    expect(JSON.stringify(result)).not.toMatch(/Lo Thi|Lò|Lai Chau|000000000001/);
    expect(result).toMatchObject({ reason: 'invalid or missing: subject.person.sex' });
  });
});
