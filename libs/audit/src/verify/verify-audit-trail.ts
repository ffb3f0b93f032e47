import {
  readAllStored,
  type EventStore,
  type ReadAllOptions,
  type StoredEvent,
} from '@xb/event-store';
import { toHex } from '../canonical';
import type { SealVerifier } from '../seal';
import { progressOf, type VerifyProgress } from './progress';
import type { VerifyReport } from './report';
import { SealClaimLookahead } from './seal-claims';
import { TrailWalk, type EventCheck } from './trail-walk';

export interface VerifyOptions {
  /** Every seal must name this agency. Default: the agency the first seal names (one store, one agency). */
  readonly agencyId?: string;
  /**
   * The agencies a signing key belongs to, as the auditor's key sources bind them; a seal signed by a key
   * of another agency than the seal names is refused (SEAL_SIGNER_OTHER_AGENCY). Default: not checked.
   */
  readonly signerAgencies?: (fingerprint: string) => readonly string[];
  /** Events read per page of readAll. Default 5,000. */
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
  const pageSize = options.pageSize ?? 5000;
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
  // which is all the chain hashes (seals parse their own bytes).
  const { checkEvent } = options;
  const walkWith = async <E extends StoredEvent>(
    walk: TrailWalk<E>,
    read: (page: ReadAllOptions) => Promise<E[]>,
  ): Promise<TrailWalk<E>> => {
    if (end !== undefined) await walkUpTo(store, read, walk, end, pageSize, onProgress);
    return walk;
  };
  const walk = checkEvent
    ? await walkWith(new TrailWalk({ ...settings, checkEvent }), (page) => store.readAll(page))
    : await walkWith(new TrailWalk<StoredEvent>({ ...settings, checkEvent: undefined }), (page) =>
        readAllStored(store, page),
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
  read: (page: ReadAllOptions) => Promise<E[]>,
  walk: TrailWalk<E>,
  end: bigint,
  pageSize: number,
  onProgress: (progress: VerifyProgress) => void,
): Promise<void> {
  const startedAt = Date.now();
  const claims = new SealClaimLookahead(store, 1000);
  let from: bigint | undefined;
  let first: bigint | undefined;
  while (!walk.stopped) {
    const page = await read({
      maxCount: pageSize,
      ...(from !== undefined && { fromPosition: from }),
    });
    const inRange = page.filter((event) => event.position <= end);
    const last = inRange.at(-1);
    if (!last) return;
    first ??= inRange[0].position;
    await claims.listUpTo(last.position);
    await visitPage(walk, inRange, claims);
    onProgress(
      progressOf(walk.eventsChecked, startedAt, Date.now(), {
        first,
        position: walk.point.position ?? last.position,
        end,
      }),
    );
    if (page.length < pageSize || last.position >= end) return;
    from = last.position + 1n;
  }
}

async function visitPage<E extends StoredEvent>(
  walk: TrailWalk<E>,
  page: readonly E[],
  claims: SealClaimLookahead,
): Promise<void> {
  for (const event of page) {
    if (walk.stopped) return;
    const passed = claims.takeUpTo(event.position);
    if (!walk.visitPlain(event, passed)) await walk.visit(event, passed);
  }
}
