/**
 * Snapshots of long streams, in memory: the state a fold reached and the revision it reached it at, so
 * the next load of the stream reads and folds only what was appended since (by this process or any
 * other: the store is always read up to its end). Deciders are pure (libs/domain decider.ts), so a
 * state folded once can be folded further any number of times. Kept per store and per decider, least
 * recently used first out; a stream shorter than `minEvents` is folded from its start, as it is cheap.
 */
import type { EventStore } from '../port';

export interface Snapshot<S> {
  readonly state: S;
  readonly revision: bigint;
}

export interface SnapshotOptions {
  /** Streams with fewer events are not kept. Default 50. */
  readonly minEvents: number;
  /** Snapshots kept per store. Default 2,000. */
  readonly maxEntries: number;
}

export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = { minEvents: 50, maxEntries: 2_000 };

interface Entry {
  readonly decider: object;
  readonly snapshot: Snapshot<unknown>;
}

export class SnapshotCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS) {}

  get<S>(decider: object, streamId: string): Snapshot<S> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.decider !== decider) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.snapshot as Snapshot<S>;
  }

  /** Keeps the state at `revision` when the stream is long enough, replacing an older snapshot only. */
  put<S>(decider: object, streamId: string, snapshot: Snapshot<S>): void {
    if (snapshot.revision + 1n < BigInt(this.options.minEvents)) return;
    const known = this.entries.get(streamId);
    if (known && known.decider === decider && known.snapshot.revision >= snapshot.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { decider, snapshot });
    if (this.entries.size > this.options.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<EventStore, SnapshotCache>();

/** The snapshots of one store (one cache per store object, dropped with it). */
export function snapshotsOf(store: EventStore): SnapshotCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new SnapshotCache();
    caches.set(store, cache);
  }
  return cache;
}
