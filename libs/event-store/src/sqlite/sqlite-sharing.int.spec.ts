/** Two stores on one file (as two processes have): appends of one reach the other's live subscription. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SubscriptionReader, numbered } from '../contract/contract-helpers';
import { SqliteEventStore } from './sqlite-event-store';

describe.each(['inline', 'thread'] as const)(
  'SQLite event store shared by several connections (commits %s)',
  (writer) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-sharing-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("delivers another connection's appends to a live subscription (by polling), in order", async () => {
      const file = path.join(dir, `shared-${writer}.db`);
      const reader = new SqliteEventStore({ file, pollIntervalMs: 20 });
      const appender = new SqliteEventStore({ file, writer });
      const subscription = new SubscriptionReader(reader.subscribeToAll());
      try {
        await appender.appendToStream('audit-1', numbered(2));
        await appender.appendToStream('audit-2', numbered(1));
        const seen = await subscription.take(3);
        expect(seen.map((e) => `${e.streamId}@${e.revision}`)).toEqual([
          'audit-1@0',
          'audit-1@1',
          'audit-2@0',
        ]);
        await expect(
          appender.appendToStream('audit-1', numbered(1), { expectedRevision: 0n }),
        ).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          actual: 1n,
        });
      } finally {
        await subscription.stop();
        await reader.close();
        await appender.close();
      }
    });

    it("wakes a live subscription on another connection's commit through the signal file, not the poll", async () => {
      const file = path.join(dir, `signalled-${writer}.db`);
      // Polls an hour apart: only the signal can deliver within take()'s 10 s deadline.
      const reader = new SqliteEventStore({
        file,
        pollIntervalMs: 3_600_000,
        watchedPollIntervalMs: 3_600_000,
      });
      const appender = new SqliteEventStore({ file, writer });
      const subscription = new SubscriptionReader(reader.subscribeToAll());
      try {
        await appender.appendToStream('audit-1', numbered(1));
        expect((await subscription.take(1)).map((e) => e.revision)).toEqual([0n]);
        for (let i = 1; i <= 3; i++) {
          const next = subscription.take(1);
          await appender.appendToStream('audit-1', numbered(1));
          expect((await next).map((e) => e.revision)).toEqual([BigInt(i)]);
        }
      } finally {
        await subscription.stop();
        await reader.close();
        await appender.close();
      }
    });

    it('numbers the global order 1, 2, 3, ... with no gap left by refused appends', async () => {
      const store = new SqliteEventStore({ file: path.join(dir, `positions-${writer}.db`), writer });
      try {
        await store.appendToStream('audit-1', numbered(2));
        await expect(
          store.appendToStream('audit-1', numbered(3), { expectedRevision: 0n }),
        ).rejects.toThrow();
        await expect(
          store.appendToStream('audit-1', [...numbered(1), { ...numbered(1)[0], type: '$bad' }]),
        ).rejects.toThrow();
        await store.appendToStream('audit-2', numbered(2));
        expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 2n, 3n, 4n]);
      } finally {
        await store.close();
      }
    });
  },
);
