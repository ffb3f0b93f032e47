/**
 * The minutes signer tries a failed signature again with bounded back-off, on an injected clock, and
 * finds it again after a restart (its record is the store and its checkpoint). SQLite in a temporary
 * directory; no broker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrivateKey } from 'openpgp';
import {
  HandoverMinutes,
  MinutesRecord,
  queuedMessageOf,
  SuspectHandoverCommand,
  suspectHandoverDecider,
} from '@xb/domain';
import { collectEvents, handleCommand, loadState, SqliteEventStore } from '@xb/event-store';
import { generateAgencyKey, readAgencyPrivateKey } from '@xb/envelope';
import { waitFor } from '@xb/testing';
import { ExchangeMetrics } from '../metrics';
import { CommandRunner } from '../ports';
import { MinutesSigner } from './minutes-signer';

const US = 'VN.BGC.LAICHAU';
const THEM = 'CN.YN.BORDERPOLICE';
const CASE = '0193a7b2-0000-7000-8000-000000000301';
const MINUTES_ID = '0193a7b2-0000-7000-8000-0000000003a1';
const START = Date.parse('2026-11-23T04:00:00Z');
/** The ticker never fires by itself here: the test ticks, with the clock where it wants it. */
const NEVER_MS = 2_000_000_000;
const POLICY = { initialDelayMs: 1_000, multiplier: 2, maxDelayMs: 4_000, maxAttempts: Infinity };

let dir: string;
let store: SqliteEventStore;
let key: PrivateKey;
let nowMs = START;
const clock = () => new Date(nowMs);
const errors: unknown[] = [];
const runCommand: CommandRunner = (decider, id, command) => handleCommand(store, decider, id, command);

const meta = (newIds: string[] = []) => ({
  now: clock().toISOString(),
  actor: 'officer:1',
  agencyId: US,
  newIds,
});
/** We hold the suspect; the hand-over is scheduled and our officer has drawn up the minutes. */
async function minutesDrawnUp(): Promise<void> {
  const steps: SuspectHandoverCommand[] = [
    {
      type: 'ReceiveSuspectHandoverRequest' as const,
      data: {
        caseId: CASE,
        suspect: {
          name: { original: 'Test Suspect', romanised: 'Test Suspect' },
          sex: 'male',
          identityDocuments: [],
        },
        warrantReference: 'LC-2026-0042',
        warrantIssuedBy: 'Lai Chau Provincial Police',
        warrantIssuedOn: '2026-11-02',
        offences: 'trafficking in persons',
        deadline: '2026-11-30T10:00:00Z',
      },
      metadata: { ...meta(), actor: `agency:${THEM}`, messageId: '0193a7b2-0000-7000-8000-0000000003f1' },
    },
    { type: 'AcceptSuspectHandover' as const, data: {}, metadata: meta(['m-1']) },
    {
      type: 'ScheduleSuspectHandover' as const,
      data: {
        borderGate: 'Ma Lu Thang',
        date: '2026-11-23',
        time: '09:00',
        receivingUnit: 'Lai Chau police',
      },
      metadata: meta(['m-2']),
    },
    {
      type: 'ProposeSuspectHandoverMinutes' as const,
      data: {
        minutesId: MINUTES_ID,
        handedOverAt: '2026-11-23T02:30:00Z',
        documents: ['Warrant (copy)'],
        belongings: ['Phone'],
        officers: [
          { agency: US, name: 'Nguyen Van An', position: 'Captain' },
          { agency: THEM, name: 'Li Wei', position: 'Inspector' },
        ],
      },
      metadata: meta(),
    },
  ];
  for (const command of steps) {
    const outcome = await handleCommand(store, suspectHandoverDecider, CASE, command);
    expect(outcome).toHaveProperty('events');
  }
}

const minutesOfCase = async (): Promise<MinutesRecord | undefined> => {
  const state = await loadState(store, suspectHandoverDecider, CASE);
  return state.status === 'none' ? undefined : state.minutes;
};

const signer = (options: {
  metrics: ExchangeMetrics;
  sign?: (minutes: HandoverMinutes, key: PrivateKey) => Promise<string>;
  runCommand?: CommandRunner;
}) =>
  new MinutesSigner({
    store,
    runCommand: options.runCommand ?? runCommand,
    agencyId: US,
    signingKey: key,
    clock,
    onError: (error) => errors.push(error),
    policy: POLICY,
    tickMs: NEVER_MS,
    metrics: options.metrics,
    ...(options.sign ? { sign: options.sign } : {}),
  });

