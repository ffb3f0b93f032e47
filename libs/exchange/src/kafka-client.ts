import fs from 'node:fs';
import { ConnectionOptions } from 'node:tls';
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
> &
  Partial<Pick<NodeConfig, 'kafkaSslCaFile' | 'kafkaSslCertFile' | 'kafkaSslKeyFile'>>;

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
    ssl: tlsOptions(settings),
    ...(sasl ? { sasl } : {}),
    // kafkajs logs every retried request at ERROR (e.g. a coordinator still loading); only what it gives
    // up on reaches us as an exception, so its own log is kept to one line per real error.
    logLevel: logLevel.ERROR,
    logCreator: oneLineLog,
    retry: { initialRetryTime: 100, retries: 8 },
    ...overrides,
  });
}

/**
 * TLS as Node verifies it by default: the chain must reach a trusted CA and the broker's certificate
 * must name the host dialled. A CA file replaces the system's CAs; a certificate and key are presented
 * to clusters that ask for one. Nothing here can switch verification off.
 */
export function tlsOptions(settings: KafkaSettings): ConnectionOptions | boolean {
  const { kafkaSslCaFile: ca, kafkaSslCertFile: cert, kafkaSslKeyFile: key } = settings;
  if (!settings.kafkaSsl) {
    if (ca || cert) throw new Error('KAFKA_SSL_CA_FILE or KAFKA_SSL_CERT_FILE is set but KAFKA_SSL is false');
    return false;
  }
  if (Boolean(cert) !== Boolean(key))
    throw new Error('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE: set both or neither');
  if (!ca && !cert) return true;
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca: [fs.readFileSync(ca, 'utf8')] } : {}),
    ...(cert && key ? { cert: fs.readFileSync(cert, 'utf8'), key: fs.readFileSync(key, 'utf8') } : {}),
  };
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
