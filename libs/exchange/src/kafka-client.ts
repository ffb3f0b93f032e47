import { Kafka, KafkaConfig, logLevel, SASLOptions } from 'kafkajs';
import { NodeConfig } from '@xb/config';

export type KafkaSettings = Pick<
  NodeConfig,
  | 'kafkaBrokers'
  | 'kafkaClientId'
  | 'kafkaSsl'
  | 'kafkaSaslMechanism'
  | 'kafkaSaslUsername'
  | 'kafkaSaslPassword'
>;

/** Builds the kafkajs client from the node's settings (TLS and SASL for production clusters). */
export function createKafka(settings: KafkaSettings, overrides: Partial<KafkaConfig> = {}): Kafka {
  const sasl: SASLOptions | undefined = settings.kafkaSaslMechanism
    ? ({
        mechanism: settings.kafkaSaslMechanism,
        username: settings.kafkaSaslUsername ?? '',
        password: settings.kafkaSaslPassword ?? '',
      } as SASLOptions)
    : undefined;
  return new Kafka({
    clientId: settings.kafkaClientId,
    brokers: settings.kafkaBrokers,
    ssl: settings.kafkaSsl,
    ...(sasl ? { sasl } : {}),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
    ...overrides,
  });
}
