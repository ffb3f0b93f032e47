/**
 * The `thread` writer: commits on a worker thread with its own connection to the same file (WAL: the
 * store's own connection keeps reading meanwhile), so the event loop keeps sealing, opening and talking
 * to Kafka while a commit's fsync runs. One group is in flight at a time; the writes made meanwhile
 * queue up and go as the next group as soon as it returns (pipelined group commit). Nothing settles
 * before the worker's COMMIT has returned.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers';
import { Worker } from 'node:worker_threads';
import { StoreClosedError } from '../errors';
import { fromWire, type CommitWorkerData, type FromWorker, type ToWorker } from './commit-messages';
import type { StoreWrite } from './group-commit';
import type { StoreWriter } from './inline-writer';

interface PendingWrite {
  readonly write: StoreWrite;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Settles each pending write with its outcome; true if any committed. */
function settle(
  pending: readonly PendingWrite[],
  outcomes: readonly { ok: boolean; value?: unknown; error?: unknown }[],
): boolean {
  pending.forEach((p, i) => (outcomes[i].ok ? p.resolve(outcomes[i].value) : p.reject(outcomes[i].error)));
  return outcomes.some((outcome) => outcome.ok);
}

export class ThreadWriter implements StoreWriter {
  private readonly worker: Worker;
  private queue: PendingWrite[] = [];
  private inFlight?: PendingWrite[];
  private sendScheduled = false;
  /** Set once the worker is gone (or going): every later write is refused with it. */
  private stopped?: Error;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly exited: Promise<void>;

  constructor(
    data: CommitWorkerData,
    private readonly onCommit: () => void,
  ) {
    this.worker = startCommitWorker(data);
    this.worker.on('message', (answer: FromWorker) => this.answered(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.fail(new Error(`the commit worker exited with code ${code}`));
        resolve();
      });
    });
    // An idle worker must not keep the process alive; one with a commit in flight does.
    this.worker.unref();
  }

  write(write: StoreWrite): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      // The writes made during this turn of the event loop go together, as with the inline writer.
      if (!this.inFlight && !this.sendScheduled) {
        this.sendScheduled = true;
        setImmediate(() => {
          this.sendScheduled = false;
          this.send();
        });
      }
    });
  }

  private send(): void {
    if (this.inFlight || this.queue.length === 0 || this.stopped) return;
    this.inFlight = this.queue;
    this.queue = [];
    this.worker.ref();
    const message: ToWorker = { kind: 'commit', writes: this.inFlight.map((p) => p.write) };
    this.worker.postMessage(message);
  }

  private answered(answer: FromWorker): void {
    const pending = this.inFlight ?? [];
    this.inFlight = undefined;
    this.worker.unref();
    // The next group accumulated while this one was committing: it goes at once.
    this.send();
    if (answer.kind === 'failed') {
      const error = fromWire(answer.error);
      for (const p of pending) p.reject(error);
    } else {
      const outcomes = answer.outcomes.map((o) => (o.ok ? o : { ok: false, error: fromWire(o.error) }));
      if (settle(pending, outcomes)) this.onCommit();
    }
    if (!this.inFlight && this.queue.length === 0) for (const idle of this.idleWaiters.splice(0)) idle();
  }

  /** The worker died: nothing in flight or queued can be known committed, so all of it fails. */
  private fail(error: Error): void {
    this.stopped ??= error;
    for (const p of [...(this.inFlight ?? []), ...this.queue]) p.reject(this.stopped);
    this.inFlight = undefined;
    this.queue = [];
    for (const idle of this.idleWaiters.splice(0)) idle();
  }

  async close(): Promise<void> {
    if (!this.stopped) {
      this.send();
      // Writes already queued were promised a commit: they get it before the worker ends.
      if (this.inFlight || this.queue.length > 0)
        await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      this.stopped ??= new StoreClosedError();
      // Otherwise a process with nothing else to do would end before close() returns.
      this.worker.ref();
      const message: ToWorker = { kind: 'close' };
      this.worker.postMessage(message);
    }
    await this.exited;
  }
}

/**
 * From dist/ the compiled worker sits beside this file. Run from the TypeScript sources (jest, or a
 * child process under register-ts.cjs), the worker compiles its .ts on load the way register-ts.cjs
 * does for child processes.
 */
function startCommitWorker(workerData: CommitWorkerData): Worker {
  const compiled = path.join(__dirname, 'commit-worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  const register = path.join(__dirname, '..', 'testing', 'register-ts.cjs');
  const source = path.join(__dirname, 'commit-worker.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData,
  });
}
