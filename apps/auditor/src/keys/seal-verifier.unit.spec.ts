import * as openpgp from 'openpgp';
import { signBytes } from '@xb/envelope';
import { agencySealVerifier } from './seal-verifier';

const bytes = new TextEncoder().encode('xborder/audit-seal/v1 …');
let ours: openpgp.PrivateKey;
let other: openpgp.PrivateKey;

beforeAll(async () => {
  const make = async (name: string) =>
    (await openpgp.generateKey({ type: 'ecc', userIDs: [{ name }], format: 'object' })).privateKey;
  [ours, other] = await Promise.all([make('VN.BGC.LAICHAU'), make('CN.YN.BORDERPOLICE')]);
});

const armoured = async (key: openpgp.PrivateKey, data = bytes) =>
  openpgp.sign({ message: await openpgp.createMessage({ binary: data }), signingKeys: key, detached: true });
const base64 = async (key: openpgp.PrivateKey) => Buffer.from(await signBytes(bytes, key)).toString('base64');

describe('the auditor seal verifier', () => {
  it('accepts an armoured and a base64 detached signature by a trusted key', async () => {
    const verifier = agencySealVerifier([ours.toPublic()]);
    expect(await verifier.verify(bytes, await armoured(ours), ours.getFingerprint())).toBe(true);
    expect(await verifier.verify(bytes, await base64(ours), ours.getFingerprint().toUpperCase())).toBe(true);
  });

  it('refuses other bytes, an untrusted signer, a fingerprint that is not the signer, and garbage', async () => {
    const verifier = agencySealVerifier([ours.toPublic()]);
    const changed = new Uint8Array(bytes);
    changed[0] ^= 1;
    expect(await verifier.verify(changed, await armoured(ours), ours.getFingerprint())).toBe(false);
    expect(await verifier.verify(bytes, await armoured(other), other.getFingerprint())).toBe(false);
    const both = agencySealVerifier([ours.toPublic(), other.toPublic()]);
    expect(await both.verify(bytes, await armoured(other), ours.getFingerprint())).toBe(false);
    expect(await verifier.verify(bytes, 'not a signature!', ours.getFingerprint())).toBe(false);
    expect(await verifier.verify(bytes, 'AAAA', ours.getFingerprint())).toBe(false);
  });

  it('accepts a seal signed while the key was valid, after the key has expired', async () => {
    const created = new Date(Date.now() - 10 * 86_400_000);
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      userIDs: [{ name: 'VN.BGC.LAICHAU' }],
      date: created,
      keyExpirationTime: 86_400,
      format: 'object',
    });
    const signedThen = await openpgp.sign({
      message: await openpgp.createMessage({ binary: bytes }),
      signingKeys: privateKey,
      detached: true,
      date: new Date(created.getTime() + 3_600_000),
    });
    const verifier = agencySealVerifier([privateKey.toPublic()]);
    expect(await verifier.verify(bytes, signedThen, privateKey.getFingerprint())).toBe(true);
  });
});
