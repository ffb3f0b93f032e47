import { Kafka } from 'kafkajs';
import { deadLetterTopic, inboxTopic } from './topics';

export interface TopicPlan {
  readonly topics: readonly string[];
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic settings by topic name, applied when the topic is created. */
  readonly configs?: Readonly<Record<string, Record<string, string>>>;
}

/**
 * Largest record batch the dead-letter topic takes: twice the broker default (1 MiB), so a refused record
 * as large as the inbox allows still fits with the refusal's headers.
 */
export const DEAD_LETTER_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** This agency's inbox and dead-letter topics, as a node provisions them at start-up. */
export function provisionInbox(
  kafka: Kafka,
  agencyId: string,
  sizing: Pick<TopicPlan, 'partitions' | 'replicationFactor'>,
): Promise<string[]> {
  const dlq = deadLetterTopic(agencyId);
  return provisionTopics(kafka, {
    ...sizing,
    topics: [inboxTopic(agencyId), dlq],
    configs: { [dlq]: { 'max.message.bytes': String(DEAD_LETTER_MAX_MESSAGE_BYTES) } },
  });
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
      // Leaders are awaited below: kafkajs's own wait fails outright on a metadata answer that is only late
      // ("does not host this topic-partition"), e.g. when two nodes provision at once.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: plan.partitions,
          replicationFactor: plan.replicationFactor,
          configEntries: Object.entries(plan.configs?.[topic] ?? {}).map(([name, value]) => ({
            name,
            value,
          })),
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
