import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@xb/testing';

const kafkaOf = (brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092') =>
  new Kafka({ clientId: 'xb-test-tools', brokers: brokers.split(','), logLevel: logLevel.NOTHING });

/** Broker's default limit on one record batch (message.max.bytes): larger sends go alone. */
const BATCH_BYTES = 512 * 1024;

/**
 * Writes records straight into a topic, as a counterpart (or an intruder with write access) would; a
 * record with a partition goes there, others by key. Sent in batches under the broker's limit.
 */
export async function produceRaw(
  topic: string,
  records: readonly { key: string; value: Uint8Array; partition?: number }[],
  brokers?: string,
): Promise<void> {
  const producer = kafkaOf(brokers).producer();
  await producer.connect();
  try {
    let batch: typeof records = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map((r) => ({ key: r.key, value: Buffer.from(r.value), partition: r.partition })),
      });
      [batch, bytes] = [[], 0];
    };
    for (const record of records) {
      if (bytes + record.value.length > BATCH_BYTES) await flush();
      batch = [...batch, record];
      bytes += record.value.length;
    }
    await flush();
  } finally {
    await producer.disconnect();
  }
}

export interface ReadRecord {
  readonly partition: number;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

/** Reads a topic from the start until `enough` says so; returns every record seen. */
export async function readRecords(
  topic: string,
  enough: (records: readonly ReadRecord[]) => boolean,
  timeoutMs = 60_000,
): Promise<ReadRecord[]> {
  const consumer = kafkaOf().consumer({ groupId: `xb-test-reader-${randomUUID()}`, maxBytes: 16 << 20 });
  const seen: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push({
          partition,
          key: String(message.key ?? ''),
          value: message.value ?? Buffer.alloc(0),
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
      },
    });
    await waitFor(`enough records in ${topic}`, () => enough(seen), { timeoutMs });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

/** Reads a topic from the start until `count` records arrived; returns their headers as text. */
export async function readHeaders(
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<Record<string, string>[]> {
  return (await readRecords(topic, (r) => r.length >= count, timeoutMs)).map((r) => r.headers);
}
