import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * A fresh KRaft broker accepts connections before its group and transaction coordinators have loaded.
 * Waits until a consumer group can be described (which makes the broker create __consumer_offsets), so
 * that the first test does not race the coordinator.
 */
export async function waitForKafkaCoordinator(brokers: string[], timeoutMs = 60_000): Promise<void> {
  const kafka = new Kafka({
    clientId: 'xb-readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      'the Kafka group coordinator',
      async () => {
        const { groups } = await admin.describeGroups(['xb-readiness']);
        return groups.length === 1;
      },
      { timeoutMs, intervalMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
}
