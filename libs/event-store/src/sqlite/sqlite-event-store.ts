/**
 * The embedded default event store: one SQLite file in WAL mode (docs/event-store.md).
 * - Durable: synchronous=FULL, so an append that returned survives a crash or power loss.
 * - Atomic: a batch is one BEGIN IMMEDIATE transaction.
 * - Group commit: the appends and checkpoint saves made during one turn of the event loop share ONE
 *   transaction (one fsync), each in its own savepoint, so one append's refusal leaves the others alone;
 *   none of their promises settles before that transaction has committed.
 * - Several processes may append to one file: the write lock serialises them, busy_timeout waits for it.
 * - Live subscriptions wake at once on local appends and, through the signal file beside the database
 *   (`<file>-signal`, rewritten after every commit, watched with fs.watch), on other processes' appends;
 *   a slow poll stays as a safety net.
 */
import { closeSync, openSync, watch, writeSync, type FSWatcher } from 'node:fs';
import { setImmediate } from 'node:timers';
import type Database from 'better-sqlite3';
import { DuplicateEventIdError, StoreClosedError, StreamNotFoundError, type ActualRevision } from '../errors';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  FoldEvent,
  PackedEvents,
  PackedReadOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEvent,
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
import { PackedReader } from './packed';
import { openStoreFile } from './schema';
import { SqliteStatements, type EventRow, toRecordedEvent, toStoredEvent } from './statements';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created when missing. */
  readonly file: string;
  /** Largest event accepted (data + metadata bytes). Default 1 MiB. */
  readonly maxEventBytes?: number;
  /** How long an append waits for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * How often a live subscription looks for appends made by other processes when it cannot watch the
   * signal file. Default 50 ms.
   */
  readonly pollIntervalMs?: number;
  /** The same while the signal file is watched: only a safety net. Default 1000 ms. */
  readonly watchedPollIntervalMs?: number;
  /** Events a subscription reads per query while catching up. Default 500. */
  readonly pageSize?: number;
}

interface PendingWrite {
  readonly run: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

const SIGNAL_BYTE = Buffer.from([0x2e]);

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly sql: SqliteStatements;
  private readonly packed: PackedReader;
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly watchedPollIntervalMs: number;
  private readonly liveSubscriptions = new Set<Wakeup>();
  private closed = false;
  /** Writes waiting for the next group commit. */
  private queue: PendingWrite[] = [];
  private readonly signalFile?: string;
  private signalFd?: number;
  private watcher?: FSWatcher;

  /** Opens the file; throws DatabaseFileError (CORRUPT_DATABASE, FOREIGN_DATABASE, ...) if it is not ours. */
  constructor(options: SqliteEventStoreOptions) {
    this.db = openStoreFile(options.file, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    this.sql = new SqliteStatements(this.db);
    this.packed = new PackedReader(this.db);
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.watchedPollIntervalMs = options.watchedPollIntervalMs ?? 1000;
    this.pageSize = options.pageSize ?? 500;
    if (options.file !== ':memory:' && !options.file.startsWith('file:')) {
      this.signalFile = `${options.file}-signal`;
      try {
        this.signalFd = openSync(this.signalFile, 'w');
      } catch {
        // A read-only folder: other processes' appends are then seen by the poll alone.
      }
    }
  }

  /**
   * Queues a write for the next group commit, on the event loop's next check phase: the writes that
   * callers make meanwhile (several relay dispatches, a gateway's commands, a checkpoint) join it.
   */
  private write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.commitQueued());
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private commitQueued(): void {
    const writes = this.queue;
    this.queue = [];
    if (writes.length === 0) return;
    if (this.closed) {
      for (const write of writes) write.reject(new StoreClosedError());
      return;
    }
    const outcomes: { ok: boolean; value?: unknown; error?: unknown }[] = [];
    try {
      this.db
        .transaction(() => {
          for (const write of writes) {
            try {
              // A nested transaction is a savepoint: a refused write is rolled back alone.
              outcomes.push({ ok: true, value: this.db.transaction(write.run)() });
            } catch (error) {
              // An error that ended the whole transaction (I/O, disk full) fails every write.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const write of writes) write.reject(error);
      return;
    }
    // Committed (and fsynced): only now is anything acknowledged, and followers told.
    writes.forEach((write, i) =>
      outcomes[i].ok ? write.resolve(outcomes[i].value) : write.reject(outcomes[i].error),
    );
    if (outcomes.some((outcome) => outcome.ok)) this.signalCommit();
  }

  private signalCommit(): void {
    for (const wakeup of this.liveSubscriptions) wakeup.notify();
    if (this.signalFd === undefined) return;
    try {
      writeSync(this.signalFd, SIGNAL_BYTE, 0, 1, 0);
    } catch {
      // The poll still finds the append.
    }
  }

  /** Watches the signal file while live subscriptions exist: other processes' commits wake them. */
  private watchSignal(): boolean {
    if (this.watcher) return true;
    if (this.signalFile === undefined || this.signalFd === undefined) return false;
    try {
      this.watcher = watch(this.signalFile, { persistent: false }, () => {
        for (const wakeup of this.liveSubscriptions) wakeup.notify();
      });
      this.watcher.on('error', () => this.unwatchSignal());
      return true;
    } catch {
      return false;
    }
  }

  private unwatchSignal(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    const encoded = encodeBatch(stream, events, this.maxEventBytes);
    return this.write(() => this.appendInTransaction(stream, encoded, expected));
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

  async readStreamForFold(stream: string, fromRevision = 0n): Promise<FoldEvent[]> {
    this.assertOpen();
    assertStreamName(stream);
    const rows = this.sql.readStreamForFold(stream, fromRevision);
    if (rows.length === 0 && this.sql.currentRevision(stream) === 'no_stream')
      throw new StreamNotFoundError(stream);
    return rows.map((row) => ({
      revision: row.revision,
      type: row.type,
      data: JSON.parse(row.data) as unknown,
    }));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.sql.readAll(options).map(toRecordedEvent);
  }

  async readAllStored(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.sql.readAll(options).map(toStoredEvent);
  }

  async readAllPacked(options: PackedReadOptions): Promise<PackedEvents | undefined> {
    this.assertOpen();
    return this.packed.read(options);
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
        if (page.length < this.pageSize) {
          // A watch started only now may have missed a commit made since the page was read: read again.
          if (!this.watcher && this.watchSignal()) continue;
          await wakeup.wait(this.watcher ? this.watchedPollIntervalMs : this.pollIntervalMs, signal);
        }
      }
    } finally {
      this.liveSubscriptions.delete(wakeup);
      if (this.liveSubscriptions.size === 0) this.unwatchSignal();
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
    await this.write(() => this.sql.saveCheckpoint(name, position, new Date().toISOString()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Writes already queued were promised a commit: they get it before the file closes.
    this.commitQueued();
    this.closed = true;
    for (const wakeup of this.liveSubscriptions) wakeup.notify();
    this.liveSubscriptions.clear();
    this.unwatchSignal();
    if (this.signalFd !== undefined) closeSync(this.signalFd);
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
