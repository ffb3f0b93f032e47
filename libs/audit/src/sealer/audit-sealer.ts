import type { AllSubscription, EventStore } from '@xb/event-store';
import { toHex } from '../canonical';
import { extendChain, GENESIS, type ChainPoint } from '../chain';
import { AUDIT_SEALS_STREAM, buildSealEvent, isSealEvent, type SealSigner, type SealVerifier } from '../seal';
import { readLastSeal } from './last-seal';

export interface AuditSealerOptions {
  /** This node's agency id, written into (and signed with) every seal. */
  readonly agencyId: string;
  /** Seal once this many events other than seals arrived since the last seal. Default 1000. */
  readonly sealEveryEvents?: number;
  /** Also seal this often, when any event other than a seal arrived since the last seal. Default 10,000 ms. */
  readonly sealEveryMs?: number;
  /** When given, the last seal's signature is checked before the sealer resumes from it. Default: none. */
  readonly verifier?: SealVerifier;
  /** The seal event's occurredAt. Default: the system clock. */
  readonly now?: () => string;
}

/** Where the sealer stands, for monitoring and tests. */
export interface SealerProgress {
  readonly position: bigint | undefined;
  readonly chainHead: string;
  readonly count: number;
  /** Events other than seals chained since the last seal. */
  readonly pending: number;
}

/**
 * The sealer role: follows the global order, keeps the running chain and appends signed seals to
 * `audit-seals`. Its checkpoint is its last seal: on start it reads that seal (position, head, count) and
 * re-walks everything after it, the seal itself included, so a crash anywhere yields the same chain.
 * Run exactly one per store: a second one would append redundant (still valid) seals.
 */
export class AuditSealer {
  private chain: ChainPoint = GENESIS;
  private pending = 0;
  private sealing: Promise<unknown> | undefined;
  private subscription: AllSubscription | undefined;
  private timer: NodeJS.Timeout | undefined;
  private following: Promise<void> = Promise.resolve();
  /** Why a timed seal stopped the sealer; the follow loop ends with it. */
  private failure: { readonly error: unknown } | undefined;
  private readonly sealEveryEvents: number;
  private readonly sealEveryMs: number;
  private readonly now: () => string;

  constructor(
    private readonly store: EventStore,
    private readonly signer: SealSigner,
    private readonly options: AuditSealerOptions,
  ) {
    this.sealEveryEvents = options.sealEveryEvents ?? 1000;
    this.sealEveryMs = options.sealEveryMs ?? 10_000;
    this.now = options.now ?? (() => new Date().toISOString());
    if (!(this.sealEveryEvents >= 1 && this.sealEveryMs >= 1)) {
      throw new RangeError('sealEveryEvents and sealEveryMs must be at least 1');
    }
  }

  /** Resumes from the last seal and starts following; throws SealerResumeError on an untrustworthy seal. */
  async start(): Promise<void> {
    if (this.subscription) throw new Error('the sealer is already running');
    const last = await readLastSeal(this.store, this.options.agencyId, this.options.verifier);
    this.chain = last ? { head: last.chainHead, count: last.count, position: last.position } : GENESIS;
    this.pending = 0;
    this.failure = undefined;
    const subscription = this.store.subscribeToAll(last ? { after: last.position } : {});
    this.subscription = subscription;
    this.following = this.follow(subscription);
    this.following.catch(() => undefined); // observed through `done`; a stray rejection must not crash the process
    this.timer = setInterval(() => {
      if (this.pending > 0) this.sealNow().catch((error) => this.fail(error));
    }, this.sealEveryMs);
    this.timer.unref();
  }

  /** Settles when following ends: resolves after stop(), rejects with the error that stopped the sealer. */
  get done(): Promise<void> {
    return this.following;
  }

  get progress(): SealerProgress {
    const { position, head, count } = this.chain;
    return { position, chainHead: toHex(head), count, pending: this.pending };
  }

  /** Stops following without a final seal (what a crash looks like); waits for a seal in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.following.catch(() => undefined);
    await this.sealing?.catch(() => undefined);
  }

  /** Seals what has been chained so far, if anything other than seals arrived since the last seal. */
  async sealNow(): Promise<ChainPoint | undefined> {
    while (this.sealing) await this.sealing.catch(() => undefined);
    if (this.pending === 0) return undefined;
    const sealing = this.appendSeal();
    this.sealing = sealing;
    try {
      return await sealing;
    } finally {
      if (this.sealing === sealing) this.sealing = undefined;
    }
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.chain = extendChain(this.chain, event);
        if (!isSealEvent(event)) this.pending += 1;
        if (this.pending >= this.sealEveryEvents) await this.sealNow();
      }
    } finally {
      clearInterval(this.timer);
    }
    if (this.failure) throw this.failure.error;
  }

  private async appendSeal(): Promise<ChainPoint> {
    const covered = this.chain;
    const coveredPending = this.pending;
    if (covered.position === undefined) throw new Error('nothing chained to seal');
    const claim = {
      agencyId: this.options.agencyId,
      position: covered.position,
      chainHead: covered.head,
      count: covered.count,
    };
    const event = await buildSealEvent(claim, this.signer, this.now());
    await this.store.appendToStream(AUDIT_SEALS_STREAM, [event]);
    this.pending -= coveredPending;
    return covered;
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    void this.subscription?.stop();
  }
}
