/**
 * Crash safety of the SQLite adapter: writer processes killed with SIGKILL mid-stream leave no partial
 * batch, and every append that had returned is in the file. Two writers share the file, so the
 * multi-process locking is exercised too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@xb/testing';
import { SqliteEventStore } from './sqlite-event-store';

const testing = path.join(__dirname, '..', 'testing');

interface Writer {
  readonly child: ChildProcess;
  readonly confirmed: { stream: string; batch: number; size: number; position: bigint }[];
  stderr: string;
}

function startWriter(file: string, id: string, commits: 'inline' | 'thread'): Writer {
  const child = spawn(
    process.execPath,
    ['-r', path.join(testing, 'register-ts.cjs'), path.join(testing, 'crash-appender.ts'), file, id, commits],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const writer: Writer = { child, confirmed: [], stderr: '' };
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const [, stream, batch, size, position] = line.split(' ');
      writer.confirmed.push({ stream, batch: Number(batch), size: Number(size), position: BigInt(position) });
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (writer.stderr += chunk.toString('utf8')));
  return writer;
}

function kill(writer: Writer): Promise<void> {
  return new Promise((resolve) => {
    if (writer.child.exitCode !== null) return resolve();
    writer.child.once('exit', () => resolve());
    writer.child.kill('SIGKILL');
  });
}

describe('SQLite event store: writers killed with SIGKILL', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['inline', 'thread'] as const)(
    'leaves no partial batch and keeps every append that returned (commits %s)',
    async (commits) => {
      const file = path.join(dir, `crash-${commits}.db`);
      const writers = [startWriter(file, 'a', commits), startWriter(file, 'b', commits)];
      try {
        await waitFor(
          'both writers to confirm 40 appends',
          () =>
            writers.every((w) => w.confirmed.length >= 40) || writers.some((w) => w.child.exitCode !== null),
          { timeoutMs: 20_000, intervalMs: 5 },
        );
      } finally {
        await Promise.all(writers.map(kill));
      }
      for (const writer of writers) expect(writer.stderr).toBe('');

      const store = new SqliteEventStore({ file });
      try {
        const events = await store.readAll();
        const batches = new Map<string, { size: number; indexes: number[]; position: bigint }>();
        for (const event of events) {
          const data = event.data as { writer: string; batch: number; index: number; size: number };
          const key = `${data.writer}/${data.batch}`;
          const entry = batches.get(key) ?? { size: data.size, indexes: [], position: 0n };
          entry.indexes.push(data.index);
          entry.position = event.position;
          batches.set(key, entry);
        }
        // No partial batch: every batch in the file has all its events, in order.
        for (const [key, batch] of batches) {
          expect([key, batch.indexes]).toEqual([key, Array.from({ length: batch.size }, (_, i) => i)]);
        }
        // Every append that returned is there, at the position it reported.
        for (const writer of writers) {
          for (const confirmed of writer.confirmed) {
            const key = `${writer === writers[0] ? 'a' : 'b'}/${confirmed.batch}`;
            expect([key, batches.get(key)?.position]).toEqual([key, confirmed.position]);
          }
        }
      } finally {
        await store.close();
      }
    },
  );
});
