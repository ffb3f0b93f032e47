import { Kafka, Producer } from 'kafkajs';
import { AuditSealer, openPgpSealSigner, SealAnchorer, sealAnchorDecider } from '@xb/audit';
import { eventStoreFile, NodeConfig } from '@xb/config';
import { Command, Decider, DECIDERS, DomainError, DomainEvent, ProcessCategory } from '@xb/domain';
import { CommandOutcome, createEventStore, EventStore, handleCommand, loadState } from '@xb/event-store';
import {
  createKafka,
  EnvelopeCodec,
  ExchangeMetrics,
  InboxGateway,
  InboxHealth,
  OutboxRelay,
  outboundMappingOf,
  provisionInbox,
  Resender,
  RetryPolicy,
  CommandRunner,
  anchorChecks,
} from '@xb/exchange';
import { agencyKeyPaths, loadTrustStore } from '@xb/envelope';
import { loadNodeCrypto, NodeCrypto } from './node-crypto';
import { Responder } from '../responder/responder';
import { DEFAULT_RESPONDER_POLICY, ResponderPolicy } from '../responder/policy';
import { inboundApplier, receiptApplier, headerDefaults } from './wire';
import { ReadModels } from './read-models';

export interface AgencyNodeOptions {
  readonly clock?: () => Date;
  readonly retryPolicy?: RetryPolicy;
  /** Resender tick. Default 1 s. */
  readonly resendTickMs?: number;
  /** Audit seal cadence. Defaults: 1,000 events or 10 s. */
  readonly sealEveryEvents?: number;
  readonly sealEveryMs?: number;
  /** How the `responder` role answers (see responder/policy.ts). */
  readonly responderPolicy?: Partial<ResponderPolicy>;
}

/** A node stops within this, whatever the broker does: a part still stopping then is left behind. */
export const STOP_BOUND_MS = 10_000;

/** Stoppable parts started by a role, stopped in reverse order. */
interface Part {
  readonly name: string;
  stop(): Promise<void>;
}

/**
 * One agency node: its event store, Kafka clients and the roles its configuration switches on. The HTTP
 * API and the demo drive it; tests run two of them in one process.
 */
export class AgencyNode {
  readonly metrics = new ExchangeMetrics();
  readonly kafka: Kafka;
  private producer?: Producer;
  private crypto?: NodeCrypto;
  private readonly parts: Part[] = [];
  private gateway?: InboxGateway;
  readonly readModels: ReadModels;

  private constructor(
    readonly config: NodeConfig,
    readonly store: EventStore,
    private readonly options: AgencyNodeOptions,
  ) {
    this.kafka = createKafka(config);
    this.readModels = new ReadModels(config, store);
  }

  /** Opens the store (SQLite file in the data dir, or EventStoreDB when ESDB_URL is set). */
  static open(config: NodeConfig, options: AgencyNodeOptions = {}): AgencyNode {
    const store = config.esdbUrl
      ? createEventStore({ esdbConnectionString: config.esdbUrl, maxEventBytes: config.maxEventBytes })
      : createEventStore({
          sqliteFile: eventStoreFile(config.dataDir),
          maxEventBytes: config.maxEventBytes,
        });
    return new AgencyNode(config, store, options);
  }

  get agencyId(): string {
    return this.config.agencyId;
  }

  now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** Runs a command of a cooperation process on one case. */
  execute<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    caseId: string,
    command: C,
  ): Promise<CommandOutcome<E, S>> {
    return handleCommand(this.store, decider, caseId, command);
  }

  executeIn(
    category: ProcessCategory,
    caseId: string,
    command: Command,
  ): Promise<CommandOutcome | DomainError> {
    return this.execute(
      DECIDERS[category] as unknown as Decider<Command, DomainEvent, unknown>,
      caseId,
      command,
    );
  }

  /** The trust store as on disk now (the api role does not keep the gateway's copy). */
  async trustStore() {
    const trust = await loadTrustStore(agencyKeyPaths(this.config.dataDir).trustDir);
    if (!trust.ok)
      throw new Error(
        `trust store refused: ${trust.problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`,
      );
    return trust.store;
  }

  /** This agency's public keys as its own trust store lists them (current and retired): seal verification. */
  async ownPublicKeys() {
    return (await this.trustStore()).keysOf(this.agencyId).map((entry) => entry.key);
  }

  /** Cross-anchor checks; sent seal heads are read back only where this process holds the private key. */
  async anchorChecks() {
    const trust = await this.trustStore();
    const own = this.crypto
      ? { decryption: this.crypto.ownKeys.all, verification: await this.ownPublicKeys() }
      : undefined;
    return anchorChecks(this.agencyId, trust, own);
  }

  /** Starts every role of the configuration. */
  async start(): Promise<void> {
    const roles = new Set(this.config.roles);
    if (roles.has('gateway') || roles.has('sealer'))
      this.crypto = await loadNodeCrypto(this.config.dataDir, this.config.keyPassphrase);
    if (roles.has('gateway')) await this.startGateway();
    if (roles.has('projector')) this.parts.push(await this.readModels.startProjector());
    if (roles.has('sealer')) await this.startSealer();
    if (roles.has('responder')) {
      const responder = new Responder(this, this.store, {
        ...DEFAULT_RESPONDER_POLICY,
        ...this.options.responderPolicy,
      });
      await responder.start();
      this.parts.push({ name: 'responder', stop: () => responder.stop() });
    }
  }

  /** The inbox gateway's own account (undefined when this process does not run the gateway role). */
  inboxHealth(): InboxHealth | undefined {
    return this.gateway?.health();
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
    const codec = new EnvelopeCodec({
      agencyId: this.agencyId,
      ...crypto,
      defaults: headerDefaults(this.config),
    });
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

    const relay = new OutboxRelay({
      ...common,
      store: this.store,
      loadState: (d, id) => loadState(this.store, d, id),
      mapOutbound: (event) => outboundMappingOf(event),
      seal: (m, at) => codec.seal(m, at),
      filter: { streamPrefixes: [...Object.keys(DECIDERS), sealAnchorDecider.category].map((c) => `${c}-`) },
    });
    await relay.start();
    this.parts.push({ name: 'relay', stop: () => relay.stop() });

    const resender = new Resender({
      ...common,
      store: this.store,
      ...(this.options.retryPolicy ? { policy: this.options.retryPolicy } : {}),
      ...(this.options.resendTickMs ? { tickMs: this.options.resendTickMs } : {}),
    });
    resender.start();
    this.parts.push({ name: 'resender', stop: () => resender.stop() });

    const gateway = new InboxGateway({
      ...common,
      kafka: this.kafka,
      store: this.store,
      codec,
      loadState: (d, id) => loadState(this.store, d, id),
      applyInbound: inboundApplier(this),
      onReceipt: receiptApplier(this),
      concurrency: this.config.topicPartitions,
      ...(this.options.retryPolicy ? { receiptRetryPolicy: this.options.retryPolicy } : {}),
    });
    this.gateway = gateway;
    await gateway.start();
    this.parts.push({ name: 'gateway', stop: () => gateway.stop() });
  }

  private async startSealer(): Promise<void> {
    const sealer = new AuditSealer(this.store, openPgpSealSigner(this.crypto!.ownKeys.current), {
      agencyId: this.agencyId,
      ...(this.options.sealEveryEvents ? { sealEveryEvents: this.options.sealEveryEvents } : {}),
      ...(this.options.sealEveryMs ? { sealEveryMs: this.options.sealEveryMs } : {}),
    });
    await sealer.start();
    this.parts.push({ name: 'sealer', stop: () => sealer.stop() });
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
