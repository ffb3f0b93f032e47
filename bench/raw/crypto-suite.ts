import { BenchContext, BenchSuite } from '../harness/context';
import { withCoresUsed } from '../harness/proc';
import { medianRate } from '../harness/timing';
import { mean } from '../harness/stats';
import { measurePool } from './crypto-pool';
import {
  generateExchangeKeys,
  oneExchange,
  open,
  readExchangeKeys,
  receiptFor,
  samplePayload,
  seal,
  signReceipt,
  verifyReceipt,
} from './crypto-exchange';

/**
 * The crypto ONE exchange needs, with openpgp alone: each step on one thread, whole exchanges on one
 * thread, and whole exchanges on a pool of worker threads and on a pool of child processes.
 */
export const rawCryptoSuite: BenchSuite = {
  name: 'raw-crypto',
  async run(context) {
    await measureSingleThread(context);
    await measurePools(context);
  },
};

async function measureSingleThread({ options, registry, log }: BenchContext): Promise<void> {
  const keys = await readExchangeKeys(await generateExchangeKeys());
  const payload = samplePayload();
  const sealed = await seal(keys, payload);
  const receipt = receiptFor(sealed);
  const signature = await signReceipt(keys, receipt);
  registry.record(
    'raw_crypto_sealed_bytes',
    sealed.length,
    'bytes',
    `sealed request: ${payload.length} B payload, 2 recipients`,
  );
  registry.record(
    'raw_crypto_receipt_signature_bytes',
    signature.length,
    'bytes',
    'detached receipt signature',
  );

  const rate = (operation: () => Promise<unknown>) =>
    medianRate(options.rounds, options.seconds * 1000, operation);
  const steps = [
    ['raw_crypto_seal_per_s', 'sign + encrypt to 2 keys, 1 thread', () => seal(keys, payload)],
    ['raw_crypto_open_per_s', 'decrypt + verify, 1 thread', () => open(keys, sealed)],
    [
      'raw_crypto_receipt_sign_per_s',
      'detached sign of a receipt, 1 thread',
      () => signReceipt(keys, receipt),
    ],
    [
      'raw_crypto_receipt_verify_per_s',
      'verify of a receipt, 1 thread',
      () => verifyReceipt(keys, receipt, signature),
    ],
  ] as const;
  for (const [name, note, operation] of steps) {
    log(`measuring ${name}`);
    registry.record(name, await rate(operation), 'ops/s', note);
  }

  log('measuring raw_crypto_exchanges_per_s_1t');
  const exchanges = await withCoresUsed(() => rate(() => oneExchange(keys, payload)));
  registry.record(
    'raw_crypto_exchanges_per_s_1t',
    exchanges.result,
    'ops/s',
    'seal+open+receipt sign+verify, 1 thread',
  );
  // openpgp hands Curve25519 work to WebCrypto, which runs on libuv's thread pool: "one thread" of
  // JavaScript may keep more than one core busy, which caps what a pool can add.
  registry.record(
    'raw_crypto_cores_used_1t',
    exchanges.coresUsed,
    'cores',
    'CPU s per wall s, 1-thread exchanges',
  );
  // The four step rates predict the exchange rate; a large gap to the measured one means noise.
  const stepCosts = steps.reduce((sum, [name]) => sum + 1 / registry.value(name), 0);
  registry.record(
    'raw_crypto_exchanges_per_s_1t_from_steps',
    1 / stepCosts,
    'ops/s',
    '1 / sum of the 4 step costs',
  );
}

async function measurePools({ options, registry, cleanup, log }: BenchContext): Promise<void> {
  const keys = await generateExchangeKeys();
  const timing = {
    warmupMs: Math.min(1000, options.seconds * 1000),
    windowMs: options.seconds * 1000,
    rounds: options.rounds,
    pin: options.pinProcesses,
  };
  const size = options.poolSize;
  const single = registry.value('raw_crypto_exchanges_per_s_1t');

  log(`measuring a pool of ${size} worker threads`);
  const threads = await measurePool('threads', size, keys, timing, cleanup);
  registry.record(
    'raw_crypto_exchanges_per_s_threads',
    threads.exchangesPerSecond,
    'ops/s',
    `${size} worker_threads in one process`,
  );
  registry.record(
    'raw_crypto_cores_used_threads',
    threads.coresUsed,
    'cores',
    'CPU s per wall s of the threads pool',
  );
  registry.record(
    'raw_crypto_scaling_threads',
    threads.exchangesPerSecond / single,
    'x',
    'threads pool / 1 thread',
  );
  registry.record(
    'raw_rss_threads_pool_mib',
    threads.rssMiB[0]!,
    'MiB',
    `bench process with ${size} crypto workers`,
  );

  log(`measuring a pool of ${size} child processes`);
  const processes = await measurePool('processes', size, keys, timing, cleanup);
  registry.record(
    'raw_crypto_exchanges_per_s_processes',
    processes.exchangesPerSecond,
    'ops/s',
    `${size} forked Node processes`,
  );
  registry.record(
    'raw_crypto_cores_used_processes',
    processes.coresUsed,
    'cores',
    'CPU s per wall s of the process pool',
  );
  registry.record(
    'raw_crypto_scaling_processes',
    processes.exchangesPerSecond / single,
    'x',
    'process pool / 1 thread',
  );
  registry.record(
    'raw_rss_crypto_child_mib',
    mean(processes.rssMiB),
    'MiB',
    'mean VmRSS of one crypto child',
  );

  const best = processes.exchangesPerSecond >= threads.exchangesPerSecond ? 'processes' : 'threads';
  registry.record(
    'raw_crypto_exchanges_per_s_pool',
    Math.max(threads.exchangesPerSecond, processes.exchangesPerSecond),
    'ops/s',
    `best pool over ${size} cores: ${best}`,
  );
}
