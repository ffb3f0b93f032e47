import { Kafka } from 'kafkajs';

export interface TopicPlan {
  readonly topics: readonly string[];
  readonly partitions: number;
  readonly replicationFactor: number;
}

/**
 * Creates the missing topics of `plan`; existing topics are left as they are (their partition count is an
 * operations decision, see docs/operations.md). Returns the names it created.
 */
export async function provisionTopics(kafka: Kafka, plan: TopicPlan): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = plan.topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: plan.partitions,
          replicationFactor: plan.replicationFactor,
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
