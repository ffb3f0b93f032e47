import { waitFor } from '@xb/testing';
import { toHex } from '../canonical';
import { appendCaseEvents, readSeals, referenceChain } from '../testing/fixtures';
import { InMemoryEventStore } from '../testing/in-memory-store';
import { openPgpSealKeys, type OpenPgpSealKeys } from '../testing/openpgp-seal-keys';
import { verifyAuditTrail } from '../verify/verify-audit-trail';
import { AUDIT_SEALS_STREAM } from '../seal';
import { AuditSealer, type AuditSealerOptions } from './audit-sealer';

const agencyId = 'VN.BGC.LAICHAU';
let keys: OpenPgpSealKeys;
beforeAll(async () => {
  keys = await openPgpSealKeys(agencyId);
});

const running: AuditSealer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sealer) => sealer.stop()));
});

async function startSealer(store: InMemoryEventStore, options: Partial<AuditSealerOptions> = {}) {
  const sealer = new AuditSealer(store, keys.signer, { agencyId, sealEveryMs: 60_000, ...options });
  running.push(sealer);
  await sealer.start();
  return sealer;
}

const caughtUpTo = (sealer: AuditSealer, position: bigint) => () => sealer.progress.position === position;
const caughtUpWithStore = (sealer: AuditSealer, store: InMemoryEventStore) => async () =>
  sealer.progress.position === (await store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.position;

/** Every seal's head and count equal the chain folded from scratch over the store. */
async function expectSealsMatchReferenceChain(store: InMemoryEventStore): Promise<void> {
  const reference = await referenceChain(store);
  const seals = await readSeals(store);
  expect(seals.length).toBeGreaterThan(0);
  for (const seal of seals) {
    expect({ position: seal.position, head: toHex(seal.chainHead), count: seal.count }).toEqual({
      position: seal.position,
      head: toHex(reference.get(seal.position)!.head),
      count: reference.get(seal.position)!.count,
    });
  }
}

describe('AuditSealer', () => {
  it('seals every N events other than seals, each seal covering the earlier ones', async () => {
    const store = new InMemoryEventStore();
    const sealer = await startSealer(store, { sealEveryEvents: 5 });
    await appendCaseEvents(store, 5, 'a');
    await waitFor('the first seal', async () => (await readSeals(store)).length === 1);
    await appendCaseEvents(store, 7, 'b');
    await waitFor('the second seal', async () => (await readSeals(store)).length === 2);
    await waitFor('the sealer to reach the end', caughtUpWithStore(sealer, store));

    const seals = await readSeals(store);
    expect(seals.map((s) => [s.position, s.sealPosition, s.count])).toEqual([
      [5n, 6n, 5],
      [11n, 14n, 11], // covers ten events and the first seal
    ]);
    expect(sealer.progress.pending).toBe(2);
    await expectSealsMatchReferenceChain(store);
  });

  it('seals every T milliseconds when something new arrived, and not when only its own seal did', async () => {
    const store = new InMemoryEventStore();
    const sealer = await startSealer(store, { sealEveryEvents: 1000, sealEveryMs: 30 });
    const last = await appendCaseEvents(store, 3);
    await waitFor('a timed seal', async () => (await readSeals(store)).at(-1)?.position === last);
    await waitFor('the sealer to chain its own seal', () => sealer.progress.count === 4);

    expect(sealer.progress.pending).toBe(0);
    expect(await sealer.sealNow()).toBeUndefined();
    expect(await readSeals(store)).toHaveLength(1);
  });

  it('keeps a verifiable chain while writers append concurrently and both triggers fire', async () => {
    const store = new InMemoryEventStore(1);
    const sealer = await startSealer(store, { sealEveryEvents: 7, sealEveryMs: 5 });
    await Promise.all(['a', 'b', 'c', 'd'].map((writer) => appendCaseEvents(store, 50, writer)));
    await waitFor('the sealer to pass every event', () => sealer.progress.count >= 200);
    await sealer.sealNow();
    await waitFor('the sealer to catch up', caughtUpWithStore(sealer, store));

    await expectSealsMatchReferenceChain(store);
    const claims = (await readSeals(store)).map((s) => s.position);
    expect(claims).toEqual([...claims].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(claims).size).toBe(claims.length);
    expect((await verifyAuditTrail(store, keys.verifier, { agencyId })).ok).toBe(true);
  });

  it('resumes after being killed between events with the same chain', async () => {
    const store = new InMemoryEventStore();
    const first = await startSealer(store, { sealEveryEvents: 4 });
    await appendCaseEvents(store, 10, 'a');
    await waitFor('two seals', async () => (await readSeals(store)).length === 2);
    await waitFor('the first sealer to reach the end', caughtUpTo(first, 12n));
    await first.stop(); // two unsealed events are left behind, as after a crash
    expect(first.progress.pending).toBe(2);

    const last = await appendCaseEvents(store, 9, 'b');
    const second = await startSealer(store, { sealEveryEvents: 4 });
    await waitFor('the second sealer to pass the last event', () => (second.progress.position ?? 0n) >= last);
    await second.sealNow();
    await waitFor('the final seal to be chained', caughtUpWithStore(second, store));

    await expectSealsMatchReferenceChain(store);
    const reference = await referenceChain(store);
    expect(second.progress.chainHead).toBe(toHex(reference.get(second.progress.position!)!.head));
    expect((await readSeals(store)).at(-1)!.count).toBe(reference.get(second.progress.position!)!.count - 1);
    expect((await verifyAuditTrail(store, keys.verifier, { agencyId })).ok).toBe(true);
  });

  it('stops with the error when a seal cannot be appended, and a new sealer carries on', async () => {
    const store = new InMemoryEventStore();
    const lost = new Error('store connection lost');
    store.failNextAppend = { stream: AUDIT_SEALS_STREAM, error: lost };
    const first = await startSealer(store, { sealEveryEvents: 3 });
    await appendCaseEvents(store, 3);
    await expect(first.done).rejects.toBe(lost);

    const second = await startSealer(store, { sealEveryEvents: 3 });
    await waitFor('a seal', async () => (await readSeals(store)).length === 1);
    await waitFor('the second sealer to chain it', caughtUpTo(second, 4n));
    await expectSealsMatchReferenceChain(store);
  });

  it('stops with the error when a timed seal cannot be appended', async () => {
    const store = new InMemoryEventStore();
    const lost = new Error('store connection lost');
    store.failNextAppend = { stream: AUDIT_SEALS_STREAM, error: lost };
    const sealer = await startSealer(store, { sealEveryEvents: 1000, sealEveryMs: 20 });
    await appendCaseEvents(store, 2);
    await expect(sealer.done).rejects.toBe(lost);
    expect(await readSeals(store)).toEqual([]);
  });

  it('refuses to resume from a last seal whose signature does not verify', async () => {
    const store = new InMemoryEventStore();
    const sealer = await startSealer(store, { sealEveryEvents: 2 });
    await appendCaseEvents(store, 2);
    await waitFor('a seal', async () => (await readSeals(store)).length === 1);
    await sealer.stop();
    store.tamper.update(3n, (row) => {
      const data = JSON.parse(Buffer.from(row.dataBytes).toString());
      row.dataBytes = Buffer.from(JSON.stringify({ ...data, chainHead: '00'.repeat(32) }));
    });

    const next = new AuditSealer(store, keys.signer, { agencyId, verifier: keys.verifier });
    await expect(next.start()).rejects.toMatchObject({ code: 'LAST_SEAL_SIGNATURE_INVALID' });
    const other = new AuditSealer(store, keys.signer, { agencyId: 'LA.MOS' });
    await expect(other.start()).rejects.toMatchObject({ code: 'LAST_SEAL_OTHER_AGENCY' });
  });
});
