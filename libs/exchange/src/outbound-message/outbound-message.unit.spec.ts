import { DomainError, isDomainError } from '@xb/domain';
import { outboundMessageDecider, OutboundMessageCommand } from './decide';
import { OutboundMessageEvent } from './events';
import { OutboundMessageState } from './state';

const messageId = '0193a7b2-0000-7000-8000-0000000000aa';
const metadata = (now: string, actor = 'officer:lo-7') => ({ now, actor, agencyId: 'VN.BGC.LAICHAU' });
const dispatched: OutboundMessageEvent = {
  type: 'OutboundMessageDispatched',
  data: {
    messageId,
    correlationId: '0193a7b2-0000-7000-8000-0000000000c1',
    category: 'notice',
    counterpart: 'CN.YN.BORDERPOLICE',
    payloadType: 'xborder.v1.CriminalMethod',
    envelope: 'AAAA',
    envelopeSha256: 'ab'.repeat(32),
    queuedAt: '12',
    dispatchedAt: '2026-11-23T04:00:00Z',
  },
};
const receipt = (status: 'accepted' | 'rejected', reason?: string): OutboundMessageEvent => ({
  type: 'OutboundMessageReceipted',
  data: {
    messageId,
    status,
    ...(reason ? { reason } : {}),
    envelopeSha256: 'ab'.repeat(32),
    receivedAt: '2026-11-23T04:00:01Z',
    recordedAt: '2026-11-23T04:00:02Z',
  },
});
const unacknowledged: OutboundMessageEvent = {
  type: 'OutboundMessageUnacknowledged',
  data: { messageId, attempts: 8, flaggedAt: '2026-11-23T05:00:00Z', advice: 'call the hotline' },
};
const resend = (note: unknown = 'The counterpart imported our renewed key.'): OutboundMessageCommand => ({
  type: 'ResendMessage',
  data: { note } as { note: string },
  metadata: metadata('2026-11-23T06:00:00Z'),
});

const given = (events: readonly OutboundMessageEvent[]): OutboundMessageState =>
  events.reduce(outboundMessageDecider.evolve, outboundMessageDecider.initialState());
const when = (events: readonly OutboundMessageEvent[], command: OutboundMessageCommand) =>
  outboundMessageDecider.decide(command, given(events));
const refusal = (outcome: unknown) => (isDomainError(outcome) ? (outcome as DomainError).code : outcome);

describe("an officer's re-send of an outbound message", () => {
  it.each([
    ['unacknowledged', [dispatched, unacknowledged]],
    ['rejected while the counterpart opened it (an envelope refusal)', [dispatched, receipt('rejected', 'CLOCK_SKEW')]],
  ])('is requested for a message %s, with the note of what was fixed', (_name, history) => {
    expect(when(history, resend())).toEqual([
      {
        type: 'OutboundMessageResendRequested',
        data: { messageId, note: 'The counterpart imported our renewed key.', requestedAt: '2026-11-23T06:00:00Z' },
      },
    ]);
  });

  it('puts the message back in the resender hands: resend_requested, attempts counted afresh, no stale rejection', () => {
    const state = given([
      dispatched,
      receipt('rejected', 'UNSUPPORTED_TYPE'),
      ...(when([dispatched, receipt('rejected', 'UNSUPPORTED_TYPE')], resend()) as OutboundMessageEvent[]),
    ]);
    expect(state).toMatchObject({ status: 'resend_requested', attempts: 0 });
    expect(state).not.toHaveProperty('rejectionReason');
  });

  it('is sent once by the resender (attempt 1), then receipted and delivered', () => {
    const history = [
      dispatched,
      unacknowledged,
      ...(when([dispatched, unacknowledged], resend()) as OutboundMessageEvent[]),
    ];
    const resent = when(history, {
      type: 'RecordResend',
      data: { messageId, attempt: 1 },
      metadata: metadata('2026-11-23T06:00:01Z', 'system:resender'),
    }) as OutboundMessageEvent[];
    expect(resent).toEqual([
      { type: 'OutboundMessageResent', data: { messageId, attempt: 1, resentAt: '2026-11-23T06:00:01Z' } },
    ]);
    expect(given([...history, ...resent])).toMatchObject({ status: 'sent', attempts: 1 });
    expect(given([...history, ...resent, receipt('accepted')])).toMatchObject({ status: 'delivered' });
  });

  it.each([
    ['never sent', [], 'NOT_FOUND'],
    ['still being re-sent automatically', [dispatched], 'INVALID_TRANSITION'],
    ['delivered', [dispatched, receipt('accepted')], 'INVALID_TRANSITION'],
    [
      "refused by the counterpart's rules (it answers a copy with the same receipt)",
      [dispatched, receipt('rejected', 'INVALID_TRANSITION')],
      'INVALID_TRANSITION',
    ],
    [
      'already asked to be re-sent (exactly once)',
      [
        dispatched,
        unacknowledged,
        { type: 'OutboundMessageResendRequested', data: { messageId, note: 'x', requestedAt: '2026-11-23T06:00:00Z' } },
      ],
      'INVALID_TRANSITION',
    ],
    [
      'never sealed (unsendable)',
      [{ type: 'OutboundMessageUnsendable', data: { messageId, reason: 'CONTRACT_GAP', detail: 'd', flaggedAt: 'x' } }],
      'INVALID_TRANSITION',
    ],
  ] as [string, OutboundMessageEvent[], string][])('is refused for a message %s', (_name, history, code) => {
    expect(refusal(when(history, resend()))).toBe(code);
  });

  it.each([
    ['empty', ''],
    ['absent', null],
    ['not text', 42],
    ['longer than 2000 characters', 'x'.repeat(2001)],
  ])('needs a note of what was fixed (%s refused)', (_name, note) => {
    const outcome = when([dispatched, unacknowledged], resend(note));
    expect(outcome).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['note'] });
  });
});
