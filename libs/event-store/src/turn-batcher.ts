/**
 * Group commit on the event loop, for every SQLite file that fsyncs its writes: what callers hand in
 * during one turn of the event loop (several relay dispatches, a gateway window's commands and its
 * checkpoint, the particulars keys of one event) is committed as one batch on the next check phase
 * (`setImmediate`), so they share one transaction and one fsync instead of paying one each.
 */
import { setImmediate } from 'node:timers';

/** What one item of a batch came to once the batch's transaction committed. */
export type BatchOutcome<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

interface Queued<T, R> {
  readonly item: T;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

/** Each item of a batch committed together, with no value: for a batch that commits or fails whole. */
export const allCommitted = (items: readonly unknown[]): BatchOutcome<undefined>[] =>
  items.map(() => ({ ok: true, value: undefined }));

/**
 * Queues the items of one event-loop turn and commits them as one batch. Durability: no caller's promise
 * settles before `commit` has returned, so a caller told its item is done holds a committed (and, with
 * `synchronous=FULL`, fsynced) write.
 */
export class TurnBatcher<T, R> {
  private queue: Queued<T, R>[] = [];

  /**
   * @param commit runs the batch in one transaction and returns each item's outcome, in order: whether
   *   one refused item fails the others is the caller's choice (a savepoint per item keeps them apart).
   *   A throw means the transaction failed and none of it happened: every caller in it is rejected
   *   with that error.
   * @param committed called once the callers of a batch are settled, when at least one item committed
   *   (to wake what follows the file). Default: nothing.
   */
  constructor(
    private readonly commit: (items: readonly T[]) => readonly BatchOutcome<R>[],
    private readonly committed: () => void = () => undefined,
  ) {}

  /** Settles once the batch holding `item` has committed: with its value, or its refusal. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ item, resolve, reject });
    });
  }

  /**
   * Commits what is queued now rather than at the end of the turn: a store that closes keeps its
   * promise of a commit to the items already queued.
   */
  flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: readonly BatchOutcome<R>[];
    try {
      outcomes = this.commit(batch.map((queued) => queued.item));
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok)) this.committed();
  }
}
