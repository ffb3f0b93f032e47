import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@xb/testing';

const kafkaOf = () =>
  new Kafka({
    clientId: 'xb-test-tools',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
    logLevel: logLevel.NOTHING,
  });

/** Writes records straight into a topic, as a counterpart (or an intruder with write access) would. */
export async function produceRaw(
  topic: string,
  records: readonly { key: string; value: Uint8Array }[],
  brokers?: string,
): Promise<void> {
  const kafka = brokers
    ? new Kafka({ clientId: 'xb-test-tools', brokers: brokers.split(','), logLevel: logLevel.NOTHING })
    : kafkaOf();
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: records.map((r) => ({ key: r.key, value: Buffer.from(r.value) })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Reads a topic from the start until `count` records arrived; returns their headers as text. */
export async function readHeaders(
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<Record<string, string>[]> {
  const consumer = kafkaOf().consumer({ groupId: `xb-test-reader-${randomUUID()}` });
  const seen: Record<string, string>[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
      },
    });
    await waitFor(`${count} records in ${topic}`, () => seen.length >= count, { timeoutMs });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}
