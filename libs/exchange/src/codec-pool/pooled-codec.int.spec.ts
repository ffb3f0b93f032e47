import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  generateAgencyKey,
  InvalidEnvelopeInput,
  readAgencyPrivateKey,
  readPublicKeyCached,
  TrustedKey,
  TrustStore,
  v1,
} from '@xb/envelope';
import { EnvelopeCodec, EnvelopeCodecOptions } from '../envelope-codec';
import { OutboundMessage } from '../ports';
import { CryptoChildGone, PooledCodec } from './pooled-codec';

/**
 * The pooled codec against the codec in the thread: what one seals the other opens, with the same
 * result, refusals included; a trust store change reaches the children; a child killed mid-call fails
 * that call and is replaced; stop() leaves no child.
 */
const VN = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
// The keys and signatures are made now (openpgp's clock), so the envelopes are sent and opened now too.
const SENT_AT = new Date().toISOString();
const NOW = new Date(Date.parse(SENT_AT) + 5_000);
const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const DEFAULTS = {
  channel: v1.Channel.CHANNEL_BORDER_GUARD_PROVINCIAL,
  handling: {
    dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
    evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
  },
};

interface Agency {
  readonly options: EnvelopeCodecOptions;
  readonly trusted: TrustedKey;
}

async function agency(id: string): Promise<Agency> {
  // Protected as on a real node (XB_KEY_PASSPHRASE): the children get the decrypted keys, never the passphrase.
  const passphrase = 'correct horse battery staple';
  const generated = await generateAgencyKey({ agencyId: id, passphrase });
  const privateKey = await readAgencyPrivateKey(generated.privateKeyArmored, passphrase);
  const publicKey = await readPublicKeyCached(generated.publicKeyArmored);
  const trusted = { agencyId: id, fingerprint: generated.fingerprint, validFrom: LONG_AGO, key: publicKey };
  return {
    trusted,
    options: {
      agencyId: id,
      ownKeys: { current: privateKey, all: [privateKey] },
      ownPublicKey: publicKey,
      trustStore: new TrustStore([]),
      defaults: DEFAULTS,
    },
  };
}

let counter = 0;
const message = (to: string, grounds = 'Recruited with a false job offer'): OutboundMessage => ({
  messageId: `01936b2a-1c00-7000-8000-${(++counter).toString(16).padStart(12, '0')}`,
  category: 'repatriation',
  correlationId: '01936b2a-1c00-7000-8000-0000000c0001',
  counterpart: to,
  payloadType: 'xborder.v1.VictimIdentificationNotice',
  // identifyingAuthority left unset: the decoded message reads it ('') from its prototype.
  payload: {
    decision: v1.IdentificationDecision.IDENTIFICATION_DECISION_IDENTIFIED,
    criteria: [v1.IdentificationCriterion.IDENTIFICATION_CRITERION_ACT],
    grounds,
    identifiedOn: { year: 2026, month: 11, day: 20 },
  },
});

