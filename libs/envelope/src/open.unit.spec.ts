import {
  Agency,
  CN,
  headerFrom,
  LA,
  makeAgency,
  storeOf,
  trusted,
  verificationRequest,
  VICTIM_NAME,
  VN,
} from './__fixtures__/agencies';
import { HeaderInput, toWireHeader } from './header';
import { EnvelopeRefusal, openEnvelope, OpenOptions } from './open';
import { sealContent, sealEnvelope } from './seal';
import { TrustStore } from './trust-store';
import { encodePayload, v1 } from './wire';

let vn: Agency; // sender
let cn: Agency; // recipient
let mallory: Agency; // knows the format, not VN's key
let store: TrustStore;

beforeAll(async () => {
  [vn, cn, mallory] = await Promise.all([makeAgency(VN), makeAgency(CN), makeAgency(LA)]);
  store = storeOf(trusted(vn), trusted(cn));
});

const asCn = (extra: Partial<OpenOptions> = {}): OpenOptions => ({
  ownAgencyId: CN,
  ownPrivateKey: cn.privateKey,
  trustStore: store,
  ...extra,
});

const seal = (header: HeaderInput = headerFrom(vn, cn), signer = vn) =>
  sealEnvelope({
    header,
    payloadType: 'xborder.v1.VerificationRequest',
    payload: verificationRequest(),
    senderKey: signer.privateKey,
    recipientKeys: [cn.publicKey, signer.publicKey],
  });

/** Builds an envelope by hand, past sealEnvelope's own checks, as a faulty or hostile sender could. */
async function craft(options: {
  header?: v1.Header;
  payloadType?: string;
  payload?: Uint8Array;
  outer?: v1.Header;
}) {
  const header =
    options.header ??
    toWireHeader(headerFrom(vn, cn), options.payloadType ?? 'xborder.v1.VerificationRequest');
  if (options.payloadType) header.payloadType = options.payloadType;
  const payload = options.payload ?? encodePayload('xborder.v1.VerificationRequest', verificationRequest());
  const sealed = await sealContent(v1.SealedContent.encode({ header, payload }).finish(), vn.privateKey, [
    cn.publicKey,
  ]);
  return v1.InboxRecord.encode({ envelope: { header: options.outer ?? header, sealed } }).finish();
}

const AFTER_SIGNATURE = ['HEADER_MISMATCH', 'CLOCK_SKEW', 'UNSUPPORTED_TYPE', 'INVALID_PAYLOAD'];

function expectRefusal(result: Awaited<ReturnType<typeof openEnvelope>>, reason: EnvelopeRefusal['reason']) {
  if (result.ok) throw new Error(`expected ${reason}, the envelope was accepted`);
  expect(result.reason).toBe(reason);
  expect(result.senderAuthenticated).toBe(AFTER_SIGNATURE.includes(reason));
  expect(result.detail).not.toContain(VICTIM_NAME);
  expect(result.detail).not.toContain('Hoàng');
  return result;
}

