import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { waitFor } from '@xb/testing';
import { createKafka, deadLetter, produceDeadLetters, provisionTopics } from '.';

/** Dead letters over the real broker: large ones in batches under its limit, an oversized one kept by digest. */
describe('dead letters', () => {
  jest.setTimeout(60_000);
  const kafka = createKafka({
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    kafkaClientId: 'dlq-test',
    kafkaSsl: false,
  } as never);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const facts = {
    reason: 'MALFORMED',
    detail: 'test',
    source: 'xb.v1.inbox.x/0@1',
    refusedAt: '2026-12-01T00:00:00Z',
  };

  beforeAll(() => producer.connect());
  afterAll(() => producer.disconnect());

  async function readAll(topic: string, count: number) {
    const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, maxBytes: 16 << 20 });
    const seen: { value: Buffer; headers: Record<string, string> }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          );
          seen.push({ value: message.value ?? Buffer.alloc(0), headers });
        },
      });
      await waitFor(`${count} dead letters`, () => seen.length >= count);
      return seen;
    } finally {
      await consumer.disconnect();
    }
  }

  it('sends large dead letters whole, in batches the broker takes', async () => {
    const topic = `xb.test.dlq.${randomUUID()}`;
    await provisionTopics(kafka, { topics: [topic], partitions: 1, replicationFactor: 1 });
    const values = Array.from({ length: 5 }, () => randomBytes(400_000)); // 2 MB for one partition
    await produceDeadLetters(
      producer,
      values.map((v, i) => deadLetter(topic, `k${i}`, v, facts)),
    );
    const seen = await readAll(topic, values.length);
    expect(seen.map((s) => s.value.length)).toEqual(values.map((v) => v.length));
    expect(seen.every((s, i) => s.value.equals(values[i]))).toBe(true);
  });

  it('keeps a record the topic cannot take by digest and size, without its bytes, and goes on', async () => {
    const topic = `xb.test.dlq.small.${randomUUID()}`;
    await provisionTopics(kafka, {
      topics: [topic],
      partitions: 1,
      replicationFactor: 1,
      configs: { [topic]: { 'max.message.bytes': '20000' } },
    });
    const [large, small] = [randomBytes(50_000), randomBytes(100)];
    await produceDeadLetters(producer, [
      deadLetter(topic, 'a', large, facts),
      deadLetter(topic, 'b', small, facts),
    ]);
    const [first, second] = await readAll(topic, 2);
    expect(first.value.length).toBe(0);
    expect(first.headers).toMatchObject({
      'xb-bytes-omitted': 'too large',
      'xb-sha256': createHash('sha256').update(large).digest('hex'),
      'xb-size': '50000',
    });
    expect(second.value.equals(small)).toBe(true);
  });
});