const alive = (pid: number): boolean => fs.existsSync(`/proc/${pid}`) && !isZombie(pid);
const isZombie = (pid: number): boolean => {
  try {
    return / Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').slice(-200).split(')').pop() ?? '');
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PooledCodec', () => {
  let vn: Agency;
  let cn: Agency;
  let vnInThread: EnvelopeCodec;
  let cnInThread: EnvelopeCodec;
  let vnPool: PooledCodec;
  let cnPool: PooledCodec;
  const pools: PooledCodec[] = [];

  beforeAll(async () => {
    [vn, cn] = await Promise.all([agency(VN), agency(CN)]);
    vn.options.trustStore.replace([vn.trusted, cn.trusted]);
    cn.options.trustStore.replace([vn.trusted, cn.trusted]);
    vnInThread = new EnvelopeCodec(vn.options);
    cnInThread = new EnvelopeCodec(cn.options);
    vnPool = await PooledCodec.start({ ...vn.options, size: 2 });
    cnPool = await PooledCodec.start({ ...cn.options, size: 2 });
    pools.push(vnPool, cnPool);
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.stop()));
  });

  it('seals in a child what the thread opens, and opens in a child what the thread sealed, alike', async () => {
    const sealedInPool = await vnPool.seal(message(CN), SENT_AT);
    const sealedInThread = await vnInThread.seal(message(CN), SENT_AT);
    for (const bytes of [sealedInPool, sealedInThread]) {
      const inThread = await cnInThread.open(bytes, NOW);
      const inPool = await cnPool.open(bytes, NOW);
      expect(inThread).toMatchObject({ ok: true });
      expect(inPool).toEqual(inThread);
      if (!inPool.ok || inPool.kind !== 'envelope') throw new Error('not opened');
      // A field the sender left unset reads its default, as on the message the thread decoded.
      expect(inPool.payload.identifyingAuthority).toBe('');
      expect(inPool.payload.constructor).toBe(v1.VictimIdentificationNotice);
    }
  });

  it('signs receipts the other side verifies, either way', async () => {
    const receipt = {
      messageId: '01936b2a-1c00-7000-8000-0000000000aa',
      correlationId: '01936b2a-1c00-7000-8000-0000000c0001',
      receiver: CN,
      status: 'rejected' as const,
      reason: 'CASE_CLOSED',
      envelopeSha256: 'ab'.repeat(32),
      receivedAt: SENT_AT,
    };
    const signedInPool = await cnPool.signReceipt(receipt, VN);
    const openedInThread = await vnInThread.open(signedInPool, NOW);
    const openedInPool = await vnPool.open(await cnInThread.signReceipt(receipt, VN), NOW);
    expect(openedInThread).toMatchObject({ kind: 'receipt', ok: true, receipt });
    expect(openedInPool).toMatchObject({ kind: 'receipt', ok: true, receipt });
    expect(openedInPool).toEqual(openedInThread);
  });

  it('refuses what the thread refuses, with the same reason and detail', async () => {
    const sealed = await cnInThread.seal(message(VN), SENT_AT);
    const tampered = Uint8Array.from(sealed);
    tampered[tampered.length - 10] ^= 0xff;
    const tooLate = new Date(Date.parse(SENT_AT) + 365 * 86_400_000);
    for (const [bytes, now] of [
      [tampered, NOW],
      [sealed, tooLate],
      [new Uint8Array([1, 2, 3]), NOW],
    ] as const) {
      const inThread = await vnInThread.open(bytes, now);
      expect(inThread.ok).toBe(false);
      expect(await vnPool.open(bytes, now)).toEqual(inThread);
    }
    // What the thread throws, the pool throws: a payload that breaks the contract, an unknown recipient.
    const invalid = message(CN, '');
    const thrown = await vnInThread.seal(invalid, SENT_AT).catch((error: unknown) => error);
    const thrownInPool = await vnPool.seal(invalid, SENT_AT).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(InvalidEnvelopeInput);
    expect(thrownInPool).toBeInstanceOf(InvalidEnvelopeInput);
    expect((thrownInPool as InvalidEnvelopeInput).message).toBe((thrown as InvalidEnvelopeInput).message);
    expect((thrownInPool as InvalidEnvelopeInput).problems).toEqual(
      (thrown as InvalidEnvelopeInput).problems,
    );
    await expect(vnPool.seal(message('LA.PHONGSALY.POLICE'), SENT_AT)).rejects.toThrow(
      'no valid encryption key for LA.PHONGSALY.POLICE in the trust store',
    );
  });

  it('works on the trust store the node holds now: a revoked sender is refused from the next call on', async () => {
    const sealed = await cnInThread.seal(message(VN), SENT_AT);
    // Every child opens once on the old store, so each holds a copy that must then be replaced.
    const before = await Promise.all([vnPool.open(sealed, NOW), vnPool.open(sealed, NOW)]);
    expect(before.map((opened) => opened.ok)).toEqual([true, true]);
    vn.options.trustStore.replace([vn.trusted, { ...cn.trusted, revokedAt: LONG_AGO }]);
    try {
      const after = await Promise.all([vnPool.open(sealed, NOW), vnPool.open(sealed, NOW)]);
      const expected = await vnInThread.open(sealed, NOW);
      expect(expected).toMatchObject({ ok: false, reason: 'KEY_REVOKED' });
      expect(after).toEqual([expected, expected]);
      // A child started after the change (a new pool) starts on the current store.
      const fresh = await PooledCodec.start({ ...vn.options, size: 1 });
      pools.push(fresh);
      expect(await fresh.open(sealed, NOW)).toEqual(expected);
    } finally {
      vn.options.trustStore.replace([vn.trusted, cn.trusted]);
    }
    expect((await vnPool.open(sealed, NOW)).ok).toBe(true);
  });

  it('fails the calls of a child killed mid-call, starts another and goes on', async () => {
    const pool = await PooledCodec.start({ ...vn.options, size: 1 });
    pools.push(pool);
    const [pid] = pool.pids;
    const inFlight = Array.from({ length: 5 }, () => pool.seal(message(CN), SENT_AT));
    process.kill(pid!, 'SIGKILL');
    const outcomes = await Promise.allSettled(inFlight);
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(CryptoChildGone);
      expect(failure.message).toMatch(/crypto child running seal\(\) exited \(SIGKILL\); try again/);
    }
    // The next call waits for the new child rather than failing.
    const sealed = await pool.seal(message(CN), SENT_AT);
    expect((await cnInThread.open(sealed, NOW)).ok).toBe(true);
    expect(pool.pids).toHaveLength(1);
    expect(pool.pids[0]).not.toBe(pid);
  });

  it('stop() ends every child, and a stopped pool refuses calls', async () => {
    const pool = await PooledCodec.start({ ...vn.options, size: 2 });
    const pids = pool.pids;
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    await pool.stop();
    await until('the children to be gone', () => !pids.some(alive));
    await expect(pool.seal(message(CN), SENT_AT)).rejects.toThrow('the crypto pool is stopped');
  });

  it('leaves no child behind when the node holding the pool is SIGKILLed', async () => {
    const repo = path.resolve(__dirname, '../../../..');
    const holder = spawn(
      process.execPath,
      [
        '-r',
        path.join(repo, 'libs/event-store/src/testing/register-ts.cjs'),
        path.join(__dirname, 'testing/pool-holder.ts'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let output = '';
      holder.stdout.on('data', (chunk) => (output += String(chunk)));
      await until('the holder to start its pool', () => /children \d+ \d+\n/.test(output), 30_000);
      const pids = output
        .match(/children (\d+) (\d+)/)!
        .slice(1)
        .map(Number);
      expect(pids.every(alive)).toBe(true);
      holder.kill('SIGKILL');
      await until('the orphaned children to exit', () => !pids.some(alive));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
