import { Kafka, KafkaConfig, logCreator, logLevel, SASLOptions } from 'kafkajs';
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
    // kafkajs logs every retried request at ERROR (e.g. a coordinator still loading); only what it gives
    // up on reaches us as an exception, so its own log is kept to one line per real error.
    logLevel: logLevel.ERROR,
    logCreator: oneLineLog,
    retry: { initialRetryTime: 100, retries: 8 },
    ...overrides,
  });
}

const oneLineLog: logCreator =
  () =>
  ({ namespace, log }) => {
    if (log.message?.includes('coordinator is loading') || log.message?.includes('Restarting the consumer'))
      return;
    process.stderr.write(
      `kafkajs ${namespace}: ${log.message}${log.error ? ` (${String(log.error)})` : ''}\n`,
    );
  };
