// `npm run bench`: measures the raw limits of the building blocks (and, as they land, our own figures)
// in one run on this machine; prints a table, then the whole run as ONE JSON object on the last line.
// Sizes: BENCH_SCALE=small|full, --seconds, --rounds, ... (bench/harness/options.ts, docs/performance.md).
import {
  BenchSuite,
  BenchUsageError,
  createContext,
  describeMachine,
  formatMarkdown,
  formatTable,
  parseOptions,
  rssOfSelfMiB,
  runSuites,
  toResult,
  watchMachine,
} from './harness';
import { rawCryptoSuite } from './raw/crypto-suite';
import { rawKafkaSuite } from './raw/kafka-suite';
import { rawSqliteSuite } from './raw/sqlite-suite';
import { oursAuditSuite } from './ours/audit-suite';
import { oursConsoleSuite } from './ours/console-suite';
import { oursEnvelopeSuite } from './ours/envelope-suite';
import { oursExchangeSuite } from './ours/exchange-suite';
import { oursFuzzSuite } from './ours/fuzz-suite';
import { oursPersonsSuite } from './ours/persons-suite';
import { oursParticularsSuite } from './ours/particulars-suite';
import { oursStoreSuite } from './ours/store-suite';

/** Run in this order, one at a time. CPU-bound suites go before the broker starts and takes its share. */
const suites: BenchSuite[] = [
  rawCryptoSuite,
  oursEnvelopeSuite,
  rawSqliteSuite,
  oursAuditSuite,
  oursConsoleSuite,
  oursParticularsSuite,
  oursStoreSuite,
  rawKafkaSuite,
  oursExchangeSuite,
  oursFuzzSuite,
  oursPersonsSuite,
];

/** `ratio_<x>` = ours / raw, recorded when both figures were measured in this run. */
const ratios: [x: string, ours: string, raw: string][] = [
  ['seal', 'ours_seal_per_s', 'raw_crypto_seal_per_s'],
  ['open', 'ours_open_per_s', 'raw_crypto_open_per_s'],
  // Two node processes against the raw pool of BENCH_POOL (default 2 on this machine) forked processes.
  ['exchanges', 'ours_exchanges_per_s', 'raw_crypto_exchanges_per_s_processes'],
  ['exchanges_per_cpu_s', 'ours_exchanges_per_cpu_s', 'raw_crypto_exchanges_per_cpu_s_processes'],
  // The same pool measured again right after the exchange burst (the ratio least moved by other jobs).
  ['exchanges_beside', 'ours_exchanges_per_s', 'raw_crypto_exchanges_per_s_processes_beside'],
];

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const context = createContext(options);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      context.log(`${signal}: stopping what the run started`);
      void context.cleanup.runAll().finally(() => process.exit(130));
    });
  }
  const at = new Date();
  const machine = describeMachine();
  const machineWatch = watchMachine(context.registry);
  context.log(
    `scale ${options.scale}: ${options.rounds} x ${options.seconds} s windows, pool of ${options.poolSize}`,
  );
  let errors: Record<string, string> = {};
  try {
    errors = await runSuites(context, suites);
  } finally {
    const failures = await context.cleanup.runAll();
    if (failures.length) errors.cleanup = failures.join('; ');
  }
  const { registry } = context;
  for (const [x, ours, raw] of ratios) registry.ratio(x, ours, raw);
  registry.record('rss_bench_process_mib', rssOfSelfMiB(), 'MiB', 'this process at the end of the run');
  machineWatch.finish();

  const figures = registry.all();
  process.stdout.write(`${formatTable(figures)}\n\n`);
  if (process.env.BENCH_MARKDOWN) process.stdout.write(`${formatMarkdown(figures)}\n\n`);
  for (const [suite, message] of Object.entries(errors))
    process.stdout.write(`FAILED ${suite}: ${message}\n`);
  process.stdout.write(`${JSON.stringify(toResult(figures, { at, machine, options, errors }))}\n`);
  return Object.keys(errors).length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof BenchUsageError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(error instanceof BenchUsageError ? 2 : 1);
  },
);
