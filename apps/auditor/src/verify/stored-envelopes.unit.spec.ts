import { createHash, randomBytes } from 'node:crypto';
import * as openpgp from 'openpgp';
import { envelopeRefused, REFUSED_RAW_KEPT_MAX_BYTES } from '@xb/audit';
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

const refusal = {
  reason: 'MALFORMED',
  source: 'kafka:xb.v1.inbox.vn-bgc-laichau/0@7',
  receivedAt: '2026-07-01T00:00:00.000Z',
};
/** An empty record refused before sizes were recorded: bytes "" and the SHA-256 of nothing. */
const emptyLegacy = {
  ...refusal,
  rawBase64: '',
  sha256: createHash('sha256').update(Buffer.alloc(0)).digest('hex'),
};

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
    expect(await check(refused({ rawBase64: 'AA A', sha256, reason: 'MALFORMED' }))).toContain('not base64');
    const size = raw.length + 1;
    expect(
      await check(refused({ rawBase64: raw.toString('base64'), sha256, size, reason: 'MALFORMED' })),
    ).toContain('differ from their recorded size');
  });

  it('accepts an empty refused record, as written today and before sizes were recorded', async () => {
    const check = storedEnvelopeCheck(keys);
    for (const event of [envelopeRefused(Buffer.alloc(0), refusal).event.data, { ...emptyLegacy }])
      expect(
        await check(recorded('audit-refused-2026-07-01', 'AuditEnvelopeRefused', event, 3)),
      ).toBeUndefined();
  });

  it('accepts a record too large to keep whole by digest and size, and only such a record', async () => {
    const check = storedEnvelopeCheck(keys);
    const large = envelopeRefused(randomBytes(REFUSED_RAW_KEPT_MAX_BYTES + 1), {
      ...refusal,
      rawKeptAt: 'kafka:xb.v1.dlq.vn-bgc-laichau',
    }).event.data;
    expect(large.rawBase64).toBeUndefined();
    const at = (data: object) => recorded('audit-refused-2026-07-01', 'AuditEnvelopeRefused', data, 3);
    expect(await check(at(large))).toBeUndefined();
    expect(await check(at({ ...large, size: REFUSED_RAW_KEPT_MAX_BYTES }))).toContain('raw bytes missing');
    expect(await check(at({ ...large, sha256: 'x' }))).toContain('SHA-256 missing or malformed');
    expect(await check(at({ ...large, rawKeptAt: undefined }))).toContain('is not recorded');
  });

  it('leaves every other event alone', async () => {
    expect(
      await storedEnvelopeCheck(keys)(recorded('verification-v-1', 'VerificationClosed', {}, 4)),
    ).toBeUndefined();
  });
});
