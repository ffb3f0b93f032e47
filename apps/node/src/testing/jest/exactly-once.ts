// Uses jest's expect: test support only, left out of the build (tsconfig.build.json).
import { EventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { exchangeFacts } from '../exchange-facts';

/**
 * Waits (up to `timeoutMs`) for `count` receipts back at the sender, then expects every message
 * dispatched, applied, recorded and receipted exactly once: 0 lost, 0 applied twice.
 */
export async function expectExactlyOnce(
  sender: EventStore,
  receiver: EventStore,
  count: number,
  timeoutMs = 180_000,
) {
  let last: unknown;
  const facts = await waitFor(
    `${count} receipts back at the sender`,
    async () => {
      const f = await exchangeFacts(sender, receiver);
      last = { ...f, refusedAtReceiver: f.refusedAtReceiver.length };
      return f.delivered.distinct >= count ? f : undefined;
    },
    { timeoutMs, intervalMs: 500 },
  ).catch((error) => {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  });
  const once = { events: count, distinct: count };
  expect(facts.applied).toEqual(once);
  expect(facts.inboxRecords).toEqual(once);
  expect(facts.dispatched).toEqual(once);
  expect(facts.receipted).toEqual(once);
  expect(facts.delivered).toEqual(once);
  return facts;
}
