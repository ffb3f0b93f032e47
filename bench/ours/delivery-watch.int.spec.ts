import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { DeliveryWatch } from './delivery-watch';

const meta = (caseId: string) => ({
  correlationId: caseId,
  actor: 'system:test',
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
});

describe('DeliveryWatch on a real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let watch: DeliveryWatch;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-watch-'));
    store = new SqliteEventStore({ file: path.join(dir, 'store.sqlite') });
    watch = new DeliveryWatch(store, 5);
  });

  afterEach(async () => {
    await watch.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sent = (caseId: string) =>
    store.appendToStream(`notice-${caseId}`, [
      { type: 'InformationNoticeSent', data: { caseId }, metadata: meta(caseId) },
    ]);
  const delivered = (caseId: string) =>
    store.appendToStream(`notice-${caseId}`, [
      { type: 'InformationNoticeMessageDelivered', data: { messageId: 'm' }, metadata: meta(caseId) },
    ]);

  it('resolves a case once its delivery is recorded, and only that case', async () => {
    watch.start();
    await sent('a');
    await sent('b');
    const a = watch.deliveryOf('a');
    let bDone = false;
    void watch.deliveryOf('b').then(() => (bDone = true));
    await delivered('a');
    await a;
    expect(bDone).toBe(false);
    expect(watch.deliveredCount).toBe(1);
    expect(watch.storeLatenciesMs).toHaveLength(1);
    expect(watch.storeLatenciesMs[0]).toBeGreaterThanOrEqual(0);
  });

  it('resolves at once for a delivery seen before the caller asked, and counts a duplicate once', async () => {
    await sent('c');
    await delivered('c');
    await delivered('c');
    watch.start();
    await waitFor('the delivery read', () => watch.deliveredCount > 0, { timeoutMs: 5_000, intervalMs: 5 });
    await watch.deliveryOf('c');
    expect(watch.deliveredCount).toBe(1);
    expect(watch.storeLatenciesMs).toHaveLength(1);
  });

  it('ignores a delivery in a stream whose notice it never saw', async () => {
    watch.start();
    await store.appendToStream('notice-x', [
      { type: 'InformationNoticeMessageDelivered', data: {}, metadata: meta('x') },
    ]);
    await sent('d');
    await delivered('d');
    await watch.deliveryOf('d');
    expect(watch.deliveredCount).toBe(1);
  });
});
