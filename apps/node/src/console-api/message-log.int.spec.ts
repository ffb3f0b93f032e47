import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditStream } from '@xb/audit';
import { SqliteEventStore } from '@xb/event-store';
import { migrateReadModels, openReadModelDb, ReadModelConnection } from '@xb/read-models';
import { exchangeLog, messagesNeedingAction, REFUSED_DAYS } from './message-log';

const NOW = new Date('2031-05-10T12:00:00.000Z');
const DAY = 24 * 3600_000;

/** The console's message views over a store whose days mostly hold no refusal (most days hold none). */
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

  it('lists the envelopes refused within the last days, and nothing when none was', async () => {
    expect(await messagesNeedingAction(rm.db, store, NOW)).toEqual([]);
    await refuse(new Date(NOW.getTime() - 2 * DAY), 'CN.YN.BORDERPOLICE');
    await refuse(new Date(NOW.getTime() - (REFUSED_DAYS + 1) * DAY), 'CN.YN.BORDERPOLICE');
    await refuse(new Date(NOW.getTime() - DAY), 'LA.PHONGSALY.POLICE');
    const mine = await messagesNeedingAction(rm.db, store, NOW);
    expect(mine.map((m) => [m.kind, m.counterpart, m.reason])).toEqual([
      ['refused_inbound', 'LA.PHONGSALY.POLICE', 'BAD_SIGNATURE'],
      ['refused_inbound', 'CN.YN.BORDERPOLICE', 'BAD_SIGNATURE'],
    ]);
    const log = await exchangeLog(rm.db, store, NOW, { counterpart: 'CN.YN.BORDERPOLICE' });
    expect([log.total, log.refused.length]).toEqual([0, 1]);
  });
});
