/**
 * How the SQLite store commits its writes. `inline`: on the event loop, which waits for each fsync.
 * `thread`: on a worker thread with its own connection (thread-writer.ts).
 */
import { setImmediate } from 'node:timers';
import type Database from 'better-sqlite3';
import { StoreClosedError } from '../errors';
import { commitGroup, type StoreWrite } from './group-commit';
import type { SqliteStatements } from './statements';

export interface StoreWriter {
  /** Settles after the transaction holding the write has committed, never before. */
  write(write: StoreWrite): Promise<unknown>;
  /** Commits the writes already queued, then stops taking more. */
  close(): Promise<void>;
}

export interface PendingWrite {
  readonly write: StoreWrite;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Settles each pending write with its outcome; true if any committed. */
export function settle(
  pending: readonly PendingWrite[],
  outcomes: readonly { ok: boolean; value?: unknown; error?: unknown }[],
): boolean {
  pending.forEach((p, i) => (outcomes[i].ok ? p.resolve(outcomes[i].value) : p.reject(outcomes[i].error)));
  return outcomes.some((outcome) => outcome.ok);
}

export class InlineWriter implements StoreWriter {
  /** Writes waiting for the next group commit. */
  private queue: PendingWrite[] = [];
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: SqliteStatements,
    private readonly onCommit: () => void,
  ) {}

  /**
   * Queues a write for the next group commit, on the event loop's next check phase: the writes that
   * callers make meanwhile (several relay dispatches, a gateway's commands, a checkpoint) join it.
   */
  write(write: StoreWrite): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.commitQueued());
      this.queue.push({ write, resolve, reject });
    });
  }

  private commitQueued(): void {
    const pending = this.queue;
    this.queue = [];
    if (pending.length === 0) return;
    if (this.closed) {
      for (const p of pending) p.reject(new StoreClosedError());
      return;
    }
    let outcomes;
    try {
      outcomes = commitGroup(
        this.db,
        this.sql,
        pending.map((p) => p.write),
      );
    } catch (error) {
      for (const p of pending) p.reject(error);
      return;
    }
    // Committed (and fsynced): only now is anything acknowledged, and followers told.
    if (settle(pending, outcomes)) this.onCommit();
  }

  async close(): Promise<void> {
    // Writes already queued were promised a commit: they get it before the file closes.
    this.commitQueued();
    this.closed = true;
  }
}
