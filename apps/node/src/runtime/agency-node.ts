import { Kafka, Producer } from 'kafkajs';
import { AuditSealer, openPgpSealSigner, SealAnchorer, sealAnchorDecider, type SealTimer } from '@xb/audit';
import { eventStoreFile, NodeConfig } from '@xb/config';
import { PROCESS_CATEGORIES } from '@xb/domain';
import {
  CaseCommands,
  caseCommandsOn,
  createEventStore,
  EventStore,
  handleCommand,
  loadState,
  SqliteEventStore,
} from '@xb/event-store';
import {
  createKafka,
  EnvelopeCodec,
  type EnvelopeCodecOptions,
  PooledCodec,
  ExchangeMetrics,
  InboxGateway,
  InboxHealth,
  Lease,
  Ticker,
  LeasedWork,
  OutboxRelay,
  outboundMappingOf,
  provisionInbox,
  Resender,
  RetryPolicy,
  CommandRunner,
  inboundApplier,
  MinutesSigner,
  MinutesSigningHealth,
  minutesCheckedApplier,
  receiptApplier,
} from '@xb/exchange';
import { loadNodeCrypto, NodeCrypto } from './node-crypto';
import { NodeKeys } from './node-keys';
import { NodeDirectory } from './node-directory';
import { Responder } from '../responder/responder';
import { DEFAULT_RESPONDER_POLICY, ResponderPolicy } from '../responder/policy';
import { headerDefaults } from './wire';
import { protectParticulars } from './protect-particulars';
import { erasureNoticeDecider, ProtectedEventStore, type KeyManagement, type KeyStore } from '@xb/protection';
import type { BlindIndexer } from '@xb/persons';
import { ReadModels } from './read-models';
import { DeadlineEscalator } from '@xb/read-models';
import { applyRetention } from '../confidentiality/retention';

/** Default pace of the deadline escalation: a deadline is escalated within a minute of passing. */
export const ESCALATION_CHECK_MS = 60_000;
/** Default pace of the retention job: a closed case's period is applied within an hour of ending. */
export const RETENTION_CHECK_MS = 3_600_000;

export interface AgencyNodeOptions {
  readonly clock?: () => Date;
  readonly retryPolicy?: RetryPolicy;
  /** Resender tick. Default 1 s. */
  readonly resendTickMs?: number;
  /** Audit seal cadence. Defaults: 1,000 events or 10 s. */
  readonly sealEveryEvents?: number;
  readonly sealEveryMs?: number;
  /** What ticks the timed seals. Default: the interval timer; tests advance a clock of their own. */
  readonly sealTimer?: SealTimer;
  /** How the `responder` role answers (see responder/policy.ts). */
  readonly responderPolicy?: Partial<ResponderPolicy>;
  /** How often the node looks for a newer signed agency directory. Default 5 s. */
  readonly directoryCheckMs?: number;
  /** How often the projector role looks for passed deadlines to escalate (default ESCALATION_CHECK_MS). */
  readonly escalationCheckMs?: number;
  /** How often the gateway holding the lease applies the retention periods (default RETENTION_CHECK_MS). */
  readonly retentionCheckMs?: number;
  /** The master key of the particulars' keys (production: a KMS). Default: the data dir's key file. */
  readonly keyManagement?: KeyManagement;
}

/** A node stops within this, whatever the broker does: a part still stopping then is left behind. */
export const STOP_BOUND_MS = 10_000;

/** Stoppable parts started by a role, stopped in reverse order. */
interface Part {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * One agency node, the composition root: it opens the event store, builds the narrow ports its parts
 * use (`cases`, `readModels`, `keys`, `metrics`) and starts the roles its configuration switches on.
 * No part receives the node itself: the HTTP API gets them as Nest providers (node-providers.ts).
 * The demo drives it; tests run two of them in one process.
 */
export class AgencyNode {
  readonly metrics = new ExchangeMetrics();
  readonly kafka: Kafka;
  /** Run a command on a case (agency id, clock, the one command handler). */
  readonly cases: CaseCommands;
  readonly readModels: ReadModels;
  readonly keys: NodeKeys;
  /** The signed agency directory: trust, pairings (node-directory.ts). */
  readonly directory: NodeDirectory;
  private producer?: Producer;
  private crypto?: NodeCrypto;
  private readonly parts: Part[] = [];
  private gateway?: InboxGateway;
  /** Set while this process holds the gateway lease (the signer runs with the relay). */
  private minutesSigner?: MinutesSigner;

