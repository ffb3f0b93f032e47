import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditStream } from '@xb/audit';
import { SqliteEventStore } from '@xb/event-store';
import {
  ALL_PROJECTIONS,
  migrateReadModels,
  openReadModelDb,
  Projector,
  ReadModelConnection,
} from '@xb/read-models';
import { exchangeLog, messagesNeedingAction, REFUSED_DAYS } from './message-log';

const NOW = new Date('2031-05-10T12:00:00.000Z');
const DAY = 24 * 3600_000;

/** The console's message views: refused envelopes come from the `messages` read model, as projected. */
describe('message log', () => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: ReadModelConnection;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-message-log-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    rm = await openReadModelDb({ sqliteFile: path.join(dir, 'read-models.sqlite') });
    await migrateReadModels(rm.db);
  });
  afterEach(async () => {
    await store.close();
    await rm.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const refuse = (at: Date, sender: string) =>
    store.appendToStream(auditStream('refused', at.toISOString()), [
      {
        type: 'AuditEnvelopeRefused',
        data: { sha256: 'ab'.repeat(32), reason: 'BAD_SIGNATURE', sender, receivedAt: at.toISOString() },
        metadata: { correlationId: 'x', actor: 'gateway', occurredAt: at.toISOString(), schemaVersion: 1 },
      },
    ]);

  const project = () => new Projector({ store, db: rm.db, projections: ALL_PROJECTIONS }).catchUp();

  it('lists the envelopes refused within the last days, and nothing when none was', async () => {
    expect(await messagesNeedingAction(rm.db, NOW)).toEqual([]);
    await refuse(new Date(NOW.getTime() - 2 * DAY), 'CN.YN.BORDERPOLICE');
    await refuse(new Date(NOW.getTime() - (REFUSED_DAYS + 1) * DAY), 'CN.YN.BORDERPOLICE');
    await refuse(new Date(NOW.getTime() - DAY), 'LA.PHONGSALY.POLICE');
    await project();
    const mine = await messagesNeedingAction(rm.db, NOW);
    expect(mine.map((m) => [m.kind, m.counterpart, m.reason])).toEqual([
      ['refused_inbound', 'LA.PHONGSALY.POLICE', 'BAD_SIGNATURE'],
      ['refused_inbound', 'CN.YN.BORDERPOLICE', 'BAD_SIGNATURE'],
    ]);
    const log = await exchangeLog(rm.db, NOW, { counterpart: 'CN.YN.BORDERPOLICE' });
    expect([log.total, log.refused.length]).toEqual([0, 1]);
  });

  it('keeps each refusal as a row of its own, whatever message id its header claimed', async () => {
    const at = new Date(NOW.getTime() - 3600_000).toISOString();
    // The same claimed id twice (a replay) and once more on an envelope whose header did not parse.
    for (const messageId of ['m-1', 'm-1', undefined])
      await store.appendToStream(auditStream('refused', at), [
        {
          type: 'AuditEnvelopeRefused',
          data: {
            sha256: 'cd'.repeat(32),
            reason: messageId ? 'DUPLICATE' : 'MALFORMED',
            ...(messageId ? { messageId, sender: 'CN.YN.BORDERPOLICE' } : {}),
            source: 'kafka:xb.v1.inbox.vn/0@1',
            receivedAt: at,
          },
          metadata: { correlationId: 'x', actor: 'gateway', occurredAt: at, schemaVersion: 1 },
        },
      ]);
    await project();
    const mine = await messagesNeedingAction(rm.db, NOW);
    expect(mine.map((m) => [m.kind, m.messageId, m.counterpart, m.reason]).sort()).toEqual([
      ['refused_inbound', undefined, undefined, 'MALFORMED'],
      ['refused_inbound', 'm-1', 'CN.YN.BORDERPOLICE', 'DUPLICATE'],
      ['refused_inbound', 'm-1', 'CN.YN.BORDERPOLICE', 'DUPLICATE'],
    ]);
    // Not messages of the exchange itself: the log's pages hold none of them.
    expect((await exchangeLog(rm.db, NOW, {})).total).toBe(0);
  });
});
