import { stopLocalKafka } from '../local-kafka';
import { testKafkaPort } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  if (process.env.XB_TEST_KAFKA_BROKERS) return;
  await stopLocalKafka(testKafkaPort());
}
