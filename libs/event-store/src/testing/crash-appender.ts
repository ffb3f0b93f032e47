/**
 * Child process of the crash test: appends batches to the SQLite store in a loop, as fast as it can, and
 * prints one line per append that returned: `appended <stream> <batch> <size> <last position>`. The test
 * kills it with SIGKILL at some point, mid-append or between appends.
 * Usage: node -r ./register-ts.cjs crash-appender.ts <database file> <writer id> [inline|thread]
 */
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

async function main(file: string, writer: string, commits: 'inline' | 'thread'): Promise<void> {
  const store = new SqliteEventStore({ file, writer: commits });
  for (let batch = 0; ; batch++) {
    const stream = `crash-${writer}.${batch % 7}`;
    const size = 1 + (batch % 4);
    const events = Array.from({ length: size }, (_, index) => ({
      type: 'CrashTestAppended',
      data: { writer, batch, index, size, padding: 'x'.repeat(512) },
      metadata: {
        correlationId: stream,
        actor: 'system:crash-test',
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
      },
    }));
    const result = await store.appendToStream(stream, events);
    process.stdout.write(`appended ${stream} ${batch} ${size} ${result.position}\n`);
  }
}

main(process.argv[2], process.argv[3], process.argv[4] === 'thread' ? 'thread' : 'inline').catch(
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