const gauge = async (metrics: ExchangeMetrics) =>
  (await metrics.minutesAwaitingSignature.get()).values[0]?.value;
const failures = async (metrics: ExchangeMetrics) =>
  (await metrics.minutesSignatureFailures.get()).values[0]?.value ?? 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-minutes-signer-'));
  store = new SqliteEventStore({ file: path.join(dir, 'store.sqlite') });
  key = await readAgencyPrivateKey((await generateAgencyKey({ agencyId: US })).privateKeyArmored);
  await minutesDrawnUp();
});

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('minutes signer', () => {
  it('given the key unusable, when signing fails, then it waits, tries again with back-off and survives a restart', async () => {
    // The key is unusable for now: every try fails.
    const metrics = new ExchangeMetrics();
    let tries = 0;
    const unusable = async () => {
      tries += 1;
      throw Object.assign(new Error('the signing key is not available'), { code: 'EKEYUNAVAILABLE' });
    };
    const first = signer({ metrics, sign: unusable });
    await first.start();
    await waitFor('the first failed try', () => first.health().failing[0]?.attempts === 1);
    expect(first.health()).toEqual({
      awaitingSignature: 1,
      failing: [
        {
          caseId: CASE,
          attempts: 1,
          nextTryAt: new Date(START + 1_000).toISOString(),
          // Its kind only, as every follower describes a failure (failureKind).
          error: 'Error EKEYUNAVAILABLE',
        },
      ],
    });
    expect(await gauge(metrics)).toBe(1);
    expect(await failures(metrics)).toBe(1);

    // Before its wait is over, a tick tries nothing.
    nowMs = START + 999;
    await first.tick();
    expect(tries).toBe(1);
    // Then one try per wait, each wait twice the last, up to the policy's longest.
    for (const [advanceMs, nextWaitMs] of [
      [1, 2_000],
      [2_000, 4_000],
      [4_000, 4_000],
    ]) {
      nowMs += advanceMs;
      await first.tick();
      expect(first.health().failing[0].nextTryAt).toBe(new Date(nowMs + nextWaitMs).toISOString());
    }
    expect(tries).toBe(4);
    expect(await failures(metrics)).toBe(4);
    expect((await minutesOfCase())?.status).toBe('awaiting_our_signature');
    await first.stop();

    // Restarted with the key back, but the store refusing the first write: found again, and signed.
    const again = new ExchangeMetrics();
    let refusals = 1;
    const flaky: CommandRunner = async (decider, id, command) => {
      if (refusals-- > 0) throw Object.assign(new Error('the store is unavailable'), { code: 'SQLITE_BUSY' });
      return handleCommand(store, decider, id, command);
    };
    const second = signer({ metrics: again, runCommand: flaky });
    await second.start();
    await waitFor('the try after the restart', () => second.health().failing[0]?.attempts === 1);
    expect(second.health().failing[0].error).toBe('Error SQLITE_BUSY');
    nowMs += 1_000;
    await second.tick();
    expect(second.health()).toEqual({ awaitingSignature: 0, failing: [] });
    expect(await gauge(again)).toBe(0);

    const minutes = await minutesOfCase();
    expect(minutes).toMatchObject({ status: 'awaiting_their_signature', signatures: [{ agency: US }] });
    // The same signature the key makes over the canonical minutes, queued to the counterpart once.
    const events = await collectEvents(store);
    const signed = events.filter((e) => e.type === 'SuspectHandoverMinutesSigned');
    expect(signed).toHaveLength(1);
    expect(queuedMessageOf(signed[0])).toMatchObject({
      counterpart: THEM,
      kind: 'SuspectHandoverMinutesProposal',
    });
    // Nothing is left awaiting: the checkpoint moves past the signed minutes.
    const last = events.at(-1)?.position ?? -1n;
    await waitFor('the checkpoint past the signature', async () => {
      const checkpoint = await store.readCheckpoint('minutes-signer');
      return checkpoint !== undefined && checkpoint >= last;
    });
    await second.stop();
    expect(tries).toBe(4);
    expect(errors).toEqual([]);
  });
});