  private constructor(
    readonly config: NodeConfig,
    readonly store: EventStore,
    private readonly options: AgencyNodeOptions,
  ) {
    this.kafka = createKafka(config);
    this.cases = caseCommandsOn(store, config.agencyId, () => this.now());
    this.readModels = new ReadModels(config, store, () => this.now());
    this.directory = new NodeDirectory({
      agencyId: config.agencyId,
      dataDir: config.dataDir,
      clock: () => this.now(),
      store,
    });
    this.keys = new NodeKeys(config.agencyId, config.dataDir, this.directory);
    // Commits are fsyncs: their rate per message is what the exchange's batching saves (docs/performance.md).
    if (store instanceof ProtectedEventStore) {
      const keys = store.codec.keys;
      this.metrics.commitSources.keys = () => keys.commits;
      const inner = store.inner;
      if (inner instanceof SqliteEventStore) this.metrics.commitSources.events = () => inner.commits;
    }
  }

  /** Opens the store (SQLite file in the data dir, or EventStoreDB when ESDB_URL is set). */
  static open(config: NodeConfig, options: AgencyNodeOptions = {}): AgencyNode {
    const stored = config.esdbUrl
      ? createEventStore({ esdbConnectionString: config.esdbUrl, maxEventBytes: config.maxEventBytes })
      : createEventStore({
          sqliteFile: eventStoreFile(config.dataDir),
          maxEventBytes: config.maxEventBytes,
          writer: config.storeWriter,
        });
    // Particulars are sealed before the adapter stores them (docs/confidentiality.md).
    const store = protectParticulars(stored, config.dataDir, {
      ...(options.keyManagement ? { keyManagement: options.keyManagement } : {}),
      now: () => options.clock?.() ?? new Date(),
    });
    return new AgencyNode(config, store, options);
  }

  /** The particulars' data keys (erasure, retention: docs/confidentiality.md). */
  get particularKeys(): KeyStore {
    if (!(this.store instanceof ProtectedEventStore)) throw new Error('this node does not seal particulars');
    return this.store.codec.keys;
  }

  /** The node's one blind indexer (key management's blind-index key): sealed name indexes and the person register. */
  blindIndexer(): Promise<BlindIndexer> {
    if (!(this.store instanceof ProtectedEventStore)) throw new Error('this node does not seal particulars');
    return this.store.codec.blindIndexer();
  }

  get agencyId(): string {
    return this.config.agencyId;
  }

