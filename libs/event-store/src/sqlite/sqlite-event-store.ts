/**
 * The embedded default event store: one SQLite file in WAL mode (docs/event-store.md).
 * - Durable: synchronous=FULL, so an append that returned survives a crash or power loss.
 * - Atomic: a batch is one BEGIN IMMEDIATE transaction.
 * - Several processes may append to one file: the write lock serialises them, busy_timeout waits for it.
 * - Live subscriptions poll the table (appends from other processes) and wake at once on local appends.
 */
import type Database from 'better-sqlite3';
import { DuplicateEventIdError, StoreClosedError, StreamNotFoundError, type ActualRevision } from '../errors';
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
} from '../port';
import {
  DEFAULT_MAX_EVENT_BYTES,
  assertCheckpointName,
  assertStreamName,
  checkExpectedRevision,
  encodeBatch,
  firstRevisionAfter,
  revisionMatches,
  type EncodedEvent,
} from '../rules';
import { StoppableSubscription, Wakeup, matchesFilter } from '../subscription';
import { openStoreFile } from './schema';
import { SqliteStatements, type EventRow, toRecordedEvent } from './statements';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created when missing. */
  readonly file: string;
  /** Largest event accepted (data + metadata bytes). Default 1 MiB. */
  readonly maxEventBytes?: number;
  /** How long an append waits for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** How often a live subscription looks for appends made by other processes. Default 50 ms. */
  readonly pollIntervalMs?: number;
  /** Events a subscription reads per query while catching up. Default 500. */
  readonly pageSize?: number;
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly sql: SqliteStatements;
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly liveSubscriptions = new Set<Wakeup>();
  private closed = false;

  /** Opens the file; throws DatabaseFileError (CORRUPT_DATABASE, FOREIGN_DATABASE, ...) if it is not ours. */
  constructor(options: SqliteEventStoreOptions) {
    this.db = openStoreFile(options.file, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    this.sql = new SqliteStatements(this.db);
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.pageSize = options.pageSize ?? 500;
  }

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    const encoded = encodeBatch(stream, events, this.maxEventBytes);
    const result = this.db.transaction(() => this.appendInTransaction(stream, encoded, expected)).immediate();
    for (const wakeup of this.liveSubscriptions) wakeup.notify();
    return result;
  }

  private appendInTransaction(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const actual = this.sql.currentRevision(stream);
    const retried = this.originalAppendOf(stream, events, expected);
    if (retried) return retried;
    checkExpectedRevision(stream, expected, actual);
    const duplicate = events.find((event) => this.sql.findEvent(stream, event.id));
    if (duplicate) throw new DuplicateEventIdError(stream, duplicate.id);
    const recordedAt = new Date().toISOString();
    let revision = firstRevisionAfter(actual);
    let position = 0n;
    for (const event of events) {
      position = this.sql.insert(stream, revision, event, recordedAt);
      revision += 1n;
    }
    return { nextExpectedRevision: revision - 1n, position };
  }

  /**
   * Idempotent retry (as EventStoreDB does): the same ids, in the same order, already stored back to back
   * where `expected` puts them. Returns the original append's result; undefined if this is no such retry.
   */
  private originalAppendOf(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    const first = this.sql.findEvent(stream, events[0].id);
    if (!first) return undefined;
    const before: ActualRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
    if (!revisionMatches(expected, before) && expected !== 'stream_exists') return undefined;
    let last = first;
    for (let i = 1; i < events.length; i++) {
      const row = this.sql.findEvent(stream, events[i].id);
      if (!row || row.revision !== first.revision + BigInt(i)) return undefined;
      last = row;
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(stream);
    const rows = this.sql.readStream(stream, options);
    if (rows.length === 0 && this.sql.currentRevision(stream) === 'no_stream')
      throw new StreamNotFoundError(stream);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.sql.readAll(options).map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const wakeup = new Wakeup();
    this.liveSubscriptions.add(wakeup);
    const follow = this.follow.bind(this);
    return new StoppableSubscription(
      (signal) => follow(options, wakeup, signal),
      () => void this.liveSubscriptions.delete(wakeup),
    );
  }

  private async *follow(
    { after = -1n, filter }: SubscribeToAllOptions,
    wakeup: Wakeup,
    signal: AbortSignal,
  ): AsyncGenerator<RecordedEvent> {
    let last = after;
    try {
      while (!signal.aborted && !this.closed) {
        const page: EventRow[] = this.sql.readAll({ fromPosition: last + 1n, maxCount: this.pageSize });
        for (const row of page) {
          if (signal.aborted) return;
          last = row.position;
          // Filter on the row, before parsing any JSON: followers often want a small part of the order.
          if (matchesFilter(filter, { streamId: row.stream_id, type: row.type })) yield toRecordedEvent(row);
        }
        if (page.length < this.pageSize) await wakeup.wait(this.pollIntervalMs, signal);
      }
    } finally {
      this.liveSubscriptions.delete(wakeup);
    }
  }

  async readCheckpoint(name: string): Promise<bigint | undefined> {
    this.assertOpen();
    assertCheckpointName(name);
    return this.sql.readCheckpoint(name);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    this.assertOpen();
    assertCheckpointName(name);
    this.sql.saveCheckpoint(name, position, new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wakeup of this.liveSubscriptions) wakeup.notify();
    this.liveSubscriptions.clear();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
