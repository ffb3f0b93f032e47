import { Inject, Injectable } from '@nestjs/common';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { createKafka, deadLetterTopic, inboxTopic, provisionTopics } from '@xb/exchange';

/** Proves the node can reach Kafka and owns its topics; the node is ready only after this succeeds. */
@Injectable()
export class KafkaHealth {
  constructor(@Inject(NODE_CONFIG) private readonly config: NodeConfig) {}

  async ensureTopics(): Promise<string[]> {
    const kafka = createKafka(this.config);
    return provisionTopics(kafka, {
      topics: [inboxTopic(this.config.agencyId), deadLetterTopic(this.config.agencyId)],
      partitions: this.config.topicPartitions,
      replicationFactor: this.config.topicReplication,
    });
  }
}
