import fs from 'node:fs';
import { eventStoreFile } from '@xb/config';
import { SqliteEventStore } from '@xb/event-store';
import { prepareAgencies, tokenFor } from '../../apps/node/src/testing/node-pair';
import { BenchContext, BenchSuite } from '../harness/context';
import { mean } from '../harness/stats';
import { generateExchangeKeys } from '../raw/crypto-exchange';
import { CryptoPool } from '../raw/crypto-pool';
import { benchKafkaPid } from '../harness/local-kafka';
import { recordLoadLevels, runLoadLevels } from '../harness/load-levels';
import { cpuSecondsOfPid, cpuSecondsOfSelf } from '../harness/proc';
import { summarize } from '../harness/stats';
import { DeliveryWatch } from './delivery-watch';
import { recordExchangeLegs } from './exchange-stages';
import { NodeProcess } from './node-process';
import { measureProjectionRebuild } from './projection-rebuild';
import { apiQueue, queueNotice } from './notices';

/** Roles each bench node runs: `BENCH_NODE_ROLES`, default the exchange alone (relay, gateway, resender). */
const roles = () => process.env.BENCH_NODE_ROLES || 'gateway';
/**
 * `BENCH_QUEUE`: `store` (default) appends each notice to the sender's store from the bench process;
 * `api` posts it to the sender's HTTP API (the sender then also runs the `api` role).
 */
const queueMode = () => (process.env.BENCH_QUEUE === 'api' ? 'api' : 'store');

/**
 * End-to-end exchanges between two nodes, each in its own process, over the bench's broker: a notice
 * queued on A, sealed and sent, opened and applied on B, receipt signed, sent back, verified and the
 * delivery recorded on A. Capacity (a burst, first queued to last delivery), then latency at 50% and
 * 80% of it (open loop), each node's RSS and CPU, and a projector rebuild over A's
 * store's events copied to 60k (projection-rebuild.ts).
 */
export const oursExchangeSuite: BenchSuite = {
  name: 'ours-exchange',
  async run(context) {
    const { cleanup, log } = context;
    const brokers = await context.kafka();
    const { root, agencies } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], {
      KAFKA_BROKERS: brokers,
      XB_ROLES: roles(),
    });
    if (queueMode() === 'api') agencies[0]!.env.XB_ROLES = `api,${roles()}`;
    const removeRoot = cleanup.add('bench nodes data', () =>
      fs.rmSync(root, { recursive: true, force: true }),
    );
    const [sender, receiver] = agencies as [(typeof agencies)[0], (typeof agencies)[0]];
    const profileDir = process.env.BENCH_CPU_PROF || undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    log(
      `starting two nodes (roles ${roles()}, XB_CRYPTO_POOL=${process.env.XB_CRYPTO_POOL ?? '0'}) in child processes; notices queued through the ${queueMode()}`,
    );
    // One after the other: two nodes creating their topics at once on a fresh broker can be told
    // "This server does not host this topic-partition" by the metadata call of provisionTopics.
    const a = await NodeProcess.start(sender.agencyId, sender.env, cleanup, profileDir);
    const b = await NodeProcess.start(receiver.agencyId, receiver.env, cleanup, profileDir);
    const store = new SqliteEventStore({ file: eventStoreFile(sender.dataDir) });
    const watch = new DeliveryWatch(store);
    const closeStore = cleanup.add('sender store', async () => {
      await watch.stop();
      await store.close();
    });
    watch.start();
    try {
      const queue =
        queueMode() === 'api'
          ? apiQueue(
              `http://127.0.0.1:${sender.env.XB_HTTP_PORT}`,
              await tokenFor(sender, { id: 'lo-bench', roles: ['liaison_officer'] }),
              receiver.agencyId,
            )
          : () => queueNotice(store, sender.agencyId, receiver.agencyId);
      const exchange = async () => {
        await watch.deliveryOf(await queue());
      };
      const nodes = [a.node, b.node];
      const capacity = await measureCapacity(context, exchange, watch, nodes);
      await measureLone(context, exchange, watch, [sender.env, receiver.env]);
      await measureRawBeside(context);
      const receiverStore = new SqliteEventStore({ file: eventStoreFile(receiver.dataDir) });
      try {
        await measureLoad(context, context.options.exchangeRate ?? capacity, exchange, watch, nodes, {
          sender: store,
          receiver: receiverStore,
        });
      } finally {
        await receiverStore.close();
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      // Retry warnings and the like: what the nodes said explains a stall in the figures.
      for (const { node } of [a, b]) {
        const said = node.log.replace('ready\n', '').trim();
        if (said) log(`node ${node.agencyId} said: ${said.slice(-600)}`);
      }
      await watch.stop();
    }
    await measureProjectionRebuild(context, store, root);
    await closeStore();
    // The projection figure alone (bench/ours/projection-alone.ts) runs over such a copy, in seconds.
    const keep = process.env.BENCH_KEEP_SENDER_STORE;
    if (keep) {
      fs.copyFileSync(eventStoreFile(sender.dataDir), keep);
      log(`sender's store copied to ${keep}`);
    }
    await removeRoot();
    if (profileDir) log(`CPU profiles of both nodes in ${profileDir}`);
  },
};

