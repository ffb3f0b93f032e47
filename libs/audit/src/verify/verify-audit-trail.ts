import { readAllStored, type EventStore, type ReadAllOptions, type StoredEvent } from '@xb/event-store';
import { HEAD_BYTES, toHex } from '../canonical';
import type { SealVerifier } from '../seal';
import { progressOf, type VerifyProgress } from './progress';
import type { VerifyReport } from './report';
import { SealClaimLookahead } from './seal-claims';
import { TrailWalk, type EventCheck } from './trail-walk';
import { eventPage, packedPage, type WalkPage } from './walk-pages';

export interface VerifyOptions {
  /** Every seal must name this agency. Default: the agency the first seal names (one store, one agency). */
  readonly agencyId?: string;
  /**
   * The agencies a signing key belongs to, as the auditor's key sources bind them; a seal signed by a key
   * of another agency than the seal names is refused (SEAL_SIGNER_OTHER_AGENCY). Default: not checked.
   */
  readonly signerAgencies?: (fingerprint: string) => readonly string[];
  /**
   * Events read per page. Default 5,000, or 1,000 when the store reads packed (readAllPacked: a page is
   * one buffer, and larger ones cost more to build than they save).
   */
  readonly pageSize?: number;
  /** Extra check of each event (e.g. stored envelope signatures). Default: none. */
  readonly checkEvent?: EventCheck;
  /**
   * Report any missing position as POSITION_GAP. Only for stores whose positions have no gaps of their
   * own (the SQLite adapter's autoincrement); EventStoreDB positions are log offsets. Default false.
   */
  readonly contiguousPositions?: boolean;
  /**
   * Stop after this many failures. Default 1: the first bad position. A chain mismatch always stops the
   * walk, since every later seal would then mismatch too.
   */
  readonly maxFailures?: number;
  /** Called once per page. Default: none. */
  readonly onProgress?: (progress: VerifyProgress) => void;
}

/**
 * Re-walks the global order from the start up to the last position that existed when it began,
 * recomputes the chain, checks every seal's position, head, count and signature against it, and runs
 * the per-event check. See docs/audit.md for what an ok report proves and what it does not.
 */
export async function verifyAuditTrail(
  store: EventStore,
  verifier: SealVerifier,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const startedAt = Date.now();
  const settings = {
    verifier,
    agencyId: options.agencyId,
    signerAgencies: options.signerAgencies,
    contiguousPositions: options.contiguousPositions ?? false,
    maxFailures: options.maxFailures ?? 1,
  };
  const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  const end = newest?.position;
  const onProgress = (progress: VerifyProgress) => options.onProgress?.(progress);
  // A per-event check is handed the parsed event; without one the walk reads the stored bytes alone,
  // which is all the chain hashes (seals parse their own bytes): packed when the store can (SQLite).
  const { checkEvent } = options;
  const walkWith = async <E extends StoredEvent>(
    walk: TrailWalk<E>,
    readPage: (from: bigint | undefined) => Promise<WalkPage<E> | undefined>,
  ): Promise<TrailWalk<E>> => {
    if (end !== undefined) await walkUpTo(store, readPage, walk, end, onProgress);
    return walk;
  };
  const packed = !checkEvent && store.readAllPacked !== undefined;
  const pageSize = options.pageSize ?? (packed ? 1000 : 5000);
  const fromOn = (from: bigint | undefined): ReadAllOptions & { maxCount: number } => ({
    maxCount: pageSize,
    ...(from !== undefined && { fromPosition: from }),
  });
  const plain = (): TrailWalk<StoredEvent> => new TrailWalk({ ...settings, checkEvent: undefined });
  const walk = checkEvent
    ? await walkWith(new TrailWalk({ ...settings, checkEvent }), async (from) =>
        eventPage(await store.readAll(fromOn(from)), pageSize),
      )
    : packed
      ? await walkWith(plain(), async (from) =>
          packedPage(store, await store.readAllPacked!({ ...fromOn(from), headroom: HEAD_BYTES }), pageSize),
        )
      : await walkWith(plain(), async (from) =>
          eventPage(await readAllStored(store, fromOn(from)), pageSize),
        );
  const durationMs = Date.now() - startedAt;
  return {
    ok: walk.failures.length === 0,
    failures: walk.failures,
    eventsChecked: walk.eventsChecked,
    sealsChecked: walk.sealsChecked,
    agencyId: walk.agencyId,
    signers: [...walk.signers],
    endPosition: end,
    chainHead: toHex(walk.point.head),
    lastSeal: walk.lastSeal,
    unsealedEvents: walk.unsealedEvents,
    durationMs,
    eventsPerSecond: walk.eventsChecked / (Math.max(durationMs, 1) / 1000),
  };
}

/** The same function under the name the issue uses. */
export const verify = verifyAuditTrail;

async function walkUpTo<E extends StoredEvent>(
  store: EventStore,
  readPage: (from: bigint | undefined) => Promise<WalkPage<E> | undefined>,
  walk: TrailWalk<E>,
  end: bigint,
  onProgress: (progress: VerifyProgress) => void,
): Promise<void> {
  const startedAt = Date.now();
  const claims = new SealClaimLookahead(store, 1000);
  let from: bigint | undefined;
  let first: bigint | undefined;
  while (!walk.stopped) {
    const page = await readPage(from);
    if (!page || page.first > end) return;
    first ??= page.first;
    const last = page.last < end ? page.last : end;
    await claims.listUpTo(last);
    await page.visit(walk, claims, end);
    onProgress(
      progressOf(walk.eventsChecked, startedAt, Date.now(), {
        first,
        position: walk.point.position ?? last,
        end,
      }),
    );
    if (!page.full || page.last >= end) return;
    from = page.last + 1n;
  }
}
