import { waitFor } from '@xb/testing';
import { toHex } from '../canonical';
import { AuditSealer } from '../sealer/audit-sealer';
import { buildSealEvent, AUDIT_SEALS_STREAM } from '../seal';
import { appendCaseEvents, readSeals, referenceChain } from '../testing/fixtures';
import { InMemoryEventStore } from '../testing/in-memory-store';
import { openPgpSealSigner } from '../openpgp-seals';
import { openPgpSealKeys, type OpenPgpSealKeys } from '../testing/openpgp-seal-keys';
import type { VerifyProgress } from './progress';
import { verifyAuditTrail } from './verify-audit-trail';

const agencyId = 'VN.BGC.LAICHAU';
let keys: OpenPgpSealKeys;
let attacker: OpenPgpSealKeys;
beforeAll(async () => {
  [keys, attacker] = await Promise.all([openPgpSealKeys(agencyId), openPgpSealKeys(agencyId)]);
});

/**
 * Positions: case events 1-40; seals 41-48 covering 5, 10, ... 40 (a sealer catching up, its seals long
 * after what they cover); events 49-53, seal 54 (covers 53); events 55-59, seal 60 (covers 59); then an
 * unsealed tail of events 61-63.
 */
async function sealedStore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await appendCaseEvents(store, 40, 'a');
  const sealer = new AuditSealer(store, keys.signer, { agencyId, sealEveryEvents: 5, sealEveryMs: 60_000 });
  await sealer.start();
  await waitFor('eight seals', async () => (await readSeals(store)).length === 8);
  await appendCaseEvents(store, 5, 'b');
  await waitFor('nine seals', async () => (await readSeals(store)).length === 9);
  await appendCaseEvents(store, 5, 'c');
  await waitFor('ten seals', async () => (await readSeals(store)).length === 10);
  await sealer.stop();
  await appendCaseEvents(store, 3, 'd');
  return store;
}

const verify = (store: InMemoryEventStore, options = {}) =>
  verifyAuditTrail(store, keys.verifier, { agencyId, pageSize: 7, ...options });

const inRange = (range: { after: bigint | undefined; upTo: bigint } | undefined, position: bigint) =>
  range !== undefined && (range.after ?? 0n) < position && position <= range.upTo;

function rewriteData(
  store: InMemoryEventStore,
  position: bigint,
  change: (data: Record<string, unknown>) => object,
) {
  store.tamper.update(position, (row) => {
    row.dataBytes = Buffer.from(JSON.stringify(change(JSON.parse(Buffer.from(row.dataBytes).toString()))));
  });
}

