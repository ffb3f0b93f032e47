import os from 'node:os';
import { reportSettings } from './report-settings';
import { retentionSettings } from './retention-settings';
import { ParseFailure, parsers, Setting } from './settings';

/**
 * `gateway` is the crypto boundary: it opens the inbox, seals and relays outbound messages and re-sends
 * unreceipted ones, so it (and the `sealer`, which signs audit seals) are the only roles that load the
 * agency's private key.
 */
export const NODE_ROLES = ['api', 'gateway', 'projector', 'sealer', 'responder'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

const s = <T>(setting: Setting<T>) => setting;


/** The node's settings. Order is the order of the README table. */
export const nodeSettings = {
  agencyId: s({
    name: 'XB_AGENCY_ID',
    description: "This node's agency id (docs/design.md section 4)",
    defaultText: 'VN.BGC.LAICHAU',
    parse: parsers.agencyId,
    fallback: () => 'VN.BGC.LAICHAU',
  }),
  roles: s({
    name: 'XB_ROLES',
    description: 'Roles this process runs',
    defaultText: NODE_ROLES.filter((r) => r !== 'responder').join(','),
    parse: parsers.listOf(...NODE_ROLES),
    fallback: () => NODE_ROLES.filter((r) => r !== 'responder').join(','),
  }),
  dataDir: s({
    name: 'XB_DATA_DIR',
    description: 'Directory for the SQLite event store, read models and keys',
    defaultText: '.local/node-<agency id>',
    parse: parsers.text,
    fallback: (env) => `.local/node-${(env.XB_AGENCY_ID ?? 'VN.BGC.LAICHAU').toLowerCase()}`,
  }),
  httpHost: s({
    name: 'XB_HTTP_HOST',
    description: 'Address the HTTP API listens on',
    defaultText: '127.0.0.1',
    parse: parsers.text,
    fallback: () => '127.0.0.1',
  }),
  httpPort: s({
    name: 'XB_HTTP_PORT',
    description: 'Port of the HTTP API',
    defaultText: '3000',
    parse: parsers.port,
    fallback: () => '3000',
  }),
  kafkaBrokers: s({
    name: 'KAFKA_BROKERS',
    description: 'Kafka bootstrap servers',
    defaultText: '127.0.0.1:9092',
    parse: parsers.brokers,
    fallback: () => '127.0.0.1:9092',
  }),
  kafkaClientId: s({
    name: 'KAFKA_CLIENT_ID',
    description: 'Kafka client id',
    defaultText: 'xb-<agency id>',
    parse: parsers.text,
    fallback: (env) => `xb-${(env.XB_AGENCY_ID ?? 'VN.BGC.LAICHAU').toLowerCase()}`,
  }),
  kafkaSsl: s({
    name: 'KAFKA_SSL',
    description: 'Use TLS to the brokers',
    defaultText: 'false',
    parse: parsers.bool,
    fallback: () => 'false',
  }),
  kafkaSslCaFile: s({
    name: 'KAFKA_SSL_CA_FILE',
    description:
      "PEM file of the CA that signs the brokers' certificates (host names are always verified); unset: the system's CAs",
    defaultText: '(none: system CAs)',
    optional: true,
    parse: parsers.readableFile,
  }),
  kafkaSslCertFile: s({
    name: 'KAFKA_SSL_CERT_FILE',
    description: 'PEM client certificate, for clusters that authenticate clients by certificate',
    defaultText: '(none)',
    optional: true,
    parse: parsers.readableFile,
  }),
  kafkaSslKeyFile: s({
    name: 'KAFKA_SSL_KEY_FILE',
    description: 'PEM private key of KAFKA_SSL_CERT_FILE',
    defaultText: '(none)',
    optional: true,
    parse: parsers.readableFile,
  }),
  kafkaSaslMechanism: s({
    name: 'KAFKA_SASL_MECHANISM',
    description: 'SASL mechanism (plain, scram-sha-256, scram-sha-512); unset for none',
    defaultText: '(none)',
    optional: true,
    parse: parsers.oneOf('plain', 'scram-sha-256', 'scram-sha-512'),
  }),
  kafkaSaslUsername: s({
    name: 'KAFKA_SASL_USERNAME',
    description: 'SASL user name',
    defaultText: '(none)',
    optional: true,
    parse: parsers.text,
  }),
  kafkaSaslPassword: s({
    name: 'KAFKA_SASL_PASSWORD',
    description: 'SASL password',
    defaultText: '(none)',
    optional: true,
    parse: parsers.text,
  }),
  topicPartitions: s({
    name: 'KAFKA_TOPIC_PARTITIONS',
    description: 'Partitions of topics this node provisions',
    defaultText: '3',
    parse: parsers.positiveInt,
    fallback: () => '3',
  }),
  topicReplication: s({
    name: 'KAFKA_TOPIC_REPLICATION',
    description: 'Replication factor of topics this node provisions',
    defaultText: '1',
    parse: parsers.positiveInt,
    fallback: () => '1',
  }),
  instanceId: s({
    name: 'XB_INSTANCE_ID',
    description:
      "This process's name in the gateway lease (two gateways of one agency need different names)",
    defaultText: '<host name>-<pid>',
    parse: parsers.text,
    fallback: () => `${os.hostname()}-${process.pid}`,
  }),
  leaseTtlMs: s({
    name: 'XB_LEASE_TTL_MS',
    description:
      'How long the gateway lease (relay and resender) lasts unless renewed; a standby gateway takes over after it lapses',
    defaultText: '15000',
    parse: parsers.positiveInt,
    fallback: () => '15000',
  }),
  gatewayWindow: s({
    name: 'XB_GATEWAY_WINDOW',
    description:
      "Most inbox records of one partition the gateway handles at once, each case's records in order: one at a time while few wait, wider as the backlog grows (1: always one at a time; docs/performance.md)",
    defaultText: '8',
    parse: parsers.positiveInt,
    fallback: () => '8',
  }),
  cryptoPool: s({
    name: 'XB_CRYPTO_POOL',
    description:
      "Child processes that seal and open the gateway's envelopes and sign its receipts, each with its own copy of the keys (0: in the node's own thread; docs/performance.md)",
    defaultText: '0',
    parse: parsers.nonNegativeInt,
    fallback: () => '0',
  }),
  esdbUrl: s({
    name: 'ESDB_URL',
    description:
      'EventStoreDB connection string; when set, the event store is EventStoreDB instead of SQLite',
    defaultText: '(none: SQLite)',
    optional: true,
    parse: parsers.url('esdb:', 'esdb+discover:'),
  }),
  databaseUrl: s({
    name: 'DATABASE_URL',
    description: 'PostgreSQL URL for read models; when unset, a SQLite file in XB_DATA_DIR',
    defaultText: '(none: SQLite)',
    optional: true,
    parse: parsers.url('postgres:', 'postgresql:'),
  }),
  maxEventBytes: s({
    name: 'XB_MAX_EVENT_BYTES',
    description: 'Largest event the store accepts',
    defaultText: '1048576',
    parse: parsers.positiveInt,
    fallback: () => '1048576',
  }),
  storeWriter: s({
    name: 'XB_STORE_WRITER',
    description:
      "Where the SQLite event store commits: inline (on the node's event loop) or thread (on a worker thread, so the event loop keeps working during each commit's fsync; docs/event-store.md)",
    defaultText: 'inline',
    parse: parsers.oneOf('inline', 'thread'),
    fallback: () => 'inline',
  }),
  jwksUrl: s({
    name: 'XB_JWKS_URL',
    description:
      "JWKS URL of the agency identity provider that signs officers' tokens; when unset, a local key pair in XB_DATA_DIR/auth (see `npm run token`)",
    defaultText: '(none: local key)',
    optional: true,
    parse: parsers.url('https:', 'http:'),
  }),
  tokenIssuer: s({
    name: 'XB_TOKEN_ISSUER',
    description: "Expected `iss` of officers' tokens",
    defaultText: 'xborder-local',
    parse: parsers.text,
    fallback: () => 'xborder-local',
  }),
  sessionCookieSecure: s({
    name: 'XB_SESSION_COOKIE_SECURE',
    description:
      "Mark the console's session cookie Secure (browsers keep Secure cookies from http://127.0.0.1 and localhost); false only for a lab reached over plain HTTP on another address",
    defaultText: 'true',
    parse: parsers.bool,
    fallback: () => 'true',
  }),
  consoleDir: s({
    name: 'XB_CONSOLE_DIR',
    description: "Directory of the built officers' console that the api role serves at /",
    defaultText: '(dist/console of the checkout)',
    optional: true,
    parse: parsers.text,
  }),
  oidcIssuer: s({
    name: 'XB_OIDC_ISSUER',
    description:
      "Issuer URL of the agency's OpenID Connect provider; when set, the console offers signing in there (authorization code with PKCE)",
    defaultText: '(none: local accounts only)',
    optional: true,
    parse: parsers.url('https:', 'http:'),
  }),
  oidcClientId: s({
    name: 'XB_OIDC_CLIENT_ID',
    description: "The console's client id at the identity provider",
    defaultText: 'xborder-console',
    parse: parsers.text,
    fallback: () => 'xborder-console',
  }),
  oidcClientSecret: s({
    name: 'XB_OIDC_CLIENT_SECRET',
    description: "The console's client secret at the identity provider; unset for a public client (PKCE only)",
    defaultText: '(none)',
    optional: true,
    parse: parsers.text,
  }),
  oidcRolesClaim: s({
    name: 'XB_OIDC_ROLES_CLAIM',
    description: "ID-token claim that lists the officer's roles",
    defaultText: 'roles',
    parse: parsers.text,
    fallback: () => 'roles',
  }),
  keyPassphrase: s({
    name: 'XB_KEY_PASSPHRASE',
    description: 'Passphrase of the agency private key in XB_DATA_DIR/keys, when it has one',
    defaultText: '(none)',
    optional: true,
    parse: parsers.text,
  }),
  channel: s({
    name: 'XB_CHANNEL',
    description:
      'Channel named in envelope headers this node sends: hotline, liaison_office, border_guard_central, border_guard_provincial, border_guard_post',
    defaultText: 'liaison_office',
    parse: parsers.oneOf(
      'hotline',
      'liaison_office',
      'border_guard_central',
      'border_guard_provincial',
      'border_guard_post',
    ),
    fallback: () => 'liaison_office',
  }),
  logLevel: s({
    name: 'LOG_LEVEL',
    description: 'Least severe log level shown',
    defaultText: 'log',
    parse: parsers.oneOf('error', 'warn', 'log', 'debug', 'verbose'),
    fallback: () => 'log',
  }),
  ...reportSettings,
  ...retentionSettings,
};

type Parsed<T> = T extends Setting<infer V> ? Exclude<V, ParseFailure> : never;
export type NodeConfig = {
  [K in keyof typeof nodeSettings]: (typeof nodeSettings)[K] extends { optional: true }
    ? Parsed<(typeof nodeSettings)[K]> | undefined
    : Parsed<(typeof nodeSettings)[K]>;
};
