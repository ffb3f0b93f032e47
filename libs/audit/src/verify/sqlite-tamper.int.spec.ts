import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@xb/testing';
// TODO(lead): import from '@xb/event-store' once its index exports the SQLite adapter.
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { toHex } from '../canonical';
import { AuditSealer } from '../sealer/audit-sealer';
import { appendCaseEvents, readSeals, referenceChain } from '../testing/fixtures';
import { openPgpSealKeys, type OpenPgpSealKeys } from '../testing/openpgp-seal-keys';
import { verifyAuditTrail, type VerifyOptions } from './verify-audit-trail';

/**
 * The real SQLite adapter, altered behind its back through a second connection to the same file: what an
 * insider with access to the file (or a backup restored over it) could do.
 */
const agencyId = 'VN.BGC.LAICHAU';
const dir = mkdtempSync(path.join(tmpdir(), 'xb-audit-'));
let keys: OpenPgpSealKeys;
let file: string;
let store: SqliteEventStore;
let behindTheBack: Database.Database;

beforeAll(async () => {
  keys = await openPgpSealKeys(agencyId);
});
beforeEach(async () => {
  file = path.join(dir, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.db`);
  store = new SqliteEventStore({ file, pollIntervalMs: 10 });
  await appendCaseEvents(store, 20);
  await seal(store, 4);
  behindTheBack = new Database(file);
});
afterEach(async () => {
  behindTheBack.close();
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a sealer (every 5 events) until `seals` seals exist, then stops it. */
async function seal(on: SqliteEventStore, seals: number): Promise<AuditSealer> {
  const sealer = new AuditSealer(on, keys.signer, { agencyId, sealEveryEvents: 5, sealEveryMs: 60_000 });
  await sealer.start();
  await waitFor(`${seals} seals`, async () => (await readSeals(on)).length === seals);
  await sealer.stop();
  return sealer;
}

const verify = (options: VerifyOptions = {}) =>
  verifyAuditTrail(store, keys.verifier, { agencyId, ...options });

describe('verify over the SQLite event store', () => {
  it('passes the untouched file', async () => {
    const report = await verify({ contiguousPositions: true }); // the adapter's positions have no gaps
    expect(report).toMatchObject({ ok: true, eventsChecked: 24, sealsChecked: 4 });
  });

  it('finds one byte changed in one event by UPDATE', async () => {
    const { data } = behindTheBack.prepare('SELECT data FROM events WHERE position = 7').get() as {
      data: Buffer;
    };
    const altered = Buffer.from(data);
    altered[altered.indexOf('"e6"') + 2] = '7'.charCodeAt(0);
    behindTheBack.prepare('UPDATE events SET data = ? WHERE position = 7').run(altered);

    const [failure] = (await verify()).failures;
    expect(failure).toMatchObject({ code: 'CHAIN_MISMATCH', position: 22n, range: { after: 5n, upTo: 10n } });
  });

  it('finds an event removed by DELETE', async () => {
    behindTheBack.prepare('DELETE FROM events WHERE position = 13').run();
    const [failure] = (await verify()).failures;
    expect(failure).toMatchObject({
      code: 'CHAIN_MISMATCH',
      position: 23n,
      range: { after: 10n, upTo: 15n },
    });
  });

  it('finds a seal whose head was rewritten', async () => {
    const row = behindTheBack.prepare('SELECT data FROM events WHERE position = 24').get() as {
      data: Buffer;
    };
    const data = JSON.parse(row.data.toString());
    const rewritten = Buffer.from(JSON.stringify({ ...data, chainHead: '00'.repeat(32) }));
    behindTheBack.prepare('UPDATE events SET data = ? WHERE position = 24').run(rewritten);
    const [failure] = (await verify()).failures;
    expect(failure).toMatchObject({ code: 'SEAL_SIGNATURE_INVALID', position: 24n });
  });

  it('lets a sealer restarted on a reopened file carry on the same chain', async () => {
    await store.close();
    store = new SqliteEventStore({ file, pollIntervalMs: 10 });
    await appendCaseEvents(store, 7, 'later');
    await seal(store, 5); // resumes from the seal at 24 (covering 20): 7 new events, one seal at 5 of them

    const reference = await referenceChain(store);
    for (const s of await readSeals(store))
      expect(toHex(s.chainHead)).toBe(toHex(reference.get(s.position)!.head));
    expect((await verify()).ok).toBe(true);
  });
});
