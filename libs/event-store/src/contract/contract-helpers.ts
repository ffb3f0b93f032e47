/** Small helpers of the contract suite: unique stream names, events, and reading a subscription. */
import { randomBytes } from 'node:crypto';
import type { AllSubscription, EventToAppend, RecordedEvent } from '../port';

/** A category no other test (or earlier run against a shared server) uses. */
export function uniqueCategory(): string {
  return `ct${randomBytes(6).toString('hex')}`;
}

export function anEvent(type = 'SomethingHappened', data: unknown = { n: 1 }, id?: string): EventToAppend {
  return {
    ...(id ? { id } : {}),
    type,
    data,
    metadata: {
      correlationId: 'case-1',
      causationId: 'message-1',
      actor: 'officer:test',
      occurredAt: '2026-01-02T03:04:05.000Z',
      schemaVersion: 1,
    },
  };
}

export function numbered(count: number, type = 'Numbered'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent(type, { n }));
}

/**
 * Pulls events from a subscription with a deadline (never sleeps on hope): `take(n)` resolves with the
 * next n events or fails naming how many arrived.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<RecordedEvent>;
  private pending: Promise<IteratorResult<RecordedEvent>> | undefined;

  constructor(readonly subscription: AllSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async take(count: number, timeoutMs = 10_000): Promise<RecordedEvent[]> {
    const taken: RecordedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (taken.length < count) {
      const next = await this.nextBefore(deadline);
      if (next === 'timeout')
        throw new Error(`only ${taken.length} of ${count} events arrived in ${timeoutMs} ms`);
      if (next.done) throw new Error(`the subscription ended after ${taken.length} of ${count} events`);
      taken.push(next.value);
    }
    return taken;
  }

  private async nextBefore(deadline: number): Promise<IteratorResult<RecordedEvent> | 'timeout'> {
    this.pending ??= this.iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const result = await Promise.race([this.pending, timeout]);
    clearTimeout(timer);
    if (result !== 'timeout') this.pending = undefined;
    return result;
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }
}

export const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
