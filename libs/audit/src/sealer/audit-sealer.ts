import type { AllSubscription, EventStore, RecordedEvent } from '@xb/event-store';
import { toHex } from '../canonical';
import { extendChain, GENESIS, type ChainPoint } from '../chain';
import { AUDIT_SEALS_STREAM, buildSealEvent, isSealEvent, type SealSigner, type SealVerifier } from '../seal';
import { AuditBookkeeping } from './bookkeeping';
import { readLastSeal } from './last-seal';
import { intervalTimer, type SealTimer } from './seal-timer';

export interface AuditSealerOptions {
  /** This node's agency id, written into (and signed with) every seal. */
  readonly agencyId: string;
  /** Seal once this many events other than the trail's own bookkeeping arrived since the last seal. Default 1000. */
  readonly sealEveryEvents?: number;
  /** Also seal this often, when any event other than bookkeeping arrived since the last seal. Default 10,000 ms. */
  readonly sealEveryMs?: number;
  /** What ticks every `sealEveryMs`. Default: setInterval; tests advance a clock of their own. */
  readonly timer?: SealTimer;
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
  /** Events other than the trail's bookkeeping (AuditBookkeeping) chained since the last seal. */
  readonly pending: number;
  /** Events other than seals chained since the last seal: what a graceful stop seals. */
  readonly unsealed: number;
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
  private unsealed = 0;
  private sealing: Promise<unknown> | undefined;
  private subscription: AllSubscription | undefined;
  private ticking: { cancel(): void } | undefined;
  private readonly bookkeeping: AuditBookkeeping;
  private readonly timer: SealTimer;
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
    this.timer = options.timer ?? intervalTimer;
    this.bookkeeping = new AuditBookkeeping(store);
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
    this.unsealed = 0;
    this.failure = undefined;
    const subscription = this.store.subscribeToAll(last ? { after: last.position } : {});
    this.subscription = subscription;
    this.following = this.follow(subscription);
    this.following.catch(() => undefined); // observed through `done`; a stray rejection must not crash the process
    this.ticking = this.timer.every(this.sealEveryMs, async () => {
      if (this.pending > 0) await this.sealNow().catch((error) => this.fail(error));
    });
  }

  /** Settles when following ends: resolves after stop(), rejects with the error that stopped the sealer. */
  get done(): Promise<void> {
    return this.following;
  }

  get progress(): SealerProgress {
    const { position, head, count } = this.chain;
    return { position, chainHead: toHex(head), count, pending: this.pending, unsealed: this.unsealed };
  }

  /** Stops following without a final seal (what a crash looks like); waits for a seal in flight. */
  async stop(): Promise<void> {
    this.ticking?.cancel();
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.following.catch(() => undefined);
    await this.sealing?.catch(() => undefined);
  }

  /**
   * The graceful stop: stops following, chains what the store holds now (its writers have stopped first),
   * and seals it when anything but seals is unsealed, bookkeeping included, so that a stopped node's trail
   * ends with a seal over everything before it. A sealer that failed seals nothing more.
   */
  async stopAndSeal(): Promise<ChainPoint | undefined> {
    await this.stop();
    if (this.failure) return undefined;
    for (;;) {
      const from = this.chain.position === undefined ? {} : { fromPosition: this.chain.position + 1n };
      const page = await this.store.readAll({ ...from, maxCount: 1000 });
      for (const event of page) await this.chainEvent(event);
      if (page.length < 1000) break;
    }
    return this.sealNow();
  }

  /** Seals what has been chained so far, if anything other than seals arrived since the last seal. */
  async sealNow(): Promise<ChainPoint | undefined> {
    while (this.sealing) await this.sealing.catch(() => undefined);
    if (this.unsealed === 0) return undefined;
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
        await this.chainEvent(event);
        if (this.pending >= this.sealEveryEvents) await this.sealNow();
      }
    } finally {
      this.ticking?.cancel();
    }
    if (this.failure) throw this.failure.error;
  }

  private async chainEvent(event: RecordedEvent): Promise<void> {
    const bookkeeping = await this.bookkeeping.isBookkeeping(event);
    // Chain and count together, with no await between: a timed seal must see both or neither.
    this.chain = extendChain(this.chain, event);
    if (!isSealEvent(event)) this.unsealed += 1;
    if (!bookkeeping) this.pending += 1;
  }

  private async appendSeal(): Promise<ChainPoint> {
    const covered = this.chain;
    const coveredPending = this.pending;
    const coveredUnsealed = this.unsealed;
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
    this.unsealed -= coveredUnsealed;
    return covered;
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    void this.subscription?.stop();
  }
}
