import type { AllSubscription, RecordedEvent, SubscriptionFilter } from './port';

/** Whether an event passes a subscription filter: every given criterion must hold. */
export function matchesFilter(
  filter: SubscriptionFilter | undefined,
  event: Pick<RecordedEvent, 'streamId' | 'type'>,
): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}

/**
 * An AllSubscription over an async generator that watches an AbortSignal: `stop()` aborts it, so a
 * generator waiting for new events wakes and returns, and the consumer's `for await` ends.
 */
export class StoppableSubscription implements AllSubscription {
  private readonly controller = new AbortController();
  private started = false;

  constructor(
    private readonly run: (signal: AbortSignal) => AsyncGenerator<RecordedEvent>,
    private readonly onStop: () => Promise<void> | void = () => undefined,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.started) throw new Error('a subscription can be iterated once');
    this.started = true;
    return this.run(this.controller.signal);
  }

  async stop(): Promise<void> {
    if (this.controller.signal.aborted) return;
    this.controller.abort();
    await this.onStop();
  }
}

/** A level-triggered wake-up: `notify()` ends the current and the next `wait()`. */
export class Wakeup {
  private pending = false;
  private waiters = new Set<() => void>();

  notify(): void {
    this.pending = true;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves on notify, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
