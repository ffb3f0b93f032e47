/**
 * How the SQLite store commits its writes. `inline`: on the event loop, which waits for each fsync.
 * `thread`: on a worker thread with its own connection (thread-writer.ts).
 */
import type Database from 'better-sqlite3';
import { StoreClosedError } from '../errors';
import { TurnBatcher } from '../turn-batcher';
import { commitGroup, type StoreWrite } from './group-commit';
import type { SqliteStatements } from './statements';

export interface StoreWriter {
  /** Settles after the transaction holding the write has committed, never before. */
  write(write: StoreWrite): Promise<unknown>;
  /** Commits the writes already queued, then stops taking more. */
  close(): Promise<void>;
}

export class InlineWriter implements StoreWriter {
  private readonly batch: TurnBatcher<StoreWrite, unknown>;
  private closed = false;

  constructor(db: Database.Database, sql: SqliteStatements, onCommit: () => void) {
    // Each write in its own savepoint (commitGroup): one refused write leaves the others of its group.
    this.batch = new TurnBatcher<StoreWrite, unknown>((writes) => {
      if (this.closed) throw new StoreClosedError();
      return commitGroup(db, sql, writes);
    }, onCommit);
  }

  /**
   * Queues a write for the next group commit, on the event loop's next check phase: the writes that
   * callers make meanwhile (several relay dispatches, a gateway's commands, a checkpoint) join it.
   */
  write(write: StoreWrite): Promise<unknown> {
    return this.batch.add(write);
  }

  async close(): Promise<void> {
    // Writes already queued were promised a commit: they get it before the file closes.
    this.batch.flush();
    this.closed = true;
  }
}
