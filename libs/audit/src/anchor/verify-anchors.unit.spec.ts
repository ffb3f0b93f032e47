import { createHash } from 'node:crypto';
import { AUDIT_SEALS_STREAM, buildSealEvent } from '../seal';
import { InMemoryEventStore } from '../testing/in-memory-store';
import { SEAL_ANCHOR_QUEUED } from './seal-anchor';
import { AnchorChecks, verifyAnchors } from './verify-anchors';

const SEAL_ID = '0193a7b2-0000-7000-8000-0000000000a1';
const MESSAGE_ID = '0193a7b2-0000-7000-8000-0000000000b1';
const CN = 'CN.YN.BORDERPOLICE';
const HEAD = 'ab'.repeat(32);
const ENVELOPE = Buffer.from('sealed anchor envelope');
const meta = {
  correlationId: 'c',
  actor: 'system:test',
  occurredAt: '2026-11-23T05:00:00Z',
  schemaVersion: 1,
};
const signer = { fingerprint: 'f', sign: async () => 'signature' };

async function storeWith({ receipted = true, anchorHead = HEAD } = {}) {
  const store = new InMemoryEventStore();
  const seal = await buildSealEvent(
    { agencyId: 'VN.BGC.LAICHAU', position: 7n, chainHead: Buffer.from(HEAD, 'hex'), count: 7 },
    signer,
    meta.occurredAt,
  );
  await store.appendToStream(AUDIT_SEALS_STREAM, [{ ...seal, id: SEAL_ID, metadata: meta }]);
  await store.appendToStream(`anchor-${SEAL_ID}`, [
    {
      type: SEAL_ANCHOR_QUEUED,
      data: {
        sealId: SEAL_ID,
        agencyId: 'VN.BGC.LAICHAU',
        position: '7',
        count: 7,
        chainHead: anchorHead,
        sealedAt: meta.occurredAt,
        outbound: { messageId: MESSAGE_ID, counterpart: CN, kind: 'AuditSealHead' },
      },
      metadata: meta,
    },
  ]);
  await store.appendToStream(`exchange-${MESSAGE_ID}`, [
    { type: 'OutboundMessageDispatched', data: { envelope: ENVELOPE.toString('base64') }, metadata: meta },
    ...(receipted
      ? [
          {
            type: 'OutboundMessageReceipted',
            data: { status: 'accepted', signedReceipt: Buffer.from('receipt').toString('base64') },
            metadata: meta,
          },
        ]
      : []),
  ]);
  return store;
}

const sha = createHash('sha256').update(ENVELOPE).digest('hex');
const checks = (
  over: Partial<{ receiver: string; envelopeSha256: string; ok: boolean; head: string }> = {},
): AnchorChecks => ({
  checkReceipt: async () =>
    over.ok === false
      ? { ok: false, reason: 'BAD_SIGNATURE' }
      : {
          ok: true,
          receiver: over.receiver ?? CN,
          status: 'accepted',
          envelopeSha256: over.envelopeSha256 ?? sha,
          receivedAt: meta.occurredAt,
        },
  readSentHead: async () => ({ chainHead: over.head ?? HEAD, position: '7', signerFingerprint: 'AB12' }),
});

describe('verifyAnchors', () => {
  it('counts a seal head acknowledged by a valid receipt over exactly what was sent', async () => {
    expect(await verifyAnchors(await storeWith(), checks())).toEqual({
      ok: true,
      anchored: 1,
      unread: 0,
      pending: 0,
      confirmedSigners: ['ab12'],
      failures: [],
    });
  });

  it('never takes the head recorded beside the envelope on trust: without reading it, nothing is acknowledged', async () => {
    const { readSentHead: _unused, ...receiptOnly } = checks();
    const forged = await verifyAnchors(await storeWith({ anchorHead: 'cd'.repeat(32) }), receiptOnly);
    expect(forged).toMatchObject({ anchored: 0, unread: 0, failures: [{ code: 'ANCHOR_HEAD_MISMATCH' }] });
    const honest = await verifyAnchors(await storeWith(), receiptOnly);
    expect(honest).toMatchObject({ ok: true, anchored: 0, unread: 1, confirmedSigners: [] });
  });

  it('counts a head without a receipt yet as pending, not as a failure', async () => {
    expect(await verifyAnchors(await storeWith({ receipted: false }), checks())).toEqual({
      ok: true,
      anchored: 0,
      unread: 0,
      pending: 1,
      confirmedSigners: [],
      failures: [],
    });
  });

  it.each([
    ['the receipt does not verify', {}, { ok: false }, 'ANCHOR_RECEIPT_INVALID'],
    ['the receipt is signed by another agency', {}, { receiver: 'LA.MOS' }, 'ANCHOR_RECEIPT_INVALID'],
    [
      'the counterpart acknowledged another envelope',
      {},
      { envelopeSha256: '00'.repeat(32) },
      'ANCHOR_ENVELOPE_MISMATCH',
    ],
    [
      'the envelope carries another head than the seal',
      {},
      { head: 'cd'.repeat(32) },
      'ANCHOR_HEAD_MISMATCH',
    ],
    [
      'the anchor names another head than the seal',
      { anchorHead: 'cd'.repeat(32) },
      {},
      'ANCHOR_HEAD_MISMATCH',
    ],
  ])('fails when %s', async (_name, stored, over, code) => {
    const report = await verifyAnchors(await storeWith(stored), checks(over));
    expect(report).toMatchObject({
      ok: false,
      anchored: 0,
      failures: [{ sealId: SEAL_ID, counterpart: CN, code }],
    });
  });
});
