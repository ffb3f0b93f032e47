import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { sealContent, toTimestamp, v1 } from '@xb/envelope';
import { recorded } from '../testing/recorded';
import { storedEnvelopeCheck, type EnvelopeKeys } from './stored-envelopes';

const US = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
let ours: openpgp.PrivateKey;
let theirs: openpgp.PrivateKey;
let keys: EnvelopeKeys;

beforeAll(async () => {
  const make = async (name: string) =>
    (await openpgp.generateKey({ type: 'ecc', userIDs: [{ name }], format: 'object' })).privateKey;
  [ours, theirs] = await Promise.all([make(US), make(CN)]);
  keys = { privateKey: ours, publicKeys: [ours.toPublic()] };
});

const header = (messageId = 'm-1') =>
  v1.Header.create({
    messageId,
    correlationId: 'v-1',
    senderAgencyId: US,
    recipientAgencyId: CN,
    sentAt: toTimestamp(new Date()),
    payloadType: 'VerificationRequest',
    schemaVersion: 1,
  });

/** An envelope as the relay seals it: signed by `signer`, encrypted to `to`. */
async function envelope(
  options: { signer?: openpgp.PrivateKey; to?: openpgp.PublicKey[]; signedHeader?: v1.Header } = {},
) {
  const outer = header();
  const content = v1.SealedContent.encode({
    header: options.signedHeader ?? outer,
    payload: new Uint8Array([1, 2, 3]),
  }).finish();
  const sealed = await sealContent(
    content,
    options.signer ?? ours,
    options.to ?? [theirs.toPublic(), ours.toPublic()],
  );
  return Buffer.from(v1.InboxRecord.encode({ envelope: { header: outer, sealed } }).finish());
}

const dispatched = (bytes: Buffer, overrides: Record<string, unknown> = {}) =>
  recorded(
    'exchange-m-1',
    'OutboundMessageDispatched',
    {
      messageId: 'm-1',
      correlationId: 'v-1',
      counterpart: CN,
      payloadType: 'VerificationRequest',
      envelope: bytes.toString('base64'),
      envelopeSha256: createHash('sha256').update(bytes).digest('hex'),
      queuedAt: '1',
      dispatchedAt: '2026-07-01T00:00:00Z',
      ...overrides,
    },
    2,
  );

describe('stored envelope checks', () => {
  it('passes an outbound envelope, by hash and header alone and, with our private key, opened', async () => {
    const event = dispatched(await envelope());
    expect(await storedEnvelopeCheck()(event)).toBeUndefined();
    expect(await storedEnvelopeCheck(keys)(event)).toBeUndefined();
  });

  it.each([
    ['a missing envelope', { envelope: '' }, 'envelope missing'],
    ['a changed hash', { envelopeSha256: '00'.repeat(32) }, 'differs from its recorded SHA-256'],
    ['another message id', { messageId: 'm-2' }, 'names another message or recipient'],
    ['another counterpart', { counterpart: 'LA.MOS' }, 'names another message or recipient'],
  ])('refuses %s without keys', async (_label, overrides, reason) => {
    expect(await storedEnvelopeCheck()(dispatched(await envelope(), overrides))).toContain(reason);
  });

  it('refuses, with our key, an envelope signed by another key, not encrypted to us, or with another signed header', async () => {
    const check = storedEnvelopeCheck(keys);
    expect(await check(dispatched(await envelope({ signer: theirs })))).toContain('BAD_SIGNATURE');
    expect(await check(dispatched(await envelope({ to: [theirs.toPublic()] })))).toContain('DECRYPT_FAILED');
    expect(await check(dispatched(await envelope({ signedHeader: header('m-9') })))).toContain(
      'signed header differs',
    );
  });

  it('checks that a refused envelope is present and matches its hash, never its signature', async () => {
    const raw = Buffer.from('garbage that was refused');
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const refused = (data: object) => recorded('audit-refused-2026-07-01', 'AuditEnvelopeRefused', data, 3);
    const check = storedEnvelopeCheck(keys);
    expect(
      await check(refused({ rawBase64: raw.toString('base64'), sha256, reason: 'MALFORMED' })),
    ).toBeUndefined();
    expect(await check(refused({ sha256, reason: 'MALFORMED' }))).toContain('raw bytes missing');
    expect(await check(refused({ rawBase64: 'AAAA', sha256, reason: 'MALFORMED' }))).toContain(
      'differ from their recorded SHA-256',
    );
  });

  it('leaves every other event alone', async () => {
    expect(
      await storedEnvelopeCheck(keys)(recorded('verification-v-1', 'VerificationClosed', {}, 4)),
    ).toBeUndefined();
  });
});
