import { randomUUID } from 'node:crypto';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '@xb/event-store';
// The adapter's own errors, so that code which recognises them (handleCommand) works over this store too.
import { StreamNotFoundError, WrongExpectedRevisionError } from '@xb/event-store';

/**
 * FOR TESTS ONLY: a small in-memory EventStore with the port's semantics as far as the audit lib needs
 * them, plus `tamper` hooks that change stored rows behind the store's back the way an attacker with
 * write access to the SQLite file could.
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

interface FollowControl {
  stopped: boolean;
  wake: (() => void) | undefined;
}

const encode = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

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
  private readonly waiters = new Set<() => void>();
  /** When set, the next append to that stream throws the error: a test stand-in for lost infrastructure. */
  failNextAppend: { readonly stream: string; readonly error: Error } | undefined;

  constructor(private readonly pollMs = 20) {}

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (this.failNextAppend?.stream === stream) {
      const { error } = this.failNextAppend;
      this.failNextAppend = undefined;
      throw error;
    }
    const current = this.streamRows(stream).at(-1)?.revision;
    this.checkExpected(stream, current, options.expectedRevision ?? 'any');
    let revision = current ?? -1n;
    for (const event of events) {
      revision += 1n;
      this.lastPosition += 1n;
      this.rows.push({
        position: this.lastPosition,
        streamId: stream,
        revision,
        id: event.id ?? randomUUID(),
        type: event.type,
        dataBytes: encode(event.data),
        metadataBytes: encode(event.metadata),
        recordedAt: new Date().toISOString(),
      });
    }
    for (const wake of this.waiters) wake();
    return { nextExpectedRevision: revision, position: this.lastPosition };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
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
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    const kept = this.sorted().filter(
      (r) => from === undefined || (backwards ? r.position <= from : r.position >= from),
    );
    if (backwards) kept.reverse();
    return kept.slice(0, options.maxCount ?? Infinity).map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const control: FollowControl = { stopped: false, wake: undefined };
    const iterator = this.follow(options, control);
    return {
      [Symbol.asyncIterator]: () => iterator,
      stop: async () => {
        control.stopped = true;
        control.wake?.();
      },
    };
  }

  async readCheckpoint(name: string): Promise<bigint | undefined> {
    return this.checkpoints.get(name);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {}

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
    options: SubscribeToAllOptions,
    control: FollowControl,
  ): AsyncGenerator<RecordedEvent> {
    const prefixes = options.filter?.streamPrefixes;
    const types = options.filter?.eventTypes;
    let after = options.after ?? 0n;
    while (!control.stopped) {
      const batch = await this.readAll({ fromPosition: after + 1n, maxCount: 500 });
      for (const event of batch) {
        if (control.stopped) return;
        after = event.position;
        if (prefixes && !prefixes.some((p) => event.streamId.startsWith(p))) continue;
        if (types && !types.includes(event.type)) continue;
        yield event;
      }
      if (batch.length === 0) await this.pause((resume) => (control.wake = resume));
    }
  }

  private pause(register: (resume: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const resume = (): void => {
        clearTimeout(timer);
        this.waiters.delete(resume);
        resolve();
      };
      const timer = setTimeout(resume, this.pollMs);
      this.waiters.add(resume);
      register(resume);
    });
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

  private checkExpected(stream: string, current: bigint | undefined, expected: ExpectedRevision): void {
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && current === expected);
    if (!ok) throw new WrongExpectedRevisionError(stream, expected, current ?? 'no_stream');
  }
}