describe('openEnvelope', () => {
  it('opens what sealEnvelope sealed: header, decoded payload, signer and digest', async () => {
    const header = headerFrom(vn, cn);
    const bytes = await seal(header);
    const result = await openEnvelope(bytes, asCn());
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    expect(result.header).toMatchObject({
      messageId: header.messageId,
      senderAgencyId: VN,
      recipientAgencyId: CN,
    });
    expect(result.header.sentAt.getTime()).toBe(header.sentAt.getTime());
    expect(result.payloadType).toBe('xborder.v1.VerificationRequest');
    const payload = result.payload as v1.VerificationRequest;
    expect(payload.person?.name?.romanised).toBe(VICTIM_NAME);
    expect(payload.person?.accompanyingChildren).toHaveLength(1);
    expect(result.signerFingerprint).toBe(vn.generated.fingerprint);
    expect(result.envelopeSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the sender open (audit) what it sent, since it encrypts to its own key too', async () => {
    const bytes = await seal();
    const record = v1.InboxRecord.decode(bytes);
    const { openSealedContent } = await import('./open-content');
    const opened = await openSealedContent(record.envelope!.sealed!, {
      decryptionKeys: vn.privateKey,
      verificationKeys: [vn.publicKey],
    });
    expect(opened.ok).toBe(true);
  });

  it.each([
    ['random bytes', () => Promise.resolve(new Uint8Array(300).map((_, i) => (i * 7919) % 251))],
    ['truncated bytes', async () => (await seal()).slice(0, 200)],
    [
      'a receipt record',
      () =>
        Promise.resolve(
          v1.InboxRecord.encode({
            receipt: { receipt: new Uint8Array([1]), signature: new Uint8Array([2]) },
          }).finish(),
        ),
    ],
    ['an empty record', () => Promise.resolve(new Uint8Array(0))],
  ])('refuses %s as MALFORMED', async (_name, make) => {
    expectRefusal(await openEnvelope(await make(), asCn()), 'MALFORMED');
  });

  it('refuses a header with an ill-formed message id as MALFORMED, naming the field', async () => {
    const header = toWireHeader(headerFrom(vn, cn), 'xborder.v1.VerificationRequest');
    header.messageId = 'not-a-uuid';
    const refusal = expectRefusal(await openEnvelope(await craft({ header }), asCn()), 'MALFORMED');
    expect(refusal.detail).toContain('messageId');
  });

  it('refuses mail addressed to another agency as NOT_FOR_US', async () => {
    const refusal = expectRefusal(
      await openEnvelope(await seal(), asCn({ ownAgencyId: 'CN.MPS' })),
      'NOT_FOR_US',
    );
    expect(refusal.sender).toBe(VN);
    expect(refusal.header?.recipientAgencyId).toBe(CN);
  });

  it('refuses an envelope addressed to us but encrypted to another key as NOT_FOR_US', async () => {
    const bytes = await seal();
    expectRefusal(await openEnvelope(bytes, asCn({ ownPrivateKey: mallory.privateKey })), 'NOT_FOR_US');
  });

  it('refuses a sender missing from the trust store as UNKNOWN_SENDER', async () => {
    const bytes = await seal(headerFrom(mallory, cn), mallory);
    expectRefusal(await openEnvelope(bytes, asCn()), 'UNKNOWN_SENDER');
  });

  it('refuses a sender whose key was not valid at sent_at as KEY_EXPIRED', async () => {
    const expired = storeOf(trusted(vn, { validUntil: new Date(Date.now() - 60_000) }));
    expectRefusal(await openEnvelope(await seal(), asCn({ trustStore: expired })), 'KEY_EXPIRED');
  });

  it('refuses a sender whose key is revoked as KEY_REVOKED', async () => {
    const revoked = storeOf(trusted(vn, { revokedAt: new Date(Date.now() + 86_400_000) }));
    expectRefusal(await openEnvelope(await seal(), asCn({ trustStore: revoked })), 'KEY_REVOKED');
  });

  it('refuses tampered ciphertext as DECRYPT_FAILED', async () => {
    const record = v1.InboxRecord.decode(await seal());
    const sealed = record.envelope!.sealed!;
    sealed[sealed.length - 30] ^= 0x01; // inside the integrity-protected data packet
    const bytes = v1.InboxRecord.encode(record).finish();
    expectRefusal(await openEnvelope(bytes, asCn()), 'DECRYPT_FAILED');
  });

  it("refuses an envelope signed by a different key than the sender agency's as BAD_SIGNATURE", async () => {
    // Mallory writes VN as the sender and signs with her own key.
    const bytes = await seal(headerFrom(vn, cn), mallory);
    expectRefusal(await openEnvelope(bytes, asCn()), 'BAD_SIGNATURE');
  });

  it('refuses a swapped outer header as HEADER_MISMATCH', async () => {
    const header = toWireHeader(headerFrom(vn, cn), 'xborder.v1.VerificationRequest');
    const outer = v1.Header.decode(v1.Header.encode(header).finish());
    outer.correlationId = '01936b2a-1c00-7000-8000-0000000c0999';
    expectRefusal(await openEnvelope(await craft({ header, outer }), asCn()), 'HEADER_MISMATCH');
  });

  it.each([
    ['ahead of our clock', 10 * 60_000],
    ['older than the maximum age', -31 * 24 * 3_600_000],
  ])('refuses sent_at %s as CLOCK_SKEW', async (_name, offset) => {
    const bytes = await seal(headerFrom(vn, cn, new Date(Date.now() + offset)));
    expectRefusal(await openEnvelope(bytes, asCn()), 'CLOCK_SKEW');
  });

  it('accepts sent_at ahead within the tolerance', async () => {
    const bytes = await seal(headerFrom(vn, cn, new Date(Date.now() + 60_000)));
    expect((await openEnvelope(bytes, asCn())).ok).toBe(true);
  });

  it('refuses a payload type it does not know as UNSUPPORTED_TYPE', async () => {
    expectRefusal(
      await openEnvelope(await craft({ payloadType: 'xborder.v1.FutureNotice' }), asCn()),
      'UNSUPPORTED_TYPE',
    );
  });

  it.each([
    ['bytes that do not decode', new Uint8Array([0x0a, 0xff, 0xff, 0xff])],
    [
      'a missing required field',
      encodePayload('xborder.v1.VerificationRequest', { ...verificationRequest(), points: [] }),
    ],
    [
      'an unknown enum value',
      encodePayload('xborder.v1.VerificationRequest', {
        ...verificationRequest(),
        subjectRole: 42 as v1.SubjectRole,
      }),
    ],
    [
      'an ill-formed id',
      encodePayload('xborder.v1.VerificationRequest', {
        ...verificationRequest(),
        person: { ...verificationRequest().person!, personId: VICTIM_NAME },
      }),
    ],
  ])('refuses %s as INVALID_PAYLOAD, without echoing particulars', async (_name, payload) => {
    expectRefusal(await openEnvelope(await craft({ payload }), asCn()), 'INVALID_PAYLOAD');
  });
});
