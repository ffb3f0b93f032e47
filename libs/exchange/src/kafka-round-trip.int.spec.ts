import { randomUUID } from 'node:crypto';
import { createKafka, provisionTopics } from '.';
import { waitFor } from '@xb/testing';

describe('the local Kafka broker started by the test harness', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  const kafka = createKafka({
    kafkaBrokers: brokers,
    kafkaClientId: 'round-trip-test',
    kafkaSsl: false,
  } as never);

  it('carries a record from a kafkajs producer to a consumer group', async () => {
    const topic = `xb.test.round-trip.${randomUUID()}`;
    expect(await provisionTopics(kafka, { topics: [topic], partitions: 1, replicationFactor: 1 })).toEqual([
      topic,
    ]);
    expect(await provisionTopics(kafka, { topics: [topic], partitions: 1, replicationFactor: 1 })).toEqual(
      [],
    );

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const consumer = kafka.consumer({ groupId: `round-trip-${randomUUID()}` });
    const received: { key: string; value: string }[] = [];
    try {
      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: message.key!.toString(), value: message.value!.toString() });
        },
      });
      await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: 'xin chào' }] });
      await waitFor('the record to come back', () => received.length === 1);
      expect(received).toEqual([{ key: 'case-1', value: 'xin chào' }]);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });
});
