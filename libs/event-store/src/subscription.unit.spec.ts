import type { RecordedEvent } from './port';
import { StoppableSubscription, Wakeup, matchesFilter } from './subscription';

const event = (streamId: string, type: string) => ({ streamId, type }) as RecordedEvent;

describe('subscription filters', () => {
  it.each([
    [undefined, 'verification-1', 'A', true],
    [{ streamPrefixes: ['verification-'] }, 'verification-1', 'A', true],
    [{ streamPrefixes: ['verification-'] }, 'exchange-1', 'A', false],
    [{ eventTypes: ['A', 'B'] }, 'exchange-1', 'B', true],
    [{ eventTypes: ['A'] }, 'exchange-1', 'AB', false],
    [{ streamPrefixes: ['exchange-'], eventTypes: ['A'] }, 'exchange-1', 'B', false],
    [{ streamPrefixes: ['exchange-'], eventTypes: ['A'] }, 'exchange-1', 'A', true],
  ])('%p on %s/%s: %p', (filter, stream, type, kept) => {
    expect(matchesFilter(filter, event(stream, type))).toBe(kept);
  });
});

describe('Wakeup', () => {
  it('ends a wait at once when notified before or during it, and when aborted', async () => {
    const wakeup = new Wakeup();
    const never = new AbortController().signal;
    wakeup.notify();
    await wakeup.wait(60_000, never);
    const waiting = wakeup.wait(60_000, never);
    wakeup.notify();
    await waiting;
    const controller = new AbortController();
    const aborted = wakeup.wait(60_000, controller.signal);
    controller.abort();
    await aborted;
  });
});

describe('StoppableSubscription', () => {
  it('ends the iteration of a generator waiting for events when stopped, and runs onStop once', async () => {
    let stops = 0;
    const wakeup = new Wakeup();
    const subscription = new StoppableSubscription(
      async function* (signal) {
        yield event('audit-1', 'A');
        while (!signal.aborted) await wakeup.wait(60_000, signal);
      },
      () => void stops++,
    );
    const seen: string[] = [];
    const iteration = (async () => {
      for await (const delivered of subscription) seen.push(delivered.streamId);
    })();
    await subscription.stop();
    await subscription.stop();
    await iteration;
    expect(seen).toEqual(['audit-1']);
    expect(stops).toBe(1);
  });
});
