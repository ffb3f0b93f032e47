import { createHash } from 'node:crypto';
import {
  appendAuditRecord,
  auditStream,
  commandReceived,
  envelopeRefused,
  REFUSED_RAW_KEPT_MAX_BYTES,
  particularsViewed,
  AUDIT_ENVELOPE_REFUSED,
} from './audit-events';
import { InMemoryEventStore } from './testing/in-memory-store';

/** The brief's stream rule and the event store's (libs/event-store/src/rules.ts). */
const STREAM_RULES = [/^[a-z][a-z0-9-]*-[A-Za-z0-9._:-]+$/, /^[a-z][a-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*$/];
const raw = Uint8Array.from([0x0a, 0x03, 0xff, 0x00, 0x41]);
const refusal = {
  reason: 'UNKNOWN_SENDER',
  sender: 'CN.MPS',
  messageId: '019a9c7e-0000-7000-8000-000000000001',
  source: 'kafka:xb.v1.inbox.vn-bgc-laichau/2@1234',
  receivedAt: '2026-11-23T23:59:59.999Z',
};
const refused = envelopeRefused(raw, refusal);
const command = commandReceived({
  commandType: 'RequestVerification',
  actor: 'officer:17',
  agencyId: 'VN.BGC.LAICHAU',
  requestId: 'req-1',
  sourceAddress: '127.0.0.1:51234',
  caseId: 'verification-019a9c7e',
  receivedAt: '2026-11-24T00:00:00Z',
});
const viewed = particularsViewed({
  viewer: 'officer:17',
  caseId: 'repatriation-019a9c7e',
  fields: ['victim.name', 'victim.birthDate'],
  requestId: 'req-2',
  sourceAddress: '127.0.0.1:51235',
  viewedAt: '2026-11-23T08:00:00+07:00',
});

describe('audit events', () => {
  it('go to one stream per kind and UTC day, each passing the stream-name rules', () => {
    expect([refused.stream, command.stream, viewed.stream]).toEqual([
      'audit-refused-2026-11-23',
      'audit-commands-2026-11-24',
      'audit-views-2026-11-23', // 08:00 in Hanoi is 01:00 UTC
    ]);
    for (const stream of [refused.stream, command.stream, viewed.stream]) {
      for (const rule of STREAM_RULES) expect(stream).toMatch(rule);
    }
  });

  it('keep a refused envelope byte for byte, with its SHA-256 and reason', () => {
    const { data } = refused.event;
    expect(refused.event.type).toBe(AUDIT_ENVELOPE_REFUSED);
    expect(Buffer.from(data.rawBase64 ?? '', 'base64').equals(Buffer.from(raw))).toBe(true);
    expect(data.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(data.reason).toBe('UNKNOWN_SENDER');
  });

  it('keep a record too large to keep whole by SHA-256 and size, naming where its bytes went', () => {
    const large = Buffer.alloc(REFUSED_RAW_KEPT_MAX_BYTES + 1, 7);
    const { data } = envelopeRefused(large, { ...refusal, rawKeptAt: 'kafka:xb.v1.dlq.x' }).event;
    expect(data).toMatchObject({ size: large.length, rawKeptAt: 'kafka:xb.v1.dlq.x' });
    expect(data.rawBase64).toBeUndefined();
    expect(data.sha256).toBe(createHash('sha256').update(large).digest('hex'));
    const empty = envelopeRefused(Buffer.alloc(0), refusal).event.data;
    expect(empty).toMatchObject({ rawBase64: '', size: 0 });
    expect(empty.rawKeptAt).toBeUndefined();
  });

  it('record who acted, from where, for which request, in data and metadata', () => {
    expect(command.event.metadata).toMatchObject({
      actor: 'officer:17',
      requestId: 'req-1',
      correlationId: 'verification-019a9c7e',
    });
    expect(viewed.event.metadata).toMatchObject({ actor: 'officer:17', sourceAddress: '127.0.0.1:51235' });
    expect(viewed.event.data.fields).toEqual(['victim.name', 'victim.birthDate']);
  });

  it('refuse a time that is not ISO 8601', () => {
    expect(() => auditStream('views', 'yesterday')).toThrow(RangeError);
  });

  it('append to their day stream', async () => {
    const store = new InMemoryEventStore();
    await appendAuditRecord(store, refused);
    await appendAuditRecord(store, envelopeRefused(raw, { ...refused.event.data, reason: 'BAD_SIGNATURE' }));
    const stored = await store.readStream('audit-refused-2026-11-23');
    expect(stored.map((e) => (e.data as { reason: string }).reason)).toEqual([
      'UNKNOWN_SENDER',
      'BAD_SIGNATURE',
    ]);
  });
});
