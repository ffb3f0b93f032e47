import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * A fresh KRaft broker accepts connections before its group and transaction coordinators have loaded.
 * Waits until a consumer group can be described (which makes the broker create __consumer_offsets), so
 * that the first test does not race the coordinator. `kafka` is a client with the cluster's security
 * settings and `groupId` a group it may describe (default: a plaintext client and `xb-readiness`).
 */
export async function waitForKafkaCoordinator(
  brokers: string[],
  timeoutMs = 60_000,
  kafka = new Kafka({ clientId: 'xb-readiness', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } }),
  groupId = 'xb-readiness',
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      `the Kafka group coordinator of ${groupId}`,
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups.length === 1;
      },
      { timeoutMs, intervalMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
}
