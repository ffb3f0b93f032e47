import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EsdbEventStore, EventStore, SqliteEventStore } from '@xb/event-store';
import { EsdbStandIn } from '../../event-store/src/esdb-stand-in';
import { waitFor } from '@xb/testing';
import { Lease, LeasedWork } from './lease';

/** The gateway lease on both event stores: one holder at a time, takeover after the term, clock injected. */
const TTL = 10_000;

describe.each([
  ['SQLite', 'sqlite'],
  ['EventStoreDB (loopback stand-in)', 'esdb'],
])('lease in the event store: %s', (_name, kind) => {
  let dir: string;
  let standIn: EsdbStandIn | undefined;
  let store: EventStore;
  let now: number;
  let name: string;
  const clock = () => new Date(now);
  const lease = (holder: string) => new Lease({ store, name, holder, ttlMs: TTL, clock });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-lease-'));
    if (kind === 'esdb') standIn = await EsdbStandIn.start();
  });
  beforeEach(() => {
    store = standIn
      ? new EsdbEventStore({ connectionString: standIn.connectionString })
      : new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    now = Date.parse('2031-03-01T08:00:00Z');
    name = `gateway${Math.random().toString(36).slice(2, 8)}`;
  });
  afterEach(() => store.close());
  afterAll(async () => {
    await standIn?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is held by one process until its term passes, then taken over', async () => {
    const [a, b] = [lease('gw-a'), lease('gw-b')];
    expect(await a.tryHold()).toBe(true);
    expect(await b.tryHold()).toBe(false);
    now += TTL - 1;
    expect(await a.tryHold()).toBe(true); // renewed: the term runs from now
    now += TTL - 1;
    expect([a.held(), await b.tryHold(), await b.holder()]).toEqual([true, false, 'gw-a']);
    now += 2; // a stopped renewing (killed): its term has passed
    expect(a.held()).toBe(false);
    expect(await b.tryHold()).toBe(true);
    expect(await a.tryHold()).toBe(false);
    expect(await a.holder()).toBe('gw-b');
    const types = (await store.readStream(`lease-${name}`)).map((e) => [
      e.type,
      (e.data as { holder: string }).holder,
    ]);
    expect(types).toEqual([
      ['LeaseTaken', 'gw-a'],
      ['LeaseRenewed', 'gw-a'],
      ['LeaseTaken', 'gw-b'],
    ]);
  });

  it('gives a free lease to exactly one of many processes asking at once', async () => {
    for (let round = 0; round < 5; round++) {
      name = `race${round}${Math.random().toString(36).slice(2, 6)}`;
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((h) => lease(h).tryHold()));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('is handed over at once when released', async () => {
    const [a, b] = [lease('gw-a'), lease('gw-b')];
    await a.tryHold();
    await a.release();
    expect(a.held()).toBe(false);
    expect(await b.tryHold()).toBe(true);
  });

  it('runs the guarded work only while the lease is held', async () => {
    const running = new Set<string>();
    const work = (holder: string) =>
      new LeasedWork({
        lease: lease(holder),
        checkEveryMs: 10,
        start: async () => {
          running.add(holder);
          return async () => void running.delete(holder);
        },
      });
    const [a, b] = [work('gw-a'), work('gw-b')];
    await a.start();
    await b.start();
    expect([...running]).toEqual(['gw-a']);
    await a.stop(); // a clean stop releases: b takes over without waiting for the term
    await waitFor('gw-b to take over', () => running.has('gw-b'), { timeoutMs: 10_000 });
    expect([...running]).toEqual(['gw-b']);
    await b.stop();
    expect(running.size).toBe(0);
  });
});
