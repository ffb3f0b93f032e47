import { recorded } from '../testing/recorded';
import { exchangeLog } from './exchange-log';
import { renderHistory } from './render';

const CN = 'CN.YN.BORDERPOLICE';
const dispatched = (id: string, counterpart: string, at: string) =>
  recorded(
    `exchange-${id}`,
    'OutboundMessageDispatched',
    {
      messageId: id,
      correlationId: 'v-1',
      counterpart,
      payloadType: 'VerificationRequest',
      envelope: 'AA==',
      envelopeSha256: 'ab',
      queuedAt: '3',
      dispatchedAt: at,
    },
    1,
  );

const events = [
  dispatched('m-1', CN, '2026-07-01T02:00:00Z'),
  recorded(
    'exchange-m-1',
    'OutboundMessageResent',
    { messageId: 'm-1', attempt: 1, resentAt: '2026-07-01T02:05:00Z' },
    2,
  ),
  recorded(
    'exchange-m-1',
    'OutboundMessageReceipted',
    {
      messageId: 'm-1',
      status: 'accepted',
      envelopeSha256: 'ab',
      receivedAt: '2026-07-01T02:06:00Z',
      recordedAt: '2026-07-01T02:06:01Z',
    },
    3,
  ),
  dispatched('m-2', CN, '2026-07-03T02:00:00Z'),
  recorded(
    'exchange-m-2',
    'OutboundMessageUnacknowledged',
    { messageId: 'm-2', attempts: 5, flaggedAt: '2026-07-04T00:00:00Z', advice: 'call' },
    5,
  ),
  dispatched('m-3', 'LA.MOS', '2026-07-02T02:00:00Z'),
  dispatched('m-4', CN, '2026-07-05T02:00:00Z'),
  recorded(
    'exchange-m-4',
    'OutboundMessageReceipted',
    {
      messageId: 'm-4',
      status: 'rejected',
      reason: 'INVALID_TRANSITION',
      envelopeSha256: 'ab',
      receivedAt: '2026-07-05T02:01:00Z',
      recordedAt: '2026-07-05T02:01:01Z',
    },
    8,
  ),
  recorded(
    'inbox-in-1',
    'InboundMessageRecorded',
    {
      messageId: 'in-1',
      sender: CN,
      correlationId: 'v-1',
      payloadType: 'VerificationAnswer',
      envelopeSha256: 'cd',
      outcome: 'accepted',
      recordedAt: '2026-07-02T00:00:00Z',
    },
    9,
  ),
  recorded(
    'inbox-in-2',
    'InboundMessageRecorded',
    {
      messageId: 'in-2',
      sender: 'LA.MOS',
      correlationId: 'x',
      payloadType: 'InformationNotice',
      envelopeSha256: 'ef',
      outcome: 'accepted',
      recordedAt: '2026-07-02T00:00:00Z',
    },
    10,
  ),
  recorded(
    'audit-refused-2026-07-04',
    'AuditEnvelopeRefused',
    {
      rawBase64: 'AA==',
      sha256: '6e',
      reason: 'BAD_SIGNATURE',
      messageId: 'in-3',
      sender: CN,
      source: 'kafka:t/0@1',
      receivedAt: '2026-07-04T00:00:00Z',
    },
    11,
  ),
];

describe('the exchange log with one counterpart', () => {
  it('lists every message out, in and refused, in time order, with outcomes', () => {
    const log = exchangeLog(events, { counterpart: CN });
    expect(log.map((e) => [e.direction, e.messageId, e.outcome])).toEqual([
      ['out', 'm-1', 'delivered'],
      ['in', 'in-1', 'accepted'],
      ['out', 'm-2', 'unacknowledged'],
      ['refused', 'in-3', 'refused: BAD_SIGNATURE'],
      ['out', 'm-4', 'rejected: INVALID_TRANSITION'],
    ]);
    expect(log[0]).toMatchObject({
      resends: 1,
      receiptAt: '2026-07-01T02:06:00Z',
      payloadType: 'VerificationRequest',
      correlationId: 'v-1',
    });
  });

  it('keeps the window: from inclusive, to exclusive', () => {
    const log = exchangeLog(events, {
      counterpart: CN,
      from: '2026-07-02T00:00:00Z',
      to: '2026-07-05T02:00:00Z',
    });
    expect(log.map((e) => e.messageId)).toEqual(['in-1', 'm-2', 'in-3']);
  });

  it('renders one line per message with its arrow and a summary', () => {
    const text = renderHistory(exchangeLog(events, { counterpart: CN }), { counterpart: CN });
    expect(text).toContain(`exchange with ${CN}, the start to now: 3 sent, 1 received, 1 refused`);
    expect(text).toMatch(
      /2026-07-01T02:00:00Z {2}-> {2}VerificationRequest +m-1 +delivered {2}\[1 re-send, receipt 2026-07-01T02:06:00Z, case v-1\]/,
    );
    expect(text).toMatch(/x- {2}\(unreadable\) +in-3 +refused: BAD_SIGNATURE/);
  });
});
