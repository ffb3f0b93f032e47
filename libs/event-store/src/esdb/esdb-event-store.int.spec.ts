import { describeEventStoreContract } from '../contract/event-store.contract.spec';
import { SubscriptionReader, numbered, uniqueCategory } from '../contract/contract-helpers';
import { EsdbStandIn } from '../esdb-stand-in';
import { EsdbEventStore } from './esdb-event-store';

let standIn: EsdbStandIn;
beforeAll(async () => {
  standIn = await EsdbStandIn.start();
});
afterAll(async () => {
  await standIn.stop();
});

describeEventStoreContract('EventStoreDB adapter against the loopback stand-in', async () => {
  return new EsdbEventStore({ connectionString: standIn.connectionString });
});

describe('EventStoreDB adapter: a live subscription across lost connections', () => {
  it('resubscribes after the last delivered position and sees every event exactly once, in order', async () => {
    const store = new EsdbEventStore({
      connectionString: standIn.connectionString,
      resubscribe: { minDelayMs: 20, maxDelayMs: 200 },
    });
    const category = uniqueCategory();
    const start = await store.appendToStream(`${category}-0`, numbered(1));
    await store.appendToStream(`${category}-1`, numbered(3));
    const reader = new SubscriptionReader(
      store.subscribeToAll({ after: start.position, filter: { streamPrefixes: [`${category}-`] } }),
    );
    const served = standIn.subscriptionsServed;
    try {
      const before = await reader.take(3);
      await standIn.dropConnections();
      await store.appendToStream(`${category}-2`, numbered(2));
      const afterFirstDrop = await reader.take(2);
      await standIn.dropConnections();
      await store.appendToStream(`${category}-3`, numbered(1));
      const after = [...afterFirstDrop, ...(await reader.take(1))];
      expect(standIn.subscriptionsServed - served).toBe(3);
      expect([...before, ...after].map((e) => `${e.streamId}@${e.revision}`)).toEqual([
        `${category}-1@0`,
        `${category}-1@1`,
        `${category}-1@2`,
        `${category}-2@0`,
        `${category}-2@1`,
        `${category}-3@0`,
      ]);
      await store.appendToStream(`${category}-4`, numbered(1));
      const [next] = await reader.take(1);
      expect(next.streamId).toBe(`${category}-4`);
    } finally {
      await reader.stop();
      await store.close();
    }
  });
});