  now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** Starts every role of the configuration. */
  async start(): Promise<void> {
    const roles = new Set(this.config.roles);
    await this.directory.load();
    if (roles.has('gateway') || roles.has('sealer')) {
      this.crypto = await loadNodeCrypto(this.config.dataDir, this.config.keyPassphrase);
      this.keys.loaded(this.crypto);
      this.directory.attach(this.crypto.trustStore);
    }
    const directoryTicker = new Ticker(
      async () => void (await this.directory.check()),
      this.options.directoryCheckMs ?? 5_000,
      (error) =>
        process.stderr.write(
          `${this.agencyId}: agency directory check failed: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    );
    directoryTicker.start();
    this.parts.push({ name: 'directory check', stop: () => directoryTicker.stop() });
    if (roles.has('gateway')) await this.startGateway();
    if (roles.has('projector')) {
      this.parts.push(await this.readModels.startProjector());
      this.startEscalation();
    }
    if (roles.has('sealer')) await this.startSealer();
    if (roles.has('responder')) {
      const responder = new Responder(this.cases, this.store, {
        ...DEFAULT_RESPONDER_POLICY,
        ...this.options.responderPolicy,
      });
      await responder.start();
      this.parts.push({ name: 'responder', stop: () => responder.stop() });
    }
  }

  /**
   * Escalates passed deadlines beside the projector, whose folded cases it reads. Several projector
   * processes may run it at once: the store records each escalation once (read-models/escalation.ts).
   */
  private startEscalation(): void {
    const escalator = new DeadlineEscalator(() => this.readModels.db(), this.store, {
      clock: () => this.now(),
      onEscalated: ({ category, kind }) => this.metrics.deadlinesEscalated.inc({ process: category, kind }),
    });
    const ticker = new Ticker(
      async () => void (await escalator.escalate()),
      this.options.escalationCheckMs ?? ESCALATION_CHECK_MS,
      (error) =>
        process.stderr.write(
          `${this.agencyId}: deadline escalation failed: ${error instanceof Error ? error.message : String(error)}\n`,
        ),
    );
    ticker.start();
    this.parts.push({ name: 'deadline escalation', stop: () => ticker.stop() });
  }

  /** The inbox gateway's own account (undefined when this process does not run the gateway role). */
  inboxHealth(): InboxHealth | undefined {
    return this.gateway?.health();
  }

  /** Minutes awaiting the agency key's signature (undefined unless this process holds the gateway lease). */
  minutesHealth(): MinutesSigningHealth | undefined {
    return this.minutesSigner?.health();
  }

  /**
   * Stops every part within STOP_BOUND_MS: with the broker gone, kafkajs retries a disconnect or a send
   * for far longer. What is left behind was not acknowledged, so it is replayed at the next start.
   */
  async stop(): Promise<void> {
    const deadline = Date.now() + STOP_BOUND_MS;
    const errors: unknown[] = [];
    const stopping = [
      ...this.parts.reverse(),
      { name: 'producer', stop: async () => this.producer?.disconnect() },
    ];
    this.parts.length = 0;
    for (const part of stopping) await stopWithin(part, deadline).catch((error) => errors.push(error));
    await this.readModels.close();
    await this.store.close();
    if (errors.length > 0) throw errors[0];
  }

  private async startGateway(): Promise<void> {
    const crypto = this.crypto!;
    await provisionInbox(this.kafka, this.agencyId, {
      partitions: this.config.topicPartitions,
      replicationFactor: this.config.topicReplication,
    });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    const codecOptions = { agencyId: this.agencyId, ...crypto, defaults: headerDefaults(this.config) };
    const codec = await this.startCodec(codecOptions);
    const runCommand: CommandRunner = (decider, id, command) =>
      handleCommand(this.store, decider, id, command);
    const common = {
      agencyId: this.agencyId,
      clock: () => this.now(),
      metrics: this.metrics,
      onError: (error: unknown) =>
        process.stderr.write(
          `${this.agencyId}: ${error instanceof Error ? error.message : String(error)} (retrying)\n`,
        ),
      runCommand,
      producer: this.producer,
    };

    // Every gateway of the agency consumes the inbox (one consumer group); the relay and resender run
    // only in the one that holds the lease (docs/operations.md), the others stand by.
    const lease = new Lease({
      store: this.store,
      name: 'gateway',
      holder: this.config.instanceId,
      ttlMs: this.config.leaseTtlMs,
      clock: () => this.now(),
    });
    const leased = new LeasedWork({
      lease,
      checkEveryMs: Math.max(50, Math.floor(this.config.leaseTtlMs / 3)),
      onError: common.onError,
      start: async () => {
        const relay = new OutboxRelay({
          ...common,
          lease,
          store: this.store,
          loadState: (d, id) => loadState(this.store, d, id),
          mapOutbound: (event) => outboundMappingOf(event),
          seal: (m, at) => codec.seal(m, at),
          filter: {
            streamPrefixes: [
              ...PROCESS_CATEGORIES,
              sealAnchorDecider.category,
              erasureNoticeDecider.category,
            ].map((c) => `${c}-`),
          },
        });
        const resender = new Resender({
          ...common,
          lease,
          store: this.store,
          ...(this.options.retryPolicy ? { policy: this.options.retryPolicy } : {}),
          ...(this.options.resendTickMs ? { tickMs: this.options.resendTickMs } : {}),
        });
        // Signs hand-over minutes with the agency key: here, where the key is (docs/architecture.md).
        const minutesSigner = new MinutesSigner({
          store: this.store,
          runCommand,
          agencyId: this.agencyId,
          signingKey: crypto.ownKeys.current,
          clock: common.clock,
          onError: common.onError,
          metrics: this.metrics,
          ...(this.options.resendTickMs ? { tickMs: this.options.resendTickMs } : {}),
        });
        // Retention runs once per agency, where the lease is: two gateways never erase the same case twice.
        const retention = this.retentionTicker(common.onError);
        await relay.start();
        resender.start();
        await minutesSigner.start();
        retention?.start();
        this.minutesSigner = minutesSigner;
        return async () => {
          this.minutesSigner = undefined;
          await retention?.stop();
          await minutesSigner.stop();
          await resender.stop();
          await relay.stop();
        };
      },
    });
    await leased.start();
    this.parts.push({ name: 'relay and resender (leased)', stop: () => leased.stop() });

    const gateway = new InboxGateway({
      ...common,
      kafka: this.kafka,
      store: this.store,
      codec,
      loadState: (d, id) => loadState(this.store, d, id),
      applyInbound: minutesCheckedApplier(
        inboundApplier(this.cases, this.store),
        crypto.trustStore,
        crypto.ownPublicKey,
      ),
      onReceipt: receiptApplier(this.cases),
      concurrency: this.config.topicPartitions,
      window: this.config.gatewayWindow,
      ...(this.options.retryPolicy ? { receiptRetryPolicy: this.options.retryPolicy } : {}),
    });
    this.gateway = gateway;
    await gateway.start();
    this.parts.push({ name: 'gateway', stop: () => gateway.stop() });
  }

  /**
   * The gateway's codec: in this thread, or spread over XB_CRYPTO_POOL child processes (docs/design.md,
   * "The crypto pool"), stopped after the gateway and relay that use it.
   */
  private async startCodec(options: EnvelopeCodecOptions): Promise<EnvelopeCodec | PooledCodec> {
    if (this.config.cryptoPool === 0) return new EnvelopeCodec(options);
    const pool = await PooledCodec.start({
      ...options,
      size: this.config.cryptoPool,
      onChildExit: (detail) => process.stderr.write(`${this.agencyId}: ${detail}\n`),
    });
    this.parts.push({ name: 'crypto pool', stop: () => pool.stop() });
    return pool;
  }

  /**
   * The retention job (confidentiality/retention.ts), on the node's clock; none when no category has a
   * period (`XB_RETENTION_DAYS`). Its erasures are audited and destroy keys: nothing to undo on a stop.
   */
  private retentionTicker(onError: (error: unknown) => void): Ticker | undefined {
    const periods = this.config.retentionDays;
    if (Object.keys(periods).length === 0) return undefined;
    return new Ticker(
      async () =>
        void (await applyRetention(this.store, this.particularKeys, periods, this.now(), this.agencyId)),
      this.options.retentionCheckMs ?? RETENTION_CHECK_MS,
      onError,
    );
  }

  private async startSealer(): Promise<void> {
    const sealer = new AuditSealer(this.store, openPgpSealSigner(this.crypto!.ownKeys.current), {
      agencyId: this.agencyId,
      ...(this.options.sealEveryEvents ? { sealEveryEvents: this.options.sealEveryEvents } : {}),
      ...(this.options.sealEveryMs ? { sealEveryMs: this.options.sealEveryMs } : {}),
      ...(this.options.sealTimer ? { timer: this.options.sealTimer } : {}),
    });
    await sealer.start();
    // Stopped last, after every writer: its final seal then covers the whole trail (docs/audit.md section 2).
    this.parts.unshift({ name: 'sealer', stop: async () => void (await sealer.stopAndSeal()) });
    const trustStore = this.crypto!.trustStore;
    const anchorer = new SealAnchorer(this.store, {
      agencyId: this.agencyId,
      counterparts: () => trustStore.agencies(),
    });
    await anchorer.start();
    this.parts.push({ name: 'seal anchorer', stop: () => anchorer.stop() });
  }
}

async function stopWithin(part: Part, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
  });
  const stopped = part.stop();
  stopped.catch(() => undefined); // a part left behind may fail later, when nobody waits for it
  try {
    if ((await Promise.race([stopped, late])) === 'late')
      process.stderr.write(`${part.name} did not stop within ${STOP_BOUND_MS} ms: left behind\n`);
  } finally {
    clearTimeout(timer);
  }
}
