import { Agency, CN, LA, makeAgency, newId, storeOf, trusted, VN } from './__fixtures__/agencies';
import { signBytes, verifyBytes } from './detached';
import { readInboxRecord } from './inbox-record';
import { openReceipt, ReceiptFields, signReceipt } from './receipt';
import { TrustStore } from './trust-store';
import { SCHEMA_VERSION, v1 } from './wire';

let vn: Agency; // sent the envelope, receives the receipt
let cn: Agency; // received the envelope, signs the receipt
let mallory: Agency;
let store: TrustStore;

beforeAll(async () => {
  [vn, cn, mallory] = await Promise.all([makeAgency(VN), makeAgency(CN), makeAgency(LA)]);
  store = storeOf(trusted(vn), trusted(cn));
});

const fields = (extra: Partial<ReceiptFields> = {}): ReceiptFields => ({
  receiptId: newId(),
  messageId: newId(),
  correlationId: newId(),
  receiverAgencyId: CN,
  senderAgencyId: VN,
  status: 'REJECTED',
  reason: 'INVALID_PAYLOAD',
  envelopeSha256: 'ab'.repeat(32),
  receivedAt: new Date('2026-11-23T04:00:00.123Z'),
  ...extra,
});

describe('signed receipts', () => {
  it('round-trips every field and names the signer', async () => {
    const sent = fields({ status: 'REJECTED', reason: 'DOMAIN_REFUSED', domainCode: 'INVALID_TRANSITION' });
    const opened = await openReceipt(await signReceipt(sent, cn.privateKey), {
      ownAgencyId: VN,
      trustStore: store,
    });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.receipt).toEqual({ ...sent, schemaVersion: SCHEMA_VERSION });
    expect(opened.signerFingerprint).toBe(cn.generated.fingerprint);
  });

  it('is an InboxRecord of kind receipt, told apart from envelopes before any crypto', async () => {
    const bytes = await signReceipt(fields({ status: 'ACCEPTED', reason: undefined }), cn.privateKey);
    expect(readInboxRecord(bytes).kind).toBe('receipt');
  });

  it('refuses a receipt whose bytes were altered after signing as BAD_SIGNATURE', async () => {
    const record = v1.InboxRecord.decode(await signReceipt(fields(), cn.privateKey));
    const receipt = v1.Receipt.decode(record.receipt!.receipt!);
    receipt.status = v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED;
    receipt.reason = 0;
    record.receipt!.receipt = v1.Receipt.encode(receipt).finish();
    const opened = await openReceipt(v1.InboxRecord.encode(record).finish(), {
      ownAgencyId: VN,
      trustStore: store,
    });
    expect(opened).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it.each([
    [
      'signed by a key the receiver agency does not hold',
      () => signReceipt(fields(), mallory.privateKey),
      'BAD_SIGNATURE',
    ],
    [
      'addressed to another agency',
      () => signReceipt(fields({ senderAgencyId: 'VN.MPS.C02' }), cn.privateKey),
      'NOT_FOR_US',
    ],
    [
      'from an agency not in the trust store',
      () => signReceipt(fields({ receiverAgencyId: LA }), mallory.privateKey),
      'UNKNOWN_SENDER',
    ],
    ['not a receipt', () => Promise.resolve(new Uint8Array([1, 2, 3])), 'MALFORMED'],
  ])('refuses a receipt %s', async (_name, make, reason) => {
    expect(await openReceipt(await make(), { ownAgencyId: VN, trustStore: store })).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('will not sign a rejection without a reason', async () => {
    await expect(signReceipt(fields({ reason: undefined }), cn.privateKey)).rejects.toThrow(/reason/);
  });
});

describe('signBytes / verifyBytes', () => {
  const data = new TextEncoder().encode('seal 42: chain head 9f...');

  it('verifies a detached signature with the signer key, and names it', async () => {
    const signature = await signBytes(data, vn.privateKey);
    expect(await verifyBytes(data, signature, [cn.publicKey, vn.publicKey])).toEqual({
      ok: true,
      signerFingerprint: vn.generated.fingerprint,
    });
  });

  it.each([
    [
      'other data',
      async () => [new TextEncoder().encode('seal 43'), await signBytes(data, vn.privateKey)] as const,
    ],
    ['another key', async () => [data, await signBytes(data, mallory.privateKey)] as const],
    ['garbage', async () => [data, new Uint8Array([9, 9, 9])] as const],
  ])('refuses a signature over %s', async (_name, make) => {
    const [bytes, signature] = await make();
    expect((await verifyBytes(bytes, signature, [vn.publicKey])).ok).toBe(false);
  });
});
