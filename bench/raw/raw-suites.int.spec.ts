import fs from 'node:fs';
import os from 'node:os';
import { createContext } from '../harness/context';
import { parseOptions } from '../harness/options';
import { rawKafkaSuite } from './kafka-suite';
import { rawSqliteSuite } from './sqlite-suite';

// The SQLite and Kafka suites at a tiny size against the int tier's broker (KAFKA_BROKERS): they must
// record plausible figures and leave nothing behind. The crypto pools need the compiled bench, so the
// crypto suite is exercised by `npm run bench` (its operations are unit-tested in crypto-exchange).
describe('raw suites', () => {
  const options = parseOptions(
    [
      '--seconds',
      '0.3',
      '--rounds',
      '1',
      '--kafka-records',
      '600',
      '--kafka-brokers',
      process.env.KAFKA_BROKERS!,
    ],
    {},
  );

  it('measures SQLite appends, batched faster than one per transaction, and removes its folder', async () => {
    const context = createContext(options, undefined, undefined, () => undefined);
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('xb-bench-sqlite-')));
    await rawSqliteSuite.run(context);
    const single = context.registry.value('raw_sqlite_appends_per_s');
    expect(single).toBeGreaterThan(10);
    expect(context.registry.value('raw_sqlite_appends_per_s_batched')).toBeGreaterThan(single);
    const after = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('xb-bench-sqlite-'));
    expect(after.filter((name) => !before.has(name))).toEqual([]);
    expect(await context.cleanup.runAll()).toEqual([]);
  });

  it('measures Kafka throughput and single-record round trips through a real broker', async () => {
    const context = createContext(options, undefined, undefined, () => undefined);
    try {
      await rawKafkaSuite.run(context);
    } finally {
      expect(await context.cleanup.runAll()).toEqual([]);
    }
    const { registry } = context;
    expect(registry.value('raw_kafka_records_per_s')).toBeGreaterThan(50);
    expect(registry.value('raw_kafka_produce_per_s')).toBeGreaterThanOrEqual(
      registry.value('raw_kafka_records_per_s'),
    );
    const p50 = registry.value('raw_kafka_rtt_p50_ms');
    expect(p50).toBeGreaterThan(0);
    expect(registry.value('raw_kafka_rtt_p99_ms')).toBeGreaterThanOrEqual(p50);
  });
});