type Exchange = () => Promise<void>;

async function measureCapacity(
  { options, registry, log }: BenchContext,
  exchange: Exchange,
  watch: DeliveryWatch,
  nodes: NodeProcess[],
): Promise<number> {
  log('warming up: 30 exchanges (consumer groups joining, JIT)');
  await withDeadline(Promise.all(Array.from({ length: 30 }, exchange)), 120_000, 'warm-up', nodes);
  const count = options.scale === 'full' ? 1_000 : 300;
  log(`capacity: ${count} notices queued at once, until the last delivery is recorded`);
  const cpu = cpuOf(nodes, options.kafkaBrokers ? undefined : benchKafkaPid(options.kafkaPort));
  const started = Date.now();
  const before = watch.deliveredCount;
  await withDeadline(Promise.all(Array.from({ length: count }, exchange)), 300_000, 'capacity burst', nodes);
  const seconds = (Math.max(watch.lastDeliveryAt, started + 1) - started) / 1000;
  const used = cpu.since();
  const rate = count / seconds;
  if (watch.deliveredCount - before !== count) throw new Error('deliveries counted twice or missed');
  registry.record(
    'ours_exchanges_per_s',
    rate,
    'ops/s',
    `${count} notices queued at once (${queueMode()}): first queued to last delivery recorded, 2 node processes`,
  );
  const perExchange = (seconds: number) => (seconds * 1000) / count;
  registry.record(
    'ours_exchange_cpu_ms_sender',
    perExchange(used.sender),
    'ms',
    'sender node CPU per exchange (seal, receipt verify, store)',
  );
  registry.record(
    'ours_exchange_cpu_ms_receiver',
    perExchange(used.receiver),
    'ms',
    'receiver node CPU per exchange (open, apply, receipt sign)',
  );
  registry.record(
    'ours_exchange_cpu_ms_broker',
    perExchange(used.broker),
    'ms',
    'broker JVM CPU per exchange',
  );
  registry.record(
    'ours_exchange_cpu_ms_bench',
    perExchange(used.bench),
    'ms',
    'bench process CPU per exchange (queueing, watching)',
  );
  // Per CPU second of the two nodes: on a shared machine this holds when other jobs take the cores.
  registry.record(
    'ours_exchanges_per_cpu_s',
    count / (used.sender + used.receiver),
    'ops/cpu-s',
    'exchanges per CPU second of the two node processes',
  );
  registry.record(
    'ours_exchange_cores_used',
    used.total / seconds,
    'cores',
    'CPU s per wall s of nodes, broker and bench during the burst',
  );
  return rate;
}

/**
 * Exchanges one at a time, nothing else in flight: the latency floor (store clocks) and what a lone
 * message costs each node in commits (fsyncs), which no batching can share. The nodes count their
 * commits (`xb_store_commits_total` on /metrics).
 */
async function measureLone(
  { options, registry, log }: BenchContext,
  exchange: Exchange,
  watch: DeliveryWatch,
  envs: NodeJS.ProcessEnv[],
): Promise<void> {
  const count = options.scale === 'full' ? 200 : 50;
  log(`${count} exchanges one at a time`);
  const commits = () => Promise.all(envs.map((env) => commitsOf(Number(env.XB_HTTP_PORT))));
  const before = await commits();
  watch.resetLatencies();
  for (let i = 0; i < count; i++) await exchange();
  const after = await commits();
  const latency = summarize(watch.storeLatenciesMs);
  for (const p of ['p50', 'p99'] as const)
    registry.record(
      `ours_exchange_lone_ms_${p}`,
      latency[p],
      'ms',
      `${count} exchanges one after the other: delivery recorded - notice recorded (store clocks)`,
    );
  (['sender', 'receiver'] as const).forEach((node, i) => {
    const files = Object.keys(after[i]!).sort();
    const per = (file: string) => (after[i]![file]! - (before[i]![file] ?? 0)) / count;
    registry.record(
      `ours_exchange_lone_commits_${node}`,
      files.reduce((sum, file) => sum + per(file), 0),
      'commits',
      `${node} commits (fsyncs) per lone exchange: ${files.map((file) => `${file} ${per(file).toFixed(2)}`).join(', ')}`,
    );
  });
}

/** A node's `xb_store_commits_total` per file, from its /metrics. */
async function commitsOf(port: number): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const [, file, value] of text.matchAll(/^xb_store_commits_total\{file="([^"]+)"\} (\d+)$/gm))
    counts[file!] = Number(value);
  return counts;
}

