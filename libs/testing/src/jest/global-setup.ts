import { waitForKafkaCoordinator } from '../kafka-ready';
import { startLocalKafka } from '../local-kafka';

/**
 * Starts one real broker for every integration and end-to-end test of the run. Its address reaches the
 * test workers through KAFKA_BROKERS, which jest workers inherit from this process.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.XB_TEST_KAFKA_BROKERS) {
    process.env.KAFKA_BROKERS = process.env.XB_TEST_KAFKA_BROKERS;
    return;
  }
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  process.env.KAFKA_BROKERS = await startLocalKafka(testKafkaPort());
  await waitForKafkaCoordinator(process.env.KAFKA_BROKERS.split(','));
}

export function testKafkaPort(): number {
  return Number(process.env.XB_TEST_KAFKA_PORT ?? 19092);
}
