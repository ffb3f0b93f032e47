import { BenchContext, BenchSuite } from '../harness/context';
import { interleavedRates } from '../harness/timing';
import { mean, median } from '../harness/stats';
import { MeasurementRegistry } from '../harness/registry';
import { CryptoPool, PoolKind, PoolRound } from './crypto-pool';
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

  log('measuring seal, open, receipt sign, receipt verify and whole exchanges on 1 thread, taking turns');
  const rates = await interleavedRates(options.rounds, options.seconds * 1000, {
    seal: () => seal(keys, payload),
    open: () => open(keys, sealed),
    receiptSign: () => signReceipt(keys, receipt),
    receiptVerify: () => verifyReceipt(keys, receipt, signature),
    exchange: () => oneExchange(keys, payload),
  });
  const steps = [
    ['raw_crypto_seal_per_s', rates.seal, 'sign + encrypt to 2 keys, 1 thread'],
    ['raw_crypto_open_per_s', rates.open, 'decrypt + verify, 1 thread'],
    ['raw_crypto_receipt_sign_per_s', rates.receiptSign, 'detached sign of a receipt, 1 thread'],
    ['raw_crypto_receipt_verify_per_s', rates.receiptVerify, 'verify of a receipt, 1 thread'],
  ] as const;
  for (const [name, rate, note] of steps) registry.record(name, rate.perSecond, 'ops/s', note);
  registry.record(
    'raw_crypto_exchanges_per_s_1t',
    rates.exchange.perSecond,
    'ops/s',
    'seal+open+receipt sign+verify, 1 thread',
  );
  // openpgp hands Curve25519 work to WebCrypto, which runs on libuv's thread pool: "one thread" of
  // JavaScript may keep more than one core busy, which caps what a pool can add.
  registry.record(
    'raw_crypto_cores_used_1t',
    rates.exchange.coresUsed,
    'cores',
    'CPU s per wall s, 1-thread exchanges',
  );
  registry.record(
    'raw_crypto_exchanges_per_cpu_s_1t',
    rates.exchange.perSecond / rates.exchange.coresUsed,
    'ops/cpu-s',
    'exchanges per CPU second, 1 thread',
  );
  // The four step rates predict the exchange rate; a large gap to the measured one means noise.
  const stepCosts = steps.reduce((sum, [, rate]) => sum + 1 / rate.perSecond, 0);
  registry.record(
    'raw_crypto_exchanges_per_s_1t_from_steps',
    1 / stepCosts,
    'ops/s',
    '1 / sum of the 4 step costs',
  );
}

async function measurePools({ options, registry, cleanup, log }: BenchContext): Promise<void> {
  const keys = await generateExchangeKeys();
  const size = options.poolSize;
  const windowMs = options.seconds * 1000;
  log(`measuring a pool of ${size} worker threads and one of ${size} child processes, taking turns`);
  const threads = await CryptoPool.start('threads', size, keys, cleanup);
  try {
    const processes = await CryptoPool.start('processes', size, keys, cleanup, options.pinProcesses);
    try {
      const rounds: Record<PoolKind, PoolRound[]> = { threads: [], processes: [] };
      for (let round = 0; round < options.rounds; round++) {
        for (const pool of [threads, processes]) {
          rounds[pool.kind].push(await pool.round(windowMs, round === 0 ? Math.min(1000, windowMs) : 0));
        }
      }
      recordPool(registry, threads, rounds.threads, `${size} worker_threads in one process`);
      recordPool(registry, processes, rounds.processes, `${size} forked Node processes`);
    } finally {
      await processes.stop();
    }
  } finally {
    await threads.stop();
  }
  const best = (['processes', 'threads'] as const).reduce((a, b) =>
    registry.value(`raw_crypto_exchanges_per_s_${a}`) >= registry.value(`raw_crypto_exchanges_per_s_${b}`)
      ? a
      : b,
  );
  registry.record(
    'raw_crypto_exchanges_per_s_pool',
    registry.value(`raw_crypto_exchanges_per_s_${best}`),
    'ops/s',
    `best pool over ${size} cores: ${best}`,
  );
}

function recordPool(
  registry: MeasurementRegistry,
  pool: CryptoPool,
  rounds: PoolRound[],
  what: string,
): void {
  const perSecond = median(rounds.map((round) => round.exchangesPerSecond));
  const coresUsed = mean(rounds.map((round) => round.coresUsed));
  const single = registry.value('raw_crypto_exchanges_per_s_1t');
  registry.record(`raw_crypto_exchanges_per_s_${pool.kind}`, perSecond, 'ops/s', what);
  registry.record(`raw_crypto_cores_used_${pool.kind}`, coresUsed, 'cores', 'CPU s per wall s of the pool');
  // Fewer exchanges per CPU second than on one thread means the pool pays for something (contention,
  // cross-thread traffic), not merely that other programs took the cores.
  registry.record(
    `raw_crypto_exchanges_per_cpu_s_${pool.kind}`,
    perSecond / coresUsed,
    'ops/cpu-s',
    `exchanges per CPU second, ${pool.kind} pool`,
  );
  registry.record(`raw_crypto_scaling_${pool.kind}`, perSecond / single, 'x', `${pool.kind} pool / 1 thread`);
  const rss = pool.rssMiB();
  if (pool.kind === 'threads')
    registry.record('raw_rss_threads_pool_mib', rss[0]!, 'MiB', 'bench process holding the threads pool');
  else registry.record('raw_rss_crypto_child_mib', mean(rss), 'MiB', 'mean VmRSS of one crypto child');
}
