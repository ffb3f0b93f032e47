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
      `starting two nodes (roles ${roles()}) in child processes; notices queued through the ${queueMode()}`,
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
      await measureRawBeside(context);
      await measureLoad(context, capacity, exchange, watch, nodes);
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

async function measureLoad(
  { options, registry, log }: BenchContext,
  capacity: number,
  exchange: Exchange,
  watch: DeliveryWatch,
  nodes: NodeProcess[],
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
      const levels = await runLoadLevels({
        capacityPerSecond: capacity,
        fractions: [fraction],
        durationMs,
        fire: exchange,
        drainTimeoutMs: 30_000,
      });
      recordLoadLevels(registry, 'ours_exchange', levels);
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
    'max VmRSS of the sender node under the load levels',
  );
  registry.record(
    'ours_node_rss_mib_receiver',
    rss[1]!,
    'MiB',
    'max VmRSS of the receiver node under the load levels',
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
