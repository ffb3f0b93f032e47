import { collectEvents, type EventStore } from '@xb/event-store';
import { toHex } from '../canonical';
import { AUDIT_SEALS_STREAM, isSealEvent, parseSeal } from '../seal';
import {
  COUNTERPART_SEAL_HEAD_RECORDED,
  counterpartSealsStream,
  type CounterpartSealHead,
} from './counterpart-seals';

export interface CounterpartCopyFailure {
  /** TRAIL_TRUNCATED: they hold a seal of ours past our last one; the others: our seal is gone or differs. */
  readonly code: 'TRAIL_TRUNCATED' | 'COUNTERPART_HEAD_MISSING' | 'COUNTERPART_HEAD_MISMATCH';
  readonly sealId: string;
  readonly message: string;
}

export interface CounterpartCopyReport {
  readonly ok: boolean;
  /** Seal heads the counterpart holds from us that equal our seals. */
  readonly matched: number;
  /** The furthest position of ours the counterpart holds a head for. */
  readonly lastHeld: bigint | undefined;
  readonly failures: readonly CounterpartCopyFailure[];
}

/**
 * The other half of cross-anchoring: every seal head a counterpart kept from us (`counterpartseals-<us>` in
 * its store) must still be a seal in ours, at the same position with the same head and count. A trail cut
 * at its end (the last seals included), or rewritten and re-sealed, cannot keep up with a copy the
 * counterpart holds. Only seals already anchored are covered: events after the last head they hold are not.
 */
export async function compareWithCounterpartCopy(
  ours: EventStore,
  theirs: EventStore,
  agencyId: string,
): Promise<CounterpartCopyReport> {
  const seals = new Map(
    (await collectEvents(ours, [AUDIT_SEALS_STREAM])).filter(isSealEvent).map((e) => [e.id, parseSeal(e)]),
  );
  let lastClaim: bigint | undefined;
  for (const seal of seals.values())
    if (typeof seal !== 'string' && (lastClaim === undefined || seal.position > lastClaim))
      lastClaim = seal.position;
  const held = (await collectEvents(theirs, [counterpartSealsStream(agencyId)]))
    .filter(
      (e) => e.streamId === counterpartSealsStream(agencyId) && e.type === COUNTERPART_SEAL_HEAD_RECORDED,
    )
    .map((e) => e.data as CounterpartSealHead);
  const failures: CounterpartCopyFailure[] = [];
  let matched = 0;
  let lastHeld: bigint | undefined;
  for (const head of held) {
    const position = BigInt(head.position);
    if (lastHeld === undefined || position > lastHeld) lastHeld = position;
    const seal = seals.get(head.sealId);
    const theirsSays = `position ${head.position}, count ${head.eventCount}, head ${head.chainHead}`;
    if (!seal || typeof seal === 'string') {
      const cut = lastClaim === undefined || position >= lastClaim;
      const ourLast = lastClaim === undefined ? 'nothing' : `up to position ${lastClaim}`;
      failures.push({
        code: cut ? 'TRAIL_TRUNCATED' : 'COUNTERPART_HEAD_MISSING',
        sealId: head.sealId,
        message: cut
          ? `the counterpart holds our seal ${head.sealId} (${theirsSays}), but our last seal covers ${ourLast}: the trail's end was cut`
          : `the counterpart holds our seal ${head.sealId} (${theirsSays}), which our store no longer has`,
      });
    } else if (
      seal.position !== position ||
      seal.count !== head.eventCount ||
      toHex(seal.chainHead) !== head.chainHead
    ) {
      failures.push({
        code: 'COUNTERPART_HEAD_MISMATCH',
        sealId: head.sealId,
        message: `our seal ${head.sealId} says position ${seal.position}, count ${seal.count}, head ${toHex(seal.chainHead)}; the counterpart holds ${theirsSays}`,
      });
    } else matched++;
  }
  return { ok: failures.length === 0, matched, lastHeld, failures };
}
