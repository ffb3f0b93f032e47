import {
  packedEnd,
  packedIs,
  packedPosition,
  readAllStored,
  type EventStore,
  type PackedEvents,
  type ReadAllOptions,
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
  visit(walk: TrailWalk<E>, claims: SealClaimLookahead, end: bigint): Promise<void>;
}

/** The global order read as pages of events (readAll or readAllStored), `pageSize` at a time. */
export async function* eventPages<E extends StoredEvent>(
  read: (page: ReadAllOptions) => Promise<readonly E[]>,
  pageSize: number,
): AsyncGenerator<WalkPage<E>> {
  for (let from: bigint | undefined; ;) {
    const events = await read({ maxCount: pageSize, ...(from !== undefined && { fromPosition: from }) });
    const last = events.at(-1);
    if (!last) return;
    yield {
      first: events[0].position,
      last: last.position,
      async visit(walk, claims, end) {
        for (const event of events) {
          if (walk.stopped) return;
          if (event.position > end) continue;
          const passed = claims.takeUpTo(event.position);
          if (!walk.visitPlain(event, passed)) await walk.visit(event, passed);
        }
      },
    };
    if (events.length < pageSize) return;
    from = last.position + 1n;
  }
}

const SEALS_STREAM = Buffer.from(AUDIT_SEALS_STREAM, 'utf8');
const SEAL_TYPE = Buffer.from(AUDIT_SEAL_RECORDED, 'utf8');

/**
 * The global order read packed (readAllPackedAhead, else readAllPacked page after page), with HEAD_BYTES
 * of headroom: every event but a seal is hashed where it lies, no object made for it. A seal is read
 * again as a StoredEvent, so it is parsed and checked exactly as on the other paths (one in a thousand
 * events in a sealed trail).
 */
export async function* packedPages(
  store: EventStore,
  { upTo, maxCount }: { readonly upTo: bigint; readonly maxCount: number },
): AsyncGenerator<WalkPage<StoredEvent>> {
  const options = { upTo, maxCount, headroom: HEAD_BYTES };
  if (store.readAllPackedAhead) {
    for await (const packed of store.readAllPackedAhead(options)) yield packedPage(store, packed);
    return;
  }
  for (let packed = await store.readAllPacked!(options); packed;) {
    yield packedPage(store, packed);
    if (packed.count < maxCount || packed.lastPosition >= upTo) return;
    packed = await store.readAllPacked!({ ...options, fromPosition: packed.lastPosition + 1n });
  }
}

function packedPage(store: EventStore, { bytes, count, lastPosition }: PackedEvents): WalkPage<StoredEvent> {
  return {
    first: packedPosition(bytes, HEAD_BYTES),
    last: lastPosition,
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
