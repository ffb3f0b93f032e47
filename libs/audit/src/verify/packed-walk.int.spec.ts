import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packedEnd, type EventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
// TODO(lead): import from '@xb/event-store' once its index exports the SQLite adapter.
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { canonicalEvent, HEAD_BYTES } from '../canonical';
import { AuditSealer } from '../sealer/audit-sealer';
import { appendCaseEvents, readSeals } from '../testing/fixtures';
import { openPgpSealKeys, type OpenPgpSealKeys } from '../testing/openpgp-seal-keys';
import { verifyAuditTrail } from './verify-audit-trail';

/**
 * The walk over packed pages (SQLite's readAllPacked) against the walk over StoredEvents: the bytes it
 * hashes are canonical(event) exactly, and both reach the same report, whatever the page size.
 */
const agencyId = 'VN.BGC.LAICHAU';
const dir = mkdtempSync(path.join(tmpdir(), 'xb-audit-packed-'));
let keys: OpenPgpSealKeys;
let store: SqliteEventStore;

beforeAll(async () => {
  keys = await openPgpSealKeys(agencyId);
  store = new SqliteEventStore({ file: path.join(dir, 'trail.db'), pollIntervalMs: 10 });
  await appendCaseEvents(store, 22);
  const metadata = {
    correlationId: 'c',
    actor: 'officer:1',
    occurredAt: '2026-12-01T00:00:00Z',
    schemaVersion: 1,
  };
  await store.appendToStream('verification-x', [
    { type: 'Noted', data: { note: 'Lào Cai, 老街' }, metadata },
  ]);
  const sealer = new AuditSealer(store, keys.signer, { agencyId, sealEveryEvents: 5, sealEveryMs: 60_000 });
  await sealer.start();
  await waitFor('4 seals', async () => (await readSeals(store)).length === 4);
  await sealer.stop();
  await appendCaseEvents(store, 3, 'after'); // with the 3 the seals left: an unsealed tail of 6
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same store seen through the port without readAllPacked: the walk reads StoredEvents. */
const withoutPacked = (): EventStore =>
  Object.assign(Object.create(store) as EventStore, { readAllPacked: undefined });

describe('verify over packed pages', () => {
  it('hashes exactly canonical(event) for every event', async () => {
    const events = await store.readAllStored();
    const { bytes, count } = (await store.readAllPacked({ maxCount: 1000, headroom: HEAD_BYTES }))!;
    expect(count).toBe(events.length);
    let at = 0;
    for (const event of events) {
      const end = packedEnd(bytes, at + HEAD_BYTES);
      expect(bytes.subarray(at + HEAD_BYTES, end).equals(canonicalEvent(event))).toBe(true);
      at = end;
    }
    expect(at).toBe(bytes.length);
  });

  it.each([undefined, 1, 4, 7])(
    'reports what the StoredEvent walk reports (page size %s)',
    async (pageSize) => {
      const options = { agencyId, contiguousPositions: true, ...(pageSize && { pageSize }) };
      const packed = await verifyAuditTrail(store, keys.verifier, options);
      const stored = await verifyAuditTrail(withoutPacked(), keys.verifier, options);
      const { durationMs: _a, eventsPerSecond: _b, ...same } = stored;
      expect(packed).toMatchObject({
        ...same,
        ok: true,
        sealsChecked: 4,
        eventsChecked: 30,
        unsealedEvents: 6,
      });
    },
  );
});

describe('verify over small packed pages', () => {
  // Last: it alters the shared file.
  it('finds one byte changed behind the store', async () => {
    const file = new Database(path.join(dir, 'trail.db'));
    file
      .prepare(
        `UPDATE events SET data = CAST(replace(CAST(data AS TEXT), '"n":0', '"n":9') AS BLOB) WHERE position = 1`,
      )
      .run();
    file.close();
    const report = await verifyAuditTrail(store, keys.verifier, { agencyId, pageSize: 2 });
    expect(report).toMatchObject({ ok: false, failures: [{ code: 'CHAIN_MISMATCH' }] });
  });
});
