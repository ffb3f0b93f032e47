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
    await waitForLeaders(admin, plan.topics);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/**
 * createTopics returns before every broker's metadata cache knows the new partitions; a consumer that
 * subscribes then fails with "does not host this topic-partition". Waits (bounded) until each partition
 * of `topics` has a leader in the metadata the brokers serve.
 */
async function waitForLeaders(
  admin: ReturnType<Kafka['admin']>,
  topics: readonly string[],
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
        return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics ${topics.join(', ')} have no leader after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
