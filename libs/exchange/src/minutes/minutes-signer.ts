import type { PrivateKey } from 'openpgp';
import { v7 as uuidv7 } from 'uuid';
import {
  CommandMetadata,
  DomainError,
  HandoverMinutes,
  isDomainError,
  MINUTES_SIGNATURE_DUE_EVENT_TYPES,
  MinutesRecord,
  repatriationDecider,
  suspectHandoverDecider,
} from '@xb/domain';
import { AllSubscription, EventStore, failureKind, loadState } from '@xb/event-store';
import { ExchangeMetrics } from '../metrics';
import { CommandRunner } from '../ports';
import { delayAfterAttempt, RetryPolicy } from '../retry-policy';
import { Ticker } from '../ticker';
import { signMinutes } from './signatures';

const SIGNATURE_DUE = new Set(MINUTES_SIGNATURE_DUE_EVENT_TYPES);
/** Durable checkpoint: the position before the due event of the oldest minutes still awaiting our signature. */
const CHECKPOINT = 'minutes-signer';

/** Waits between tries of one signature: 1 s, doubling, at most 1 min; never given up (health shows it). */
export const DEFAULT_MINUTES_SIGNING_POLICY: RetryPolicy = {
  initialDelayMs: 1_000,
  multiplier: 2,
  maxDelayMs: 60_000,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/** What the signer needs of a process with minutes: its record of them, and its signing command. */
interface MinutesProcessPort {
  readonly minutesOf: (store: EventStore, caseId: string) => Promise<MinutesRecord | undefined>;
  readonly sign: (
    run: CommandRunner,
    caseId: string,
    data: { readonly minutesId: string; readonly signature: string },
    metadata: CommandMetadata,
  ) => Promise<DomainError | undefined>;
}

const refusalOf = (outcome: object): DomainError | undefined =>
  isDomainError(outcome) ? outcome : undefined;

/** The processes whose minutes the signer signs, by stream category. */
const PROCESSES = new Map<string, MinutesProcessPort>([
  [
    repatriationDecider.category,
    {
      minutesOf: async (store, caseId) => {
        const state = await loadState(store, repatriationDecider, caseId);
        return state.status === 'none' ? undefined : state.minutes;
      },
      sign: async (run, caseId, data, metadata) =>
        refusalOf(
          await run(repatriationDecider, caseId, { type: 'SignRepatriationMinutes', data, metadata }),
        ),
    },
  ],
  [
    suspectHandoverDecider.category,
    {
      minutesOf: async (store, caseId) => {
        const state = await loadState(store, suspectHandoverDecider, caseId);
        return state.status === 'none' ? undefined : state.minutes;
      },
      sign: async (run, caseId, data, metadata) =>
        refusalOf(
          await run(suspectHandoverDecider, caseId, { type: 'SignSuspectHandoverMinutes', data, metadata }),
        ),
    },
  ],
]);

export interface MinutesSignerOptions {
  readonly store: EventStore;
  readonly runCommand: CommandRunner;
  readonly agencyId: string;
  /** The agency's signing key: the signer runs where the gateway holds it, never in the api role. */
  readonly signingKey: PrivateKey;
  readonly clock: () => Date;
  readonly onError: (error: unknown) => void;
  /** Waits between tries of a failed signature. Default `DEFAULT_MINUTES_SIGNING_POLICY`. */
  readonly policy?: RetryPolicy;
  /** How often failed signatures are looked at. Default 1 s. */
  readonly tickMs?: number;
  readonly metrics?: ExchangeMetrics;
  /** Makes the signature (tests put a failing one here). Default: `signMinutes` with the key. */
  readonly sign?: (minutes: HandoverMinutes, key: PrivateKey) => Promise<string>;
}

/** Minutes awaiting this node's signature, as /health reports them. */
export interface MinutesSigningHealth {
  readonly awaitingSignature: number;
  /** Signatures that failed and wait for their next try (no content: case and last error only). */
  readonly failing: readonly {
    readonly caseId: string;
    readonly attempts: number;
    readonly nextTryAt: string;
    readonly error: string;
  }[];
}

interface Awaiting {
  readonly process: MinutesProcessPort;
  readonly caseId: string;
  /** Position of the event that made the signature due. */
  readonly since: bigint;
  attempts: number;
  nextTryAtMs: number;
  error?: string;
}

/**
 * Signs the hand-over minutes with the agency key once an officer drew them up or agreed the
 * counterpart's (docs/protocol.md section 5a), for every process with minutes: follows the global order
 * and runs `Sign<Process>Minutes` on the case, which queues the signed minutes to the counterpart. The
 * decider refuses a second signature, so a replay after a crash signs nothing twice.
 *
 * A signature that fails (the key briefly unusable, the store refusing) is tried again with bounded
 * back-off until it is made. The record of what awaits a signature is the store itself: the checkpoint
 * stays before the due event of the oldest minutes not yet signed, so a restart finds them again.
 */
export class MinutesSigner {
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private readonly awaiting = new Map<string, Awaiting>();
  private readonly inFlight = new Set<string>();
  private readonly ticker: Ticker;
  private seen = -1n;
  private saved?: bigint;

  constructor(private readonly options: MinutesSignerOptions) {
    this.ticker = new Ticker(() => this.tick(), options.tickMs ?? 1_000, options.onError);
  }

  async start(): Promise<void> {
    const { store } = this.options;
    const after = await store.readCheckpoint(CHECKPOINT);
    if (after !== undefined) this.saved = after;
    const subscription = store.subscribeToAll({
      ...(after !== undefined ? { after } : {}),
      filter: { streamPrefixes: [...PROCESSES.keys()].map((category) => `${category}-`) },
    });
    this.subscription = subscription;
    this.running = (async () => {
      for await (const event of subscription) {
        this.seen = event.position;
        const dash = event.streamId.indexOf('-');
        const process = PROCESSES.get(event.streamId.slice(0, dash));
        if (SIGNATURE_DUE.has(event.type) && process) {
          const caseId = event.streamId.slice(dash + 1);
          const due = { process, caseId, since: event.position, attempts: 0, nextTryAtMs: 0 };
          this.awaiting.set(event.streamId, due);
          await this.attempt(event.streamId);
        }
        await this.saveCheckpoint();
      }
    })().catch(this.options.onError);
    this.ticker.start();
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
    await this.subscription?.stop();
    await this.running;
  }

  /** Tries again every failed signature whose wait is over. Exposed for tests that drive the clock. */
  async tick(): Promise<void> {
    const now = this.options.clock().getTime();
    for (const [streamId, due] of [...this.awaiting])
      if (due.attempts > 0 && now >= due.nextTryAtMs) await this.attempt(streamId);
    await this.saveCheckpoint();
  }

  health(): MinutesSigningHealth {
    const failing = [...this.awaiting.values()]
      .filter((due) => due.error !== undefined)
      .map((due) => ({
        caseId: due.caseId,
        attempts: due.attempts,
        nextTryAt: new Date(due.nextTryAtMs).toISOString(),
        error: due.error ?? '',
      }));
    return { awaitingSignature: this.awaiting.size, failing };
  }

  /** One try of one signature; a failure is recorded for the next try, never thrown. */
  private async attempt(streamId: string): Promise<void> {
    const due = this.awaiting.get(streamId);
    if (!due || this.inFlight.has(streamId)) return;
    this.inFlight.add(streamId);
    try {
      if (await this.signIfDue(due)) this.awaiting.delete(streamId);
    } catch (error) {
      due.attempts += 1;
      due.error = failureKind(error);
      const policy = this.options.policy ?? DEFAULT_MINUTES_SIGNING_POLICY;
      due.nextTryAtMs = this.options.clock().getTime() + delayAfterAttempt(policy, due.attempts);
      this.options.metrics?.minutesSignatureFailures.inc();
    } finally {
      this.inFlight.delete(streamId);
      this.report();
    }
  }

  /** Signs when the case still awaits our signature; true once nothing is left to sign. */
  private async signIfDue({ process, caseId }: Awaiting): Promise<boolean> {
    const record = await process.minutesOf(this.options.store, caseId);
    if (record?.status !== 'awaiting_our_signature') return true;
    const signature = await (this.options.sign ?? signMinutes)(record.minutes, this.options.signingKey);
    const refusal = await process.sign(
      this.options.runCommand,
      caseId,
      { minutesId: record.minutes.minutesId, signature },
      {
        now: this.options.clock().toISOString(),
        actor: 'system:minutes-signer',
        agencyId: this.options.agencyId,
        newIds: [uuidv7(), uuidv7()],
      },
    );
    // Signed meanwhile (another gateway, a replay): nothing left to do.
    if (refusal && refusal.code !== 'INVALID_TRANSITION')
      throw new Error(`minutes signer: the case refused the signature: ${refusal.code}`);
    return true;
  }

  /** The checkpoint moves up to the oldest due event not yet signed, or to the last event seen. */
  private async saveCheckpoint(): Promise<void> {
    const oldest = [...this.awaiting.values()].reduce<bigint | undefined>(
      (min, due) => (min === undefined || due.since < min ? due.since : min),
      undefined,
    );
    const position = oldest === undefined ? this.seen : oldest - 1n;
    if (position < 0n || (this.saved !== undefined && position <= this.saved)) return;
    await this.options.store.saveCheckpoint(CHECKPOINT, position);
    this.saved = position;
  }

  private report(): void {
    this.options.metrics?.minutesAwaitingSignature.set(this.awaiting.size);
  }
}
