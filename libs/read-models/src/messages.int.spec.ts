import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@xb/event-store';
import { migrateReadModels } from './migrate';
import { Projector } from './projector';
import { ALL_PROJECTIONS } from './projections';
import { messageLog } from './queries';
import {
  DisposableReadModelDb,
  openPostgresReadModels,
  openSqliteReadModels,
} from './testing/read-model-databases';

const CN = 'CN.YN.BORDERPOLICE';
const LA = 'LA.PHONGSALY.POLICE';
const CASE = '0193a7b2-0000-7000-8000-00000000c0de';
const meta = (occurredAt: string) => ({ correlationId: CASE, actor: 'node', occurredAt, schemaVersion: 1 });
const dispatched = (
  messageId: string,
  counterpart: string,
  at: string,
  payloadType = 'xborder.v1.VerificationRequest',
) => ({
  type: 'OutboundMessageDispatched',
  data: {
    messageId,
    correlationId: CASE,
    category: 'verification',
    counterpart,
    payloadType,
    envelope: 'c2VhbGVk',
    envelopeSha256: 'ab'.repeat(32),
    queuedAt: '1',
    dispatchedAt: at,
  },
  metadata: meta(at),
});

/** The `messages` read model: each message in its latest state, folded from its own stream only. */
describe.each([
  ['SQLite', openSqliteReadModels],
  ['PostgreSQL', openPostgresReadModels],
])('messages read model on %s', (_dialect, open) => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: DisposableReadModelDb;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-messages-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    rm = await open();
    await migrateReadModels(rm.db);
  });
  afterEach(async () => {
    await store.close();
    await rm.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists outbound and inbound messages in their latest state, latest first, by counterpart and state', async () => {
    // The header's dissemination code is listed with the message (none in records kept before it was).
    const m1 = dispatched('m1', CN, '2031-05-01T01:00:00.000Z');
    await store.appendToStream('exchange-m1', [
      { ...m1, data: { ...m1.data, dissemination: 'law_enforcement' } },
    ]);
    await store.appendToStream('exchange-m2', [dispatched('m2', CN, '2031-05-01T02:00:00.000Z')]);
    await store.appendToStream('exchange-m3', [dispatched('m3', LA, '2031-05-01T03:00:00.000Z')]);
    await store.appendToStream('exchange-m4', [
      dispatched('m4', CN, '2031-05-01T03:30:00.000Z', 'xborder.v1.AuditSealHead'),
    ]);
    await store.appendToStream('exchange-m1', [
      {
        type: 'OutboundMessageReceipted',
        data: {
          messageId: 'm1',
          status: 'rejected',
          reason: 'VALIDATION_FAILED:subject.name',
          envelopeSha256: 'ab',
          receivedAt: '2031-05-01T04:00:00.000Z',
          recordedAt: '2031-05-01T04:00:00.000Z',
        },
        metadata: meta('2031-05-01T04:00:00.000Z'),
      },
    ]);
    await store.appendToStream('exchange-m2', [
      {
        type: 'OutboundMessageReceipted',
        data: {
          messageId: 'm2',
          status: 'accepted',
          envelopeSha256: 'ab',
          receivedAt: '2031-05-01T02:30:00.000Z',
          recordedAt: '2031-05-01T02:30:00.000Z',
        },
        metadata: meta('2031-05-01T02:30:00.000Z'),
      },
    ]);
    await store.appendToStream('exchange-m3', [
      {
        type: 'OutboundMessageUnacknowledged',
        data: {
          messageId: 'm3',
          attempts: 5,
          flaggedAt: '2031-05-01T05:00:00.000Z',
          advice: 'ask the counterpart by phone',
        },
        metadata: meta('2031-05-01T05:00:00.000Z'),
      },
    ]);
    await store.appendToStream('inbox-i1', [
      {
        type: 'InboundMessageRecorded',
        data: {
          messageId: 'i1',
          sender: CN,
          correlationId: CASE,
          payloadType: 'xborder.v1.VerificationAnswer',
          envelopeSha256: 'cd',
          outcome: 'accepted',
          dissemination: 'receiving_agency',
          recordedAt: '2031-05-01T06:00:00.000Z',
        },
        metadata: meta('2031-05-01T06:00:00.000Z'),
      },
    ]);
    await new Projector({ store, db: rm.db, projections: ALL_PROJECTIONS }).catchUp();

    const all = await messageLog(rm.db, {});
    expect(all.total).toBe(4);
    expect(all.items.map((m) => [m.message_id, m.direction, m.status, m.reason, m.dissemination])).toEqual([
      ['i1', 'inbound', 'received', null, 'receiving_agency'],
      ['m3', 'outbound', 'unacknowledged', 'ask the counterpart by phone', null],
      ['m1', 'outbound', 'rejected', 'VALIDATION_FAILED:subject.name', 'law_enforcement'],
      ['m2', 'outbound', 'delivered', null, null],
    ]);
    expect(all.items[2]).toMatchObject({
      counterpart: CN,
      category: 'verification',
      case_id: CASE,
      at: '2031-05-01T01:00:00.000Z',
    });

    const problems = await messageLog(rm.db, {
      direction: 'outbound',
      statuses: ['rejected', 'unacknowledged'],
    });
    expect(problems.items.map((m) => m.message_id)).toEqual(['m3', 'm1']);
    expect((await messageLog(rm.db, { counterpart: LA })).items.map((m) => m.message_id)).toEqual(['m3']);
    expect(
      (await messageLog(rm.db, { since: '2031-05-01T04:30:00+00:00' })).items.map((m) => m.message_id),
    ).toEqual(['i1', 'm3']);
    const second = await messageLog(rm.db, { pageSize: 3, page: 2 });
    expect([second.total, second.items.map((m) => m.message_id)]).toEqual([4, ['m2']]);
  });
});
