import { queuedMessageOf } from '../shared';
import { given } from '../testing/given';
import { fromThem, NOW, OFFICER, queuing, THEM, US } from '../testing/fixtures';
import { verificationDecider as decider } from './decider';
import { describeVerificationEvent, VerificationEvent } from './events';
import { verificationDeadlineStatus, verificationStatusAt } from './state';
import {
  cmd,
  request,
  drafted,
  sent,
  delivered,
  moreNeeded,
  confirmed,
  received,
  weAskedMore,
} from './verification.histories';

describe('verification: outgoing', () => {
  it('drafts a request', () => {
    const state = given(decider)
      .when(
        cmd('DraftVerificationRequest', {
          caseId: '0193a7b2-0000-7000-8000-000000000101',
          counterpart: THEM,
          ...request,
        }),
      )
      .then([drafted]);
    expect(state).toMatchObject({ status: 'drafted', direction: 'outgoing', counterpart: THEM, round: 1 });
  });

  it('sends the draft, queuing a VerificationRequest', () => {
    const state = given(decider, [drafted])
      .when(cmd('SendVerificationRequest', {}, queuing('m-req')))
      .then([sent]);
    expect(state.status).toBe('sent');
    expect(queuedMessageOf(sent)).toEqual({
      messageId: 'm-req',
      counterpart: THEM,
      kind: 'VerificationRequest',
    });
  });

  it('goes sent → delivered on the receipt of the request', () => {
    const state = given(decider, [drafted, sent])
      .when(cmd('RecordDelivery', { messageId: 'm-req' }, { ...OFFICER, actor: 'system:exchange' }))
      .then([delivered]);
    expect(state).toMatchObject({
      status: 'delivered',
      trail: { messages: { 'm-req': { delivery: 'delivered' } } },
    });
  });

  it('shows a rejection in the state', () => {
    const state = given(decider, [drafted, sent])
      .when(cmd('RecordRejection', { messageId: 'm-req', reason: 'UNKNOWN_SENDER' }, fromThem('rcpt-1')))
      .then([
        {
          type: 'VerificationMessageRejected',
          data: { messageId: 'm-req', kind: 'VerificationRequest', reason: 'UNKNOWN_SENDER' },
        },
      ]);
    expect(state).toMatchObject({
      status: 'sent',
      trail: { messages: { 'm-req': { delivery: 'rejected', rejectionReason: 'UNKNOWN_SENDER' } } },
    });
  });

  it('goes rejected → delivered when an officer re-sent the message once its cause was fixed', () => {
    const rejected = {
      type: 'VerificationMessageRejected' as const,
      data: { messageId: 'm-req', kind: 'VerificationRequest' as const, reason: 'UNKNOWN_SENDER' },
    };
    const state = given(decider, [drafted, sent, rejected])
      .when(cmd('RecordDelivery', { messageId: 'm-req' }, fromThem('rcpt-2')))
      .then([delivered]);
    expect(state).toMatchObject({
      status: 'delivered',
      trail: { messages: { 'm-req': { delivery: 'delivered' } } },
    });
  });

  it.each([
    ['delivered', [drafted, sent, delivered]],
    ['sent (the answer overtook the receipt)', [drafted, sent]],
  ])('records the answer when %s', (_label, history) => {
    const state = given(decider, history)
      .when(
        cmd(
          'RecordVerificationAnswer',
          { outcome: 'confirmed', findings: 'registered resident', answers: { identity: 'confirmed' } },
          fromThem('in-ans'),
        ),
      )
      .then([confirmed]);
    expect(state).toMatchObject({ status: 'answered', answer: { outcome: 'confirmed' } });
  });

  it('sends additional information after "more information needed": another round', () => {
    const state = given(decider, [drafted, sent, moreNeeded])
      .when(
        cmd(
          'ProvideAdditionalInformation',
          { information: 'photo digest attached', deadline: '2026-12-05T10:00:00Z' },
          queuing('m-add'),
        ),
      )
      .then([
        {
          type: 'VerificationAdditionalInformationProvided',
          data: {
            round: 2,
            information: 'photo digest attached',
            deadline: '2026-12-05T10:00:00Z',
            // On the wire another round is a new request: the subject travels again, answering the answer.
            subject: request.subject,
            purposes: request.purposes,
            outbound: {
              messageId: 'm-add',
              counterpart: THEM,
              kind: 'VerificationAdditionalInformation',
              inReplyTo: 'in-ans',
            },
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'sent',
      round: 2,
      deadline: '2026-12-05T10:00:00Z',
      answer: undefined,
      roundMessageId: 'm-add',
    });
  });

  it('withdraws a draft without telling anyone', () => {
    given(decider, [drafted])
      .when(cmd('WithdrawVerificationRequest', { reason: 'duplicate' }))
      .then([{ type: 'VerificationWithdrawn', data: { reason: 'duplicate' } }]);
  });

  it('withdraws a sent request with a VerificationWithdrawal', () => {
    const state = given(decider, [drafted, sent])
      .when(cmd('WithdrawVerificationRequest', { reason: 'person found' }, queuing('m-wd')))
      .then([
        {
          type: 'VerificationWithdrawn',
          data: {
            reason: 'person found',
            outbound: {
              messageId: 'm-wd',
              counterpart: THEM,
              kind: 'VerificationWithdrawal',
              inReplyTo: 'm-req',
            },
          },
        },
      ]);
    expect(state.status).toBe('withdrawn');
  });

  it('closes an answered case', () => {
    const state = given(decider, [drafted, sent, confirmed])
      .when(cmd('CloseVerification', { note: 'done' }))
      .then([{ type: 'VerificationClosed', data: { note: 'done' } }]);
    expect(state.status).toBe('closed');
  });

  it('ignores the same answer applied twice', () => {
    given(decider, [drafted, sent, confirmed])
      .when(
        cmd(
          'RecordVerificationAnswer',
          { outcome: 'confirmed', findings: 'registered resident', answers: { identity: 'confirmed' } },
          fromThem('in-ans'),
        ),
      )
      .then([]);
  });

  it('ignores a repeated receipt', () => {
    given(decider, [drafted, sent, delivered])
      .when(cmd('RecordDelivery', { messageId: 'm-req' }))
      .then([]);
  });
});

describe('verification: incoming', () => {
  it('receives a request from the counterpart', () => {
    const state = given(decider)
      .when(
        cmd(
          'ReceiveVerificationRequest',
          { caseId: '0193a7b2-0000-7000-8000-000000000101', ...request },
          fromThem('in-req'),
        ),
      )
      .then([received]);
    expect(state).toMatchObject({
      status: 'received',
      direction: 'incoming',
      counterpart: THEM,
      requester: THEM,
      responder: US,
    });
  });

  it('ignores the same request received twice', () => {
    given(decider, [received])
      .when(
        cmd(
          'ReceiveVerificationRequest',
          { caseId: '0193a7b2-0000-7000-8000-000000000101', ...request },
          fromThem('in-req'),
        ),
      )
      .then([]);
  });

  it('answers, queuing a VerificationAnswer in reply to the request', () => {
    const state = given(decider, [received])
      .when(
        cmd(
          'AnswerVerificationRequest',
          { outcome: 'more_information_needed', findings: 'need a photo' },
          queuing('m-ans'),
        ),
      )
      .then([weAskedMore]);
    expect(state.status).toBe('answered');
  });

  it('receives additional information: back to received, round 2', () => {
    const state = given(decider, [received, weAskedMore])
      .when(
        cmd(
          'ReceiveAdditionalInformation',
          { information: 'photo', deadline: '2026-12-05T10:00:00Z' },
          fromThem('in-add'),
        ),
      )
      .then([
        {
          type: 'VerificationAdditionalInformationProvided',
          data: {
            round: 2,
            information: 'photo',
            deadline: '2026-12-05T10:00:00Z',
            subject: request.subject,
            purposes: request.purposes,
            inbound: { messageId: 'in-add', counterpart: THEM },
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'received', round: 2, roundMessageId: 'in-add' });
  });

  it('receives a withdrawal', () => {
    const state = given(decider, [received])
      .when(cmd('ReceiveVerificationWithdrawal', { reason: 'resolved' }, fromThem('in-wd')))
      .then([
        {
          type: 'VerificationWithdrawn',
          data: { reason: 'resolved', inbound: { messageId: 'in-wd', counterpart: THEM } },
        },
      ]);
    expect(state).toMatchObject({ status: 'withdrawn', withdrawalReason: 'resolved' });
  });
});

describe('verification: deadline', () => {
  const fold = (events: VerificationEvent[]) => events.reduce(decider.evolve, decider.initialState());
  it.each<[string, VerificationEvent[], string, string]>([
    ['no case', [], NOW, 'none'],
    ['a draft', [drafted], NOW, 'none'],
    ['sent, days left', [drafted, sent], NOW, 'on_time'],
    ['sent, hours left', [drafted, sent], '2026-11-30T00:00:00Z', 'due_soon'],
    ['delivered, past the deadline', [drafted, sent, delivered], '2026-12-01T00:00:00Z', 'overdue'],
    ['answered, even late', [drafted, sent, confirmed], '2026-12-09T00:00:00Z', 'met'],
    ['waiting on our additional information', [drafted, sent, moreNeeded], '2026-12-09T00:00:00Z', 'none'],
    ['incoming, unanswered and late', [received], '2026-12-01T00:00:00Z', 'overdue'],
  ])('%s', (_label, events, now, expected) => {
    expect(verificationDeadlineStatus(fold(events), now)).toBe(expected);
  });

  it('shows overdue as the status an officer sees', () => {
    expect(verificationStatusAt(fold([received]), '2026-12-01T00:00:00Z')).toBe('overdue');
    expect(verificationStatusAt(fold([received]), NOW)).toBe('received');
  });
});

describe('verification: timeline', () => {
  it.each([drafted, sent, delivered, confirmed, received, weAskedMore])(
    'describes $type without particulars',
    (event) => {
      const line = describeVerificationEvent(event);
      expect(line.length).toBeGreaterThan(5);
      expect(line).not.toMatch(/Lo Thi|Lò|Lai Chau|000000000001/);
    },
  );
});
