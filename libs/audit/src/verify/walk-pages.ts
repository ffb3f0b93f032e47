import {
  packedEnd,
  packedIs,
  packedPosition,
  readAllStored,
  type EventStore,
  type PackedEvents,
  type StoredEvent,
} from '@xb/event-store';
import { HEAD_BYTES } from '../canonical';
import { AUDIT_SEAL_RECORDED, AUDIT_SEALS_STREAM } from '../seal';
import type { SealClaimLookahead } from './seal-claims';
import type { TrailWalk } from './trail-walk';

/** One page of the global order as a walk reads it, visited up to the walk's end. */
export interface WalkPage<E extends StoredEvent> {
  readonly first: bigint;
  readonly last: bigint;
  /** The store had as many events as asked for: there may be more after `last`. */
  readonly full: boolean;
  visit(walk: TrailWalk<E>, claims: SealClaimLookahead, end: bigint): Promise<void>;
}

/** A page read as events (readAll or readAllStored). */
export function eventPage<E extends StoredEvent>(
  events: readonly E[],
  pageSize: number,
): WalkPage<E> | undefined {
  const last = events.at(-1);
  if (!last) return undefined;
  return {
    first: events[0].position,
    last: last.position,
    full: events.length >= pageSize,
    async visit(walk, claims, end) {
      for (const event of events) {
        if (walk.stopped) return;
        if (event.position > end) continue;
        const passed = claims.takeUpTo(event.position);
        if (!walk.visitPlain(event, passed)) await walk.visit(event, passed);
      }
    },
  };
}

const SEALS_STREAM = Buffer.from(AUDIT_SEALS_STREAM, 'utf8');
const SEAL_TYPE = Buffer.from(AUDIT_SEAL_RECORDED, 'utf8');

/**
 * A page read packed (readAllPacked, with HEAD_BYTES of headroom): every event but a seal is hashed
 * where it lies, no object made for it. A seal is read again as a StoredEvent, so it is parsed and
 * checked exactly as on the other paths (one in a thousand events in a sealed trail).
 */
export function packedPage(
  store: EventStore,
  packed: PackedEvents | undefined,
  pageSize: number,
): WalkPage<StoredEvent> | undefined {
  if (!packed) return undefined;
  const { bytes, count } = packed;
  return {
    first: packedPosition(bytes, HEAD_BYTES),
    last: packed.lastPosition,
    full: count >= pageSize,
    async visit(walk, claims, end) {
      let next = 0;
      for (let visited = 0; visited < count; visited += 1) {
        if (walk.stopped) return;
        const start = next;
        const fields = start + HEAD_BYTES;
        next = packedEnd(bytes, fields);
        const position = packedPosition(bytes, fields);
        if (position > end) continue;
        const passed = claims.takeUpTo(position);
        if (packedIs(bytes, fields, SEALS_STREAM, SEAL_TYPE))
          await walk.visit(await readSeal(store, position), passed);
        else walk.visitPacked(position, bytes.subarray(start, next), passed);
      }
    },
  };
}

async function readSeal(store: EventStore, position: bigint): Promise<StoredEvent> {
  const [event] = await readAllStored(store, { fromPosition: position, maxCount: 1 });
  // Events are never removed by the store: a seal gone between two reads is the file edited under the walk.
  if (event?.position !== position)
    throw new Error(`the seal at position ${position} vanished during the walk`);
  return event;
}