async function measureLoad(
  { options, registry, log }: BenchContext,
  capacity: number,
  exchange: Exchange,
  watch: DeliveryWatch,
  nodes: NodeProcess[],
  stores: { sender: SqliteEventStore; receiver: SqliteEventStore },
): Promise<void> {
  const durationMs = options.scale === 'full' ? 10_000 : 3_000;
  const rss = nodes.map(() => 0);
  const sampler = setInterval(
    () => nodes.forEach((node, i) => (rss[i] = Math.max(rss[i]!, node.rssMiB() ?? 0))),
    200,
  );
  try {
    for (const fraction of [0.5, 0.8]) {
      log(`latency at ${fraction * 100}% of ${capacity.toFixed(1)}/s for ${durationMs / 1000} s`);
      watch.resetLatencies();
      const since = new Date().toISOString();
      const cpu = cpuOf(nodes, options.kafkaBrokers ? undefined : benchKafkaPid(options.kafkaPort));
      const levels = await runLoadLevels({
        capacityPerSecond: capacity,
        fractions: [fraction],
        durationMs,
        fire: exchange,
        drainTimeoutMs: 30_000,
      });
      recordLoadLevels(registry, 'ours_exchange', levels);
      // CPU per exchange at this rate, against the burst's: what a lone message costs when the
      // records come one by one and share no commits or sends.
      const used = cpu.since();
      const completed = levels[0]!.result.completed;
      const percent = Math.round(fraction * 100);
      for (const node of ['sender', 'receiver'] as const)
        registry.record(
          `ours_exchange_cpu_ms_${node}_at_${percent}pct`,
          (used[node] * 1000) / Math.max(1, completed),
          'ms',
          `${node} node CPU per exchange at ${percent}% (the burst's is ours_exchange_cpu_ms_${node})`,
        );
      await recordExchangeLegs(registry, stores.sender, stores.receiver, since, percent);
      const store = summarize(watch.storeLatenciesMs);
      registry.record(
        `ours_exchange_store_latency_p99_ms_at_${fraction * 100}pct`,
        store.p99,
        'ms',
        `delivery recorded - notice recorded (store clocks, no polling), p50 ${store.p50.toFixed(0)} ms, n=${watch.storeLatenciesMs.length}`,
      );
    }
  } finally {
    clearInterval(sampler);
  }
  registry.record(
    'ours_node_rss_mib_sender',
    rss[0]!,
    'MiB',
    'max VmRSS of the sender node (with its crypto pool children, summed) under the load levels',
  );
  registry.record(
    'ours_node_rss_mib_receiver',
    rss[1]!,
    'MiB',
    'max VmRSS of the receiver node (with its crypto pool children, summed) under the load levels',
  );
  registry.record('ours_node_rss_mib_max', Math.max(...rss), 'MiB', 'the larger of the two');
}

/** CPU seconds used since the call by each node, the broker and this process. */
function cpuOf(nodes: NodeProcess[], brokerPid: number | undefined) {
  const read = () => ({
    sender: nodes[0]!.cpuSeconds() ?? 0,
    receiver: nodes[1]!.cpuSeconds() ?? 0,
    broker: (brokerPid !== undefined ? cpuSecondsOfPid(brokerPid) : undefined) ?? 0,
    bench: cpuSecondsOfSelf(),
  });
  const before = read();
  return {
    since() {
      const now = read();
      const used = {
        sender: now.sender - before.sender,
        receiver: now.receiver - before.receiver,
        broker: now.broker - before.broker,
        bench: now.bench - before.bench,
      };
      return { ...used, total: used.sender + used.receiver + used.broker + used.bench };
    },
  };
}

async function withDeadline<T>(work: Promise<T>, ms: number, what: string, nodes: NodeProcess[]): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${what} not done in ${ms / 1000} s; node output: ${nodes.map((n) => n.log).join(' | ')}`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The raw crypto pool of 2 processes once more, right after the burst (nodes idle, broker up): the
 * raw-crypto suite ran minutes earlier, and on a shared machine the load between the two moves the
 * ratio more than anything we do. Recorded as `raw_crypto_exchanges_per_s_processes_beside`.
 */
async function measureRawBeside({ options, registry, cleanup, log }: BenchContext): Promise<void> {
  log(
    `raw crypto pool of ${options.poolSize} processes beside the nodes, ${options.rounds} x ${options.seconds} s`,
  );
  const pool = await CryptoPool.start('processes', options.poolSize, await generateExchangeKeys(), cleanup);
  try {
    const rounds = [];
    for (let round = 0; round < options.rounds; round++)
      rounds.push(await pool.round(options.seconds * 1000, round === 0 ? 1000 : 0));
    const perSecond = mean(rounds.map((round) => round.exchangesPerSecond));
    const coresUsed = mean(rounds.map((round) => round.coresUsed));
    registry.record(
      'raw_crypto_exchanges_per_s_processes_beside',
      perSecond,
      'ops/s',
      `${options.poolSize} crypto processes, measured right after the exchange burst`,
    );
    registry.record(
      'raw_crypto_exchanges_per_cpu_s_processes_beside',
      perSecond / coresUsed,
      'ops/cpu-s',
      'the same per CPU second',
    );
  } finally {
    await pool.stop();
  }
}
