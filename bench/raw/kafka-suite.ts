import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Admin, Consumer, Kafka, LogEntry, Partitioners, Producer, logLevel } from 'kafkajs';
import { BenchContext, BenchSuite } from '../harness/context';
import { benchKafkaPid } from '../harness/local-kafka';
import { rssOfPidMiB } from '../harness/proc';
import { summarize } from '../harness/stats';
import { RecordWaiter } from './record-waiter';

/** About the size of a sealed envelope (raw_crypto_sealed_bytes plus the readable header). */
export const RECORD_BYTES = 1536;
const PARTITIONS = 3;
/** Records per producer.send() of the throughput run, and sends in flight at once. */
const SEND_BATCH = 500;
const SENDS_IN_FLIGHT = 4;

/**
 * kafkajs produce-then-consume through the run's broker, records of envelope size: throughput with
 * batching, and the round trip of a single record (send with acks=all until the consumer sees it).
 */
export const rawKafkaSuite: BenchSuite = {
  name: 'raw-kafka',
  async run(context) {
    const broker = await context.kafka();
    const kafka = new Kafka({
      clientId: 'xb-bench',
      brokers: [broker],
      logLevel: logLevel.ERROR,
      logCreator: () => logUnlessTransient,
      retry: { retries: 8 },
    });
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const disconnect = context.cleanup.add('bench kafka producer', () => producer.disconnect());
    try {
      await measureThroughput(context, kafka, producer);
      await measureRoundTrip(context, kafka, producer);
      const pid = context.options.kafkaBrokers ? undefined : benchKafkaPid(context.options.kafkaPort);
      const rss = pid === undefined ? undefined : rssOfPidMiB(pid);
      if (rss !== undefined)
        context.registry.record('raw_rss_kafka_broker_mib', rss, 'MiB', 'VmRSS of the local broker JVM');
    } finally {
      await disconnect();
    }
  },
};

async function measureThroughput(
  { options, registry, cleanup, log }: BenchContext,
  kafka: Kafka,
  producer: Producer,
): Promise<void> {
  const topic = await createTopic(kafka, 'throughput', cleanup);
  const waiter = new RecordWaiter();
  const release = await startConsumer(kafka, topic, waiter, cleanup);
  try {
    await probe(producer, topic, waiter);
    const total = options.kafkaRecords;
    log(`measuring Kafka throughput: ${total} records of ${RECORD_BYTES} B`);
    const value = randomBytes(RECORD_BYTES);
    const consumed = waiter.countReaches(total, 'r-');
    const start = performance.now();
    await sendAll(producer, topic, total, value);
    const produced = performance.now();
    await withDeadline(consumed, 120_000, `the consumer to see ${total} records`);
    const roundTrip = performance.now();
    registry.record(
      'raw_kafka_produce_per_s',
      (total * 1000) / (produced - start),
      'records/s',
      `acks=all, ${SEND_BATCH} per send, ${SENDS_IN_FLIGHT} in flight`,
    );
    registry.record(
      'raw_kafka_records_per_s',
      (total * 1000) / (roundTrip - start),
      'records/s',
      `produce then consume, ${RECORD_BYTES} B, ${PARTITIONS} partitions`,
    );
  } finally {
    await release();
  }
}

async function measureRoundTrip(
  { options, registry, cleanup, log }: BenchContext,
  kafka: Kafka,
  producer: Producer,
): Promise<void> {
  const topic = await createTopic(kafka, 'latency', cleanup);
  const waiter = new RecordWaiter();
  const release = await startConsumer(kafka, topic, waiter, cleanup);
  try {
    await probe(producer, topic, waiter);
    log('measuring the Kafka single-record round trip');
    const value = randomBytes(RECORD_BYTES);
    const samples: number[] = [];
    const end = performance.now() + options.seconds * options.rounds * 1000;
    while (performance.now() < end) {
      const key = `l-${randomUUID()}`;
      const seen = waiter.keySeen(key);
      const start = performance.now();
      await producer.send({ topic, acks: -1, messages: [{ key, value }] });
      await withDeadline(seen, 30_000, `record ${key}`);
      samples.push(performance.now() - start);
    }
    const summary = summarize(samples);
    registry.record(
      'raw_kafka_rtt_p50_ms',
      summary.p50,
      'ms',
      `1 record send (acks=all) until consumed, n=${summary.count}`,
    );
    registry.record(
      'raw_kafka_rtt_p99_ms',
      summary.p99,
      'ms',
      `1 record send (acks=all) until consumed, n=${summary.count}`,
    );
  } finally {
    await release();
  }
}

/**
 * kafkajs logs, as errors, a freshly started broker's group coordinator still loading; the consumer
 * retries by itself and the probe's deadline catches a real failure, so those lines are noise.
 */
function logUnlessTransient({ log }: LogEntry): void {
  const text = `${log.message} ${String(log.error ?? '')}`;
  if (/coordinator (is loading|is not available)|Restarting the consumer/i.test(text)) return;
  process.stderr.write(`[kafkajs] ${log.message}${log.error ? `: ${String(log.error)}` : ''}\n`);
}

/** A fresh topic per measurement, deleted by the run's clean-up (which matters on a --kafka-brokers broker). */
async function createTopic(kafka: Kafka, purpose: string, cleanup: BenchContext['cleanup']) {
  const topic = `xb.bench.${purpose}.${Date.now()}`;
  await withAdmin(kafka, (admin) =>
    admin.createTopics({
      topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
      waitForLeaders: true,
    }),
  );
  // Deleted only at the end of the run: kafkajs keeps asking a live producer's metadata for every
  // topic it wrote to, and fails its next send once one of them is gone.
  cleanup.add(`bench topic ${topic}`, () =>
    withAdmin(kafka, (admin) => admin.deleteTopics({ topics: [topic] })),
  );
  return topic;
}

async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

async function startConsumer(
  kafka: Kafka,
  topic: string,
  waiter: RecordWaiter,
  cleanup: BenchContext['cleanup'],
) {
  const consumer: Consumer = kafka.consumer({ groupId: `xb-bench-${randomUUID()}`, maxWaitTimeInMs: 500 });
  await consumer.connect();
  const release = cleanup.add(`bench consumer of ${topic}`, () => consumer.disconnect());
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) waiter.seen(message.key?.toString() ?? '');
    },
  });
  return release;
}

/** Waits until the consumer has joined and fetches: a record sent now comes back. */
async function probe(producer: Producer, topic: string, waiter: RecordWaiter): Promise<void> {
  const key = `p-${randomUUID()}`;
  const seen = waiter.keySeen(key);
  await producer.send({ topic, messages: [{ key, value: 'probe' }] });
  await withDeadline(seen, 60_000, 'the consumer to join and fetch a probe record');
}

async function sendAll(producer: Producer, topic: string, total: number, value: Buffer): Promise<void> {
  let next = 0;
  const sender = async () => {
    while (next < total) {
      const count = Math.min(SEND_BATCH, total - next);
      const first = next;
      next += count;
      const messages = Array.from({ length: count }, (_, i) => ({ key: `r-${first + i}`, value }));
      await producer.send({ topic, acks: -1, messages });
    }
  };
  await Promise.all(Array.from({ length: SENDS_IN_FLIGHT }, sender));
}

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
