/**
 * The embedded default event store: one SQLite file in WAL mode (docs/event-store.md).
 * - Durable: synchronous=FULL, so an append that returned survives a crash or power loss.
 * - Atomic: a batch is one BEGIN IMMEDIATE transaction.
 * - Group commit: the appends and checkpoint saves made during one turn of the event loop share ONE
 *   transaction (one fsync), each in its own savepoint, so one append's refusal leaves the others alone;
 *   none of their promises settles before that transaction has committed.
 * - Commits run on the event loop, or (`writer: 'thread'`) on a worker thread with its own connection, so
 *   the event loop is not blocked by their fsync; the next group commit gathers while one is in flight.
 * - Several processes may append to one file: the write lock serialises them, busy_timeout waits for it.
 * - Live subscriptions wake at once on local appends and, through the signal file beside the database
 *   (`<file>-signal`, rewritten after every commit, watched with fs.watch), on other processes' appends;
 *   a slow poll stays as a safety net.
 */
import { closeSync, openSync, watch, writeSync, type FSWatcher } from 'node:fs';
import type Database from 'better-sqlite3';
import { StoreClosedError, StreamNotFoundError } from '../errors';
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
  TextEvent,
  SubscribeToAllOptions,
} from '../port';
import { DEFAULT_MAX_EVENT_BYTES, assertCheckpointName, assertStreamName, encodeBatch } from '../rules';
import { StoppableSubscription, Wakeup, matchesFilter } from '../subscription';
import { InlineWriter, type StoreWriter } from './inline-writer';
import { PackedReader } from './packed';
import { openStoreFile } from './schema';
import { SqliteStatements, type EventRow, toRecordedEvent, toStoredEvent, toTextEvent } from './statements';
import { ThreadWriter } from './thread-writer';

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
  /**
   * Where commits run. `inline` (default): on the event loop, which waits for each commit's fsync.
   * `thread`: on a worker thread with its own connection to the file, so the event loop keeps working
   * while a commit's fsync runs, and the next group commit gathers meanwhile. A `:memory:` store
   * (or a `file:` URI) always commits inline: a second connection would not reach the same database.
   */
  readonly writer?: 'inline' | 'thread';
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
  private commitCount = 0;
  private closed = false;
  private readonly writer: StoreWriter;
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
    const plainFile = options.file !== ':memory:' && !options.file.startsWith('file:');
    const onCommit = () => this.signalCommit();
    this.writer =
      options.writer === 'thread' && plainFile
        ? new ThreadWriter({ file: options.file, busyTimeoutMs: options.busyTimeoutMs ?? 5000 }, onCommit)
        : new InlineWriter(this.db, this.sql, onCommit);
    if (plainFile) {
      this.signalFile = `${options.file}-signal`;
      try {
        this.signalFd = openSync(this.signalFile, 'w');
      } catch {
        // A read-only folder: other processes' appends are then seen by the poll alone.
      }
    }
  }

  /** Transactions this process has committed to the file (with synchronous=FULL, one fsync each). */
  get commits(): number {
    return this.commitCount;
  }

  private signalCommit(): void {
    this.commitCount += 1;
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
    return (await this.writer.write({ kind: 'append', stream, events: encoded, expected })) as AppendResult;
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

  async readAllText(options: ReadAllOptions = {}): Promise<TextEvent[]> {
    this.assertOpen();
    return this.sql.readAllText(options).map(toTextEvent);
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
    await this.writer.write({ kind: 'checkpoint', name, position });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.close();
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
