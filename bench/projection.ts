// `npm run bench:projection`: the projection figure alone, in seconds instead of the whole run's minutes.
// BENCH_PROJECTION_SOURCE=<event store file> is the store whose events are copied up to the scale's count
// (keep a sender's store with `BENCH_KEEP_SENDER_STORE=<file> npm run bench -- --only ours-exchange`);
// BENCH_SCALE as in `npm run bench`. `npm run bench` stays the one full run that reports every figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@xb/event-store';
import { BenchUsageError, createContext, formatTable, parseOptions } from './harness';
import { measureProjectionRebuild } from './ours/projection-rebuild';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const file = process.env.BENCH_PROJECTION_SOURCE;
  if (!file || !fs.existsSync(file))
    throw new BenchUsageError('BENCH_PROJECTION_SOURCE must name an event store file');
  const context = createContext(options);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-bench-projection-'));
  context.cleanup.add('projection bench data', () => fs.rmSync(root, { recursive: true, force: true }));
  // A copy: the source stays as it was, whatever opening it as a store writes.
  const copy = path.join(root, 'source.sqlite');
  fs.copyFileSync(file, copy);
  const source = new SqliteEventStore({ file: copy });
  try {
    await measureProjectionRebuild(context, source, root);
  } finally {
    await source.close();
    await context.cleanup.runAll();
  }
  process.stdout.write(`${formatTable(context.registry.all())}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof BenchUsageError ? 2 : 1);
});
