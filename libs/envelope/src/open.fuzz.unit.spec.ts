/**
 * Fuzz: thousands of random and mutated inputs give only typed refusals (or, for a mutation that
 * happens to keep the meaning, exactly the original message): openEnvelope never throws and never
 * accepts altered content. Deterministic (seeded), a few seconds: most inputs fail before the crypto,
 * and mutations of the sealed bytes (each costs a decryption) are capped.
 */
import {
  Agency,
  CN,
  headerFrom,
  makeAgency,
  storeOf,
  trusted,
  verificationRequest,
  VN,
} from './__fixtures__/agencies';
import { openEnvelope, OpenOptions, OpenResult } from './open';
import { REFUSAL_REASONS } from './refusal';
import { sealEnvelope } from './seal';
import { v1 } from './wire';

let vn: Agency;
let cn: Agency;
let options: OpenOptions;
let original: Uint8Array;
let sealedStart: number;

beforeAll(async () => {
  [vn, cn] = await Promise.all([makeAgency(VN), makeAgency(CN)]);
  options = { ownAgencyId: CN, ownPrivateKey: cn.privateKey, trustStore: storeOf(trusted(vn)) };
  original = await sealEnvelope({
    header: headerFrom(vn, cn),
    payloadType: 'xborder.v1.VerificationRequest',
    payload: verificationRequest(),
    senderKey: vn.privateKey,
    recipientKeys: [cn.publicKey],
  });
  const sealed = v1.InboxRecord.decode(original).envelope!.sealed!;
  sealedStart = original.length - sealed.length;
});

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, rnd: () => number, from: number, to: number): Uint8Array {
  const at = from + Math.floor(rnd() * (to - from));
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return bytes.slice(0, at); // truncate
  const copy = new Uint8Array(bytes);
  if (kind === 1) copy[at] ^= 1 << Math.floor(rnd() * 8); // flip a bit
  if (kind === 2) copy[at] = Math.floor(rnd() * 256); // overwrite a byte
  if (kind === 3) return new Uint8Array([...bytes.slice(0, at), Math.floor(rnd() * 256), ...bytes.slice(at)]); // insert
  return copy;
}

async function expectTypedOutcome(input: Uint8Array): Promise<OpenResult> {
  const result = await openEnvelope(input, options);
  if (result.ok) {
    // Only an encoding-level change that keeps the meaning may pass; the content must be the original.
    const reference = await openEnvelope(original, options);
    expect(reference.ok && reference.header).toEqual(result.header);
    expect(
      reference.ok && v1.VerificationRequest.toObject(reference.payload as v1.VerificationRequest),
    ).toEqual(v1.VerificationRequest.toObject(result.payload as v1.VerificationRequest));
  } else {
    expect(REFUSAL_REASONS).toContain(result.reason);
    expect(typeof result.detail).toBe('string');
  }
  return result;
}

describe('openEnvelope under fuzzing', () => {
  it('refuses 2000 random byte strings with a reason code', async () => {
    const rnd = random(1);
    const reasons = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const input = new Uint8Array(Math.floor(rnd() * 1024)).map(() => Math.floor(rnd() * 256));
      const result = await expectTypedOutcome(input);
      if (!result.ok) reasons.add(result.reason);
    }
    expect([...reasons]).toEqual(['MALFORMED']);
  });

  it('gives only typed outcomes for 2000 mutations of the readable part of a valid envelope', async () => {
    const rnd = random(2);
    for (let i = 0; i < 2000; i++) await expectTypedOutcome(mutate(original, rnd, 0, sealedStart));
  });

  it('gives only typed outcomes for 300 mutations of the sealed bytes (each may cost a decryption)', async () => {
    const rnd = random(3);
    const reasons = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const result = await expectTypedOutcome(mutate(original, rnd, sealedStart, original.length));
      if (!result.ok) reasons.add(result.reason);
    }
    expect(reasons).toContain('DECRYPT_FAILED');
  });
});
