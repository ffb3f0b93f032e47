/** What the thread writer adds to the contract: its errors, close() draining, and a shared file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { anEvent, numbered } from '../contract/contract-helpers';
import { DuplicateEventIdError, StoreClosedError, WrongExpectedRevisionError } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite event store committing on a worker thread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const file = () => path.join(dir, `thread-${n++}.db`);

  it("rebuilds the worker's refusals as the store's own error classes, one group's others committed", async () => {
    const store = new SqliteEventStore({ file: file(), writer: 'thread' });
    try {
      const id = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
      await store.appendToStream('audit-1', [anEvent('A', {}, id)]);
      const [ok, wrong, duplicate] = await Promise.allSettled([
        store.appendToStream('audit-2', numbered(2)),
        store.appendToStream('audit-1', numbered(1), { expectedRevision: 'no_stream' }),
        store.appendToStream('audit-1', [anEvent('B'), anEvent('C', {}, id)]),
      ]);
      expect(ok).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
      const wrongError = (wrong as PromiseRejectedResult).reason as WrongExpectedRevisionError;
      expect(wrongError).toBeInstanceOf(WrongExpectedRevisionError);
      expect(wrongError).toMatchObject({ stream: 'audit-1', expected: 'no_stream', actual: 0n });
      const duplicateError = (duplicate as PromiseRejectedResult).reason as DuplicateEventIdError;
      expect(duplicateError).toBeInstanceOf(DuplicateEventIdError);
      expect(duplicateError).toMatchObject({ code: 'DUPLICATE_EVENT_ID', eventId: id });
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['audit-1', 'audit-2', 'audit-2']);
    } finally {
      await store.close();
    }
  });

  it('commits the writes queued before close(), then refuses more with STORE_CLOSED', async () => {
    const dbFile = file();
    const store = new SqliteEventStore({ file: dbFile, writer: 'thread' });
    const appends = Array.from({ length: 50 }, (_, i) => store.appendToStream(`audit-${i}`, numbered(1)));
    const checkpoint = store.saveCheckpoint('relay', 7n);
    await store.close();
    expect((await Promise.allSettled([...appends, checkpoint])).every((r) => r.status === 'fulfilled')).toBe(
      true,
    );
    await expect(store.appendToStream('audit-x', numbered(1))).rejects.toBeInstanceOf(StoreClosedError);
    const again = new SqliteEventStore({ file: dbFile });
    try {
      expect(await again.readAll()).toHaveLength(50);
      expect(await again.readCheckpoint('relay')).toBe(7n);
    } finally {
      await again.close();
    }
  });

  it('reads its own appends at once on the main connection, and keeps the global order gap-free', async () => {
    const store = new SqliteEventStore({ file: file(), writer: 'thread' });
    try {
      for (let i = 0; i < 20; i++) {
        const { position } = await store.appendToStream('audit-1', numbered(1));
        const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
        expect(last.position).toBe(position);
      }
      await expect(store.appendToStream('audit-1', numbered(2), { expectedRevision: 0n })).rejects.toThrow();
      await store.appendToStream('audit-2', numbered(2));
      expect((await store.readAll()).map((e) => e.position)).toEqual(
        Array.from({ length: 22 }, (_, i) => BigInt(i + 1)),
      );
    } finally {
      await store.close();
    }
  });

  it('returns from close() in a process with nothing else to do (the idle worker keeps nothing alive)', () => {
    const script = `
      const { SqliteEventStore } = require(${JSON.stringify(path.join(__dirname, 'sqlite-event-store.ts'))});
      const store = new SqliteEventStore({ file: ${JSON.stringify(file())}, writer: 'thread' });
      const metadata = { correlationId: 'c', actor: 'a', occurredAt: 't', schemaVersion: 1 };
      store.appendToStream('audit-1', [{ type: 'A', data: {}, metadata }])
        .then(() => store.close())
        .then(() => process.stdout.write('closed'));`;
    const register = path.join(__dirname, '..', 'testing', 'register-ts.cjs');
    const child = spawnSync(process.execPath, ['-r', register, '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect([child.stdout, child.stderr, child.status]).toEqual(['closed', '', 0]);
  });
});
