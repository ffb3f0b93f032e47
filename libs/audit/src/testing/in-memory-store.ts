import {
  assertCheckpointName,
  checkExpectedRevision,
  DEFAULT_MAX_EVENT_BYTES,
  DuplicateEventIdError,
  encodeBatch,
  firstRevisionAfter,
  matchesFilter,
  revisionMatches,
  StoppableSubscription,
  StoreClosedError,
  StreamNotFoundError,
  Wakeup,
  assertStreamName,
  type ActualRevision,
  type AllSubscription,
  type AppendResult,
  type EncodedEvent,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '@xb/event-store';

/**
 * FOR TESTS ONLY: an in-memory EventStore that keeps the port's contract (the event-store contract suite
 * runs against it: in-memory-store.unit.spec.ts) by using the adapters' own rules, plus `tamper` hooks
 * that change stored rows behind the store's back the way an attacker with write access to the SQLite
 * file could.
 */

interface StoredRow {
  position: bigint;
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  dataBytes: Uint8Array;
  metadataBytes: Uint8Array;
  recordedAt: string;
}

function decode(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return null; // a tampered row may no longer be JSON; the chain still covers its bytes
  }
}

function toRecorded(row: StoredRow): RecordedEvent {
  return {
    ...row,
    data: decode(row.dataBytes),
    metadata: decode(row.metadataBytes) as RecordedEvent['metadata'],
    dataBytes: Uint8Array.from(row.dataBytes),
    metadataBytes: Uint8Array.from(row.metadataBytes),
  };
}

export class InMemoryEventStore implements EventStore {
  private rows: StoredRow[] = [];
  private lastPosition = 0n;
  private readonly checkpoints = new Map<string, bigint>();
  private readonly live = new Set<Wakeup>();
  private closed = false;
  /** When set, the next append to that stream throws the error: a test stand-in for lost infrastructure. */
  failNextAppend: { readonly stream: string; readonly error: Error } | undefined;

  constructor(
    private readonly pollMs = 20,
    private readonly maxEventBytes = DEFAULT_MAX_EVENT_BYTES,
  ) {}

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    if (this.failNextAppend?.stream === stream) {
      const { error } = this.failNextAppend;
      this.failNextAppend = undefined;
      throw error;
    }
    const expected = options.expectedRevision ?? 'any';
    const encoded = encodeBatch(stream, events, this.maxEventBytes);
    const retried = this.originalAppendOf(stream, encoded, expected);
    if (retried) return retried;
    const actual = this.currentRevision(stream);
    checkExpectedRevision(stream, expected, actual);
    const duplicate = encoded.find((event) => this.findEvent(stream, event.id));
    if (duplicate) throw new DuplicateEventIdError(stream, duplicate.id);
    const recordedAt = new Date().toISOString();
    let revision = firstRevisionAfter(actual);
    for (const event of encoded) {
      this.lastPosition += 1n;
      this.rows.push({ position: this.lastPosition, streamId: stream, revision, recordedAt, ...event });
      revision += 1n;
    }
    for (const wakeup of this.live) wakeup.notify();
    return { nextExpectedRevision: revision - 1n, position: this.lastPosition };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(stream);
    const rows = this.streamRows(stream);
    if (rows.length === 0) throw new StreamNotFoundError(stream);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const kept = rows.filter(
      (r) => from === undefined || (backwards ? r.revision <= from : r.revision >= from),
    );
    if (backwards) kept.reverse();
    return kept.slice(0, options.maxCount ?? Infinity).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readRows(options).map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const wakeup = new Wakeup();
    this.live.add(wakeup);
    return new StoppableSubscription(
      (signal) => this.follow(options, wakeup, signal),
      () => void this.live.delete(wakeup),
    );
  }

  async readCheckpoint(name: string): Promise<bigint | undefined> {
    this.assertOpen();
    assertCheckpointName(name);
    return this.checkpoints.get(name);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    this.assertOpen();
    assertCheckpointName(name);
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wakeup of this.live) wakeup.notify();
    this.live.clear();
  }

  /** Changes stored rows without going through the port, as an attacker with file access could. */
  readonly tamper = {
    update: (position: bigint, change: (row: StoredRow) => void): void => change(this.rowAt(position)),
    delete: (position: bigint): void => {
      this.rows = this.rows.filter((r) => r.position !== position);
    },
    /** Exchanges the positions of two rows: the global order changes, the contents do not. */
    swapPositions: (a: bigint, b: bigint): void => {
      const [rowA, rowB] = [this.rowAt(a), this.rowAt(b)];
      [rowA.position, rowB.position] = [b, a];
    },
  };

  private async *follow(
    { after = -1n, filter }: SubscribeToAllOptions,
    wakeup: Wakeup,
    signal: AbortSignal,
  ): AsyncGenerator<RecordedEvent> {
    let last = after;
    try {
      while (!signal.aborted && !this.closed) {
        const page = this.readRows({ fromPosition: last + 1n, maxCount: 500 });
        for (const row of page) {
          if (signal.aborted) return;
          last = row.position;
          if (matchesFilter(filter, row)) yield toRecorded(row);
        }
        if (page.length < 500) await wakeup.wait(this.pollMs, signal);
      }
    } finally {
      this.live.delete(wakeup);
    }
  }

  /** An exact retry of an append already stored (same ids, back to back, where `expected` put them). */
  private originalAppendOf(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    const stored = events.map((event) => this.findEvent(stream, event.id));
    const first = stored[0];
    if (!first) return undefined;
    const before: ActualRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
    if (!revisionMatches(expected, before) && expected !== 'stream_exists') return undefined;
    if (stored.some((row, i) => row?.revision !== first.revision + BigInt(i))) return undefined;
    const last = stored[stored.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private readRows(options: ReadAllOptions): StoredRow[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    const kept = this.sorted().filter(
      (r) => from === undefined || (backwards ? r.position <= from : r.position >= from),
    );
    if (backwards) kept.reverse();
    return kept.slice(0, options.maxCount ?? Infinity);
  }

  private findEvent(stream: string, id: string): StoredRow | undefined {
    return this.rows.find((r) => r.streamId === stream && r.id === id);
  }

  private currentRevision(stream: string): ActualRevision {
    return this.streamRows(stream).at(-1)?.revision ?? 'no_stream';
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  private rowAt(position: bigint): StoredRow {
    const row = this.rows.find((r) => r.position === position);
    if (!row) throw new Error(`no row at position ${position}`);
    return row;
  }

  private sorted(): StoredRow[] {
    return [...this.rows].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  private streamRows(stream: string): StoredRow[] {
    return this.rows.filter((r) => r.streamId === stream).sort((a, b) => (a.revision < b.revision ? -1 : 1));
  }
}