describe('verifyAuditTrail', () => {
  it('passes an untouched store and recomputes the chain the sealer signed', async () => {
    const store = await sealedStore();
    const report = await verify(store);
    const reference = await referenceChain(store);

    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.eventsChecked).toBe(reference.size);
    expect(report.sealsChecked).toBe(10);
    expect(report.chainHead).toBe(toHex(reference.get(report.endPosition!)!.head));
    expect(report.lastSeal?.position).toBe((await readSeals(store)).at(-1)!.position);
  });

  it('passes an empty store', async () => {
    expect(await verify(new InMemoryEventStore())).toMatchObject({
      ok: true,
      eventsChecked: 0,
      endPosition: undefined,
    });
  });

  it('names the range holding an event whose data changed by one byte', async () => {
    const store = await sealedStore();
    store.tamper.update(17n, (row) => {
      row.dataBytes = Buffer.from(Buffer.from(row.dataBytes).toString().replace('"a16"', '"a61"'));
    });
    const [failure] = (await verify(store)).failures;

    expect(failure.code).toBe('CHAIN_MISMATCH');
    expect(failure.range).toEqual({ after: 15n, upTo: 20n });
    expect(failure.message).toContain(
      'after position 15 up to position 20 were altered, removed or reordered',
    );
  });

  it('names the range of a deleted event, and the gap itself when positions are contiguous', async () => {
    const store = await sealedStore();
    store.tamper.delete(23n);

    const [mismatch] = (await verify(store)).failures;
    expect(mismatch).toMatchObject({ code: 'CHAIN_MISMATCH', range: { after: 20n, upTo: 25n } });
    const [gap] = (await verify(store, { contiguousPositions: true })).failures;
    expect(gap).toMatchObject({ code: 'POSITION_GAP', position: 24n, range: { after: 22n, upTo: 23n } });
  });

  it('reports a deleted event that a seal covers exactly as missing', async () => {
    const store = await sealedStore();
    store.tamper.delete(30n);
    const [failure] = (await verify(store)).failures;
    expect(failure).toMatchObject({
      code: 'CHAIN_MISMATCH',
      actual: 'no event',
      range: { after: 25n, upTo: 30n },
    });
  });

  it('detects two events swapped in the global order', async () => {
    const store = await sealedStore();
    store.tamper.swapPositions(6n, 8n);
    const [failure] = (await verify(store)).failures;
    expect(failure.code).toBe('CHAIN_MISMATCH');
    expect(inRange(failure.range, 6n) && inRange(failure.range, 8n)).toBe(true);
  });

  it('detects a removed seal at the next seal, whose range covers it', async () => {
    const store = await sealedStore();
    const seals = await readSeals(store);
    expect(seals[8].sealPosition).toBe(54n);
    store.tamper.delete(54n);
    const [failure] = (await verify(store)).failures;
    expect(failure).toMatchObject({
      code: 'CHAIN_MISMATCH',
      position: 60n,
      range: { after: 40n, upTo: 59n },
    }); // 40: the last seal left
  });

  it('refuses a seal whose signature was replaced by garbage', async () => {
    const store = await sealedStore();
    const seal = (await readSeals(store))[2];
    rewriteData(store, seal.sealPosition, (data) => ({ ...data, signature: 'not a signature' }));
    const [failure] = (await verify(store)).failures;
    expect(failure).toMatchObject({ code: 'SEAL_SIGNATURE_INVALID', position: seal.sealPosition });
  });

  it('refuses a seal whose head was altered after signing', async () => {
    const store = await sealedStore();
    const seal = (await readSeals(store))[3];
    rewriteData(store, seal.sealPosition, (data) => ({ ...data, chainHead: 'ab'.repeat(32) }));
    const [failure] = (await verify(store)).failures;
    expect(failure).toMatchObject({ code: 'SEAL_SIGNATURE_INVALID', position: seal.sealPosition });
  });

  it('refuses a seal signed by a key the verifier does not trust', async () => {
    const store = await sealedStore();
    const reference = await referenceChain(store);
    const claim = {
      agencyId,
      position: 50n,
      chainHead: reference.get(50n)!.head,
      count: reference.get(50n)!.count,
    };
    const forged = await buildSealEvent(claim, attacker.signer, '2026-11-23T05:00:00Z');
    const { position } = await store.appendToStream(AUDIT_SEALS_STREAM, [forged]);
    const [failure] = (await verify(store)).failures;
    expect(failure).toMatchObject({ code: 'SEAL_SIGNATURE_INVALID', position });
  });

  it('finds a validly signed seal whose head does not match the events', async () => {
    const store = await sealedStore();
    const claim = { agencyId, position: 50n, chainHead: Buffer.alloc(32, 7), count: 60 };
    const wrong = await buildSealEvent(claim, openPgpSealSigner(keys.privateKey), '2026-11-23T05:00:00Z');
    const { position } = await store.appendToStream(AUDIT_SEALS_STREAM, [wrong]);
    const [failure] = (await verify(store)).failures;
    expect(failure).toMatchObject({
      code: 'CHAIN_MISMATCH',
      position,
      expected: `head ${'07'.repeat(32)}, count 60`,
    });
  });

  it('refuses seals of another agency when one is expected', async () => {
    const store = await sealedStore();
    const [failure] = (await verify(store, { agencyId: 'CN.MPS' })).failures;
    expect(failure).toMatchObject({
      code: 'SEAL_AGENCY_MISMATCH',
      position: (await readSeals(store))[0].sealPosition,
    });
  });

  it("holds every seal to the first seal's agency when none is given, and to its key's agency", async () => {
    const store = await sealedStore();
    const reference = await referenceChain(store);
    const claim = {
      agencyId: 'CN.MPS',
      position: 50n,
      chainHead: reference.get(50n)!.head,
      count: reference.get(50n)!.count,
    };
    const theirs = await buildSealEvent(claim, keys.signer, '2026-11-23T05:00:00Z');
    const { position } = await store.appendToStream(AUDIT_SEALS_STREAM, [theirs]);
    const report = await verify(store, { agencyId: undefined });
    expect(report.agencyId).toBe(agencyId);
    expect(report.failures).toMatchObject([{ code: 'SEAL_AGENCY_MISMATCH', position, actual: 'CN.MPS' }]);

    const boundElsewhere = await verify(await sealedStore(), { signerAgencies: () => ['CN.MPS'] });
    expect(boundElsewhere.failures).toMatchObject([{ code: 'SEAL_SIGNER_OTHER_AGENCY', actual: 'CN.MPS' }]);
    const bound = await verify(await sealedStore(), { signerAgencies: () => [agencyId] });
    expect(bound).toMatchObject({ ok: true, signers: [keys.signer.fingerprint.toLowerCase()] });
  });

  it('runs the per-event check on every event and reports each refusal up to maxFailures', async () => {
    const store = await sealedStore();
    const checked: bigint[] = [];
    const checkEvent = (event: { position: bigint }) => {
      checked.push(event.position);
      return event.position % 20n === 0n ? 'envelope signature invalid' : undefined;
    };
    const report = await verify(store, { checkEvent, maxFailures: 10 });

    expect(checked).toHaveLength(report.eventsChecked);
    expect(report.failures.map((f) => [f.code, f.position])).toEqual(
      [20n, 40n, 60n].map((position) => ['EVENT_CHECK_FAILED', position]),
    );
  });

  it('reports progress once per page, ending with nothing left', async () => {
    const store = await sealedStore();
    const progress: VerifyProgress[] = [];
    const report = await verify(store, { pageSize: 25, onProgress: (p: VerifyProgress) => progress.push(p) });

    expect(progress.map((p) => p.eventsDone)).toEqual([25, 50, report.eventsChecked]);
    expect(progress.at(-1)).toMatchObject({ position: report.endPosition, secondsLeft: 0 });
    expect(progress.every((p) => p.eventsPerSecond > 0)).toBe(true);
  });

  it('proves nothing about events after the last seal, and says how many there are', async () => {
    const store = await sealedStore();
    rewriteData(store, (await store.readAll({ direction: 'backwards', maxCount: 1 }))[0].position, () => ({
      x: 1,
    }));
    const report = await verify(store);
    expect(report.ok).toBe(true);
    expect(report.unsealedEvents).toBe(3); // events 61-63; seal 60 is signed itself
  });
});
