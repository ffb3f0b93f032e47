import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract.spec';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeEventStoreContract(
  'SQLite (temp file)',
  async () => new SqliteEventStore({ file: path.join(dir, `store-${n++}.db`) }),
);

describeEventStoreContract(
  'SQLite (temp file, commits on a worker thread)',
  async () => new SqliteEventStore({ file: path.join(dir, `store-${n++}.db`), writer: 'thread' }),
);

describe.each(['inline', 'thread'] as const)('SQLite commits counted (%s writer)', (writer) => {
  const event = (i: number) => ({
    type: 'Counted',
    data: { i },
    metadata: { correlationId: 'c', actor: 't', occurredAt: '2031-01-01T00:00:00Z', schemaVersion: 1 },
  });

  it('counts one commit for the appends of one turn, and one per append made after the last settled', async () => {
    const store = new SqliteEventStore({ file: path.join(dir, `store-${n++}.db`), writer });
    try {
      await store.appendToStream('counted-a', [event(0)]);
      expect(store.commits).toBe(1);
      await Promise.all([
        store.appendToStream('counted-b', [event(1)]),
        store.appendToStream('counted-c', [event(2)]),
        store.saveCheckpoint('counted', 1n),
      ]);
      // The three writes of one turn share one transaction: one fsync, not three.
      expect(store.commits).toBe(2);
    } finally {
      await store.close();
    }
  });
});
