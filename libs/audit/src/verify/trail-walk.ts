import type { RecordedEvent, StoredEvent } from '@xb/event-store';
import { toHex } from '../canonical';
import { extendChain, extendChainInPlace, GENESIS, type ChainPoint } from '../chain';
import { isSealEvent, type SealVerifier } from '../seal';
import type { VerifiedSeal, VerifyFailure } from './report';
import { checkSeal, type Snapshot } from './seal-check';

/**
 * A per-event check the caller plugs in (e.g. "every stored envelope's signature verifies"). Returns a
 * reason when the event is bad, undefined when it is fine.
 */
export type EventCheck = (event: RecordedEvent) => Promise<string | undefined> | string | undefined;

/**
 * What a walk reads of each event: the stored bytes alone (StoredEvent) when no per-event check needs
 * the parsed event, the whole RecordedEvent when one does.
 */
export interface WalkSettings<E extends StoredEvent = StoredEvent> {
  readonly verifier: SealVerifier;
  readonly agencyId: string | undefined;
  readonly signerAgencies: ((fingerprint: string) => readonly string[]) | undefined;
  readonly checkEvent: ((event: E) => ReturnType<EventCheck>) | undefined;
  readonly contiguousPositions: boolean;
  readonly maxFailures: number;
}

/** The state of one verification walk over the global order, one event at a time. */
export class TrailWalk<E extends StoredEvent = StoredEvent> {
  point: ChainPoint = GENESIS;
  eventsChecked = 0;
  sealsChecked = 0;
  lastSeal: VerifiedSeal | undefined;
  /** The agency every seal must name: given, else the first seal's. */
  agencyId: string | undefined;
  readonly signers = new Set<string>();
  /**
   * Events other than seals chained after the last verified seal's position. A seal needs no seal: it is
   * signed itself, so a trail that ends with its final seal has no unsealed tail.
   */
  unsealedEvents = 0;
  /** Events other than seals chained so far, and that count at each claimed position. */
  private nonSeals = 0;
  private readonly nonSealsAt = new Map<bigint, number>();
  readonly failures: VerifyFailure[] = [];
  /** Set by a failure after which the recomputed chain can no longer be compared with later seals. */
  private broken = false;
  private readonly snapshots = new Map<bigint, Snapshot>();

  constructor(private readonly settings: WalkSettings<E>) {
    this.agencyId = settings.agencyId;
  }

  get stopped(): boolean {
    return this.broken || this.failures.length >= this.settings.maxFailures;
  }

  /** Checks one event in global order, then chains it and remembers the head at `claimsPassed`. */
  async visit(event: E, claimsPassed: readonly bigint[]): Promise<void> {
    if (!this.checkOrder(event.position)) return;
    const seal = isSealEvent(event);
    if (seal) await this.checkSealEvent(event);
    const refusal = await this.settings.checkEvent?.(event);
    if (refusal !== undefined) {
      this.fail({
        code: 'EVENT_CHECK_FAILED',
        position: event.position,
        message: `event at position ${event.position}: ${refusal}`,
      });
    }
    this.chain(event, seal, claimsPassed);
  }

  /**
   * `visit` without a promise, for the bulk of a walk: an event that is not a seal, when no per-event
   * check is plugged in, needs nothing awaited, and a promise per event costs as much as its hashing.
   * Returns false, having done nothing, for an event that needs `visit`.
   */
  visitPlain(event: E, claimsPassed: readonly bigint[]): boolean {
    if (this.settings.checkEvent || isSealEvent(event)) return false;
    if (this.checkOrder(event.position)) this.chain(event, false, claimsPassed);
    return true;
  }

  /**
   * `visitPlain` for an event read packed (readAllPacked): `record` is the chain's room for the previous
   * head, then the event's canonical bytes, hashed where they lie. The caller sends seals to `visit`.
   */
  visitPacked(position: bigint, record: Buffer, claimsPassed: readonly bigint[]): void {
    if (this.checkOrder(position))
      this.advance(extendChainInPlace(this.point, position, record), false, claimsPassed);
  }

  private chain(event: E, seal: boolean, claimsPassed: readonly bigint[]): void {
    this.advance(extendChain(this.point, event), seal, claimsPassed);
  }

  private advance(point: ChainPoint, seal: boolean, claimsPassed: readonly bigint[]): void {
    this.point = point;
    const { position } = point;
    this.eventsChecked += 1;
    if (!seal) {
      this.nonSeals += 1;
      this.unsealedEvents += 1;
    }
    for (const claim of claimsPassed) {
      this.snapshots.set(claim, claim === position ? this.point : 'absent');
      this.nonSealsAt.set(claim, this.nonSeals);
    }
  }

  private checkOrder(at: bigint): boolean {
    const previous = this.point.position;
    if (previous === undefined) return true;
    if (at <= previous) {
      const message = `position ${at} follows position ${previous}: the store's global order is broken`;
      this.fail({ code: 'POSITION_ORDER', position: at, message }, true);
      return false;
    }
    if (this.settings.contiguousPositions && at !== previous + 1n) {
      const message = `positions after ${previous} up to ${at - 1n} are missing: events were removed`;
      this.fail({ code: 'POSITION_GAP', position: at, message, range: { after: previous, upTo: at - 1n } });
    }
    return true;
  }

  private async checkSealEvent(event: E): Promise<void> {
    const result = await checkSeal(event, {
      verifier: this.settings.verifier,
      agencyId: this.agencyId,
      signerAgencies: this.settings.signerAgencies,
      lastGoodClaim: this.lastSeal?.position,
      takeSnapshot: (position) => {
        const snapshot = this.snapshots.get(position);
        this.snapshots.delete(position);
        return snapshot;
      },
    });
    if (!result.ok) return this.fail(result.failure, result.breaksChain);
    const { seal } = result;
    this.agencyId ??= seal.agencyId;
    this.signers.add(seal.signerFingerprint.toLowerCase());
    this.sealsChecked += 1;
    this.lastSeal = {
      sealPosition: event.position,
      position: seal.position,
      chainHead: toHex(seal.chainHead),
      count: seal.count,
      signerFingerprint: seal.signerFingerprint,
    };
    this.unsealedEvents = this.nonSeals - (this.nonSealsAt.get(seal.position) ?? this.nonSeals);
    this.nonSealsAt.delete(seal.position);
  }

  private fail(failure: VerifyFailure, breaksChain = false): void {
    if (this.stopped) return;
    this.failures.push(failure);
    if (breaksChain) this.broken = true;
  }
}
