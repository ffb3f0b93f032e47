import { createHash } from 'node:crypto';
import { Producer } from 'kafkajs';
import { isDomainError } from '@xb/domain';
import { AllSubscription, EventStore, RecordedEvent, SubscriptionFilter } from '@xb/event-store';
import { inBatches } from '@xb/event-store';
import { ExchangeMetrics } from './metrics';
import { outboundMessageDecider, OutboundMessageState } from './outbound-message';
import { CommandRunner, OutboundMessage, OutboundMessageOf, StateLoader } from './ports';
import { inboxTopic } from './topics';

export interface OutboxRelayOptions {
  readonly store: EventStore;
  readonly producer: Producer;
  readonly runCommand: CommandRunner;
  readonly loadState: StateLoader;
  readonly outboundMessageOf: OutboundMessageOf;
  /** Seals one message into the record bytes for the counterpart's inbox topic. */
  readonly seal: (message: OutboundMessage, sentAt: string) => Promise<Uint8Array>;
  readonly agencyId: string;
  readonly clock?: () => Date;
  readonly metrics?: ExchangeMetrics;
  /** Name of the durable checkpoint. Default `outbox-relay`. */
  readonly checkpointName?: string;
  /** Only events of these streams can queue messages. Default: every stream. */
  readonly filter?: SubscriptionFilter;
  /** Most events handled per Kafka send and checkpoint. Default 256. */
  readonly maxBatch?: number;
}

/**
 * Follows the global order from a durable checkpoint and sends every queued message to its counterpart's
 * inbox. Each message is sealed once: the sealed bytes are recorded (OutboundMessageDispatched) before
 * they are produced, so a crash between the two re-sends the same bytes under the same message id. The
 * checkpoint moves only after Kafka has acknowledged the whole batch.
 */
export class OutboxRelay {
  private subscription?: AllSubscription;
  private running?: Promise<void>;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    const { store } = this.options;
    const after = await store.readCheckpoint(this.checkpointName);
    this.subscription = store.subscribeToAll({
      ...(after !== undefined ? { after } : {}),
      ...(this.options.filter ? { filter: this.options.filter } : {}),
    });
    this.running = this.run(this.subscription);
  }

  /** Stops after the batch in hand; resolves when the relay has stopped. Rejects if the relay had failed. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }

  /** Resolves when the relay fails (lost infrastructure); used by the node to stop rather than stall. */
  get done(): Promise<void> | undefined {
    return this.running;
  }

  private get checkpointName(): string {
    return this.options.checkpointName ?? 'outbox-relay';
  }

  private async run(subscription: AllSubscription): Promise<void> {
    for await (const batch of inBatches(subscription, this.options.maxBatch ?? 256)) {
      await this.relay(batch);
    }
  }

  private async relay(batch: RecordedEvent[]): Promise<void> {
    const queued = batch
      .map((event) => ({ event, message: this.options.outboundMessageOf(event) }))
      .filter((q): q is { event: RecordedEvent; message: OutboundMessage } => q.message !== undefined);
    const records = await Promise.all(queued.map(({ event, message }) => this.dispatch(event, message)));
    const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
    for (const record of records) {
      if (!record) continue;
      const list = byTopic.get(record.topic) ?? [];
      list.push(record.message);
      byTopic.set(record.topic, list);
    }
    if (byTopic.size > 0) {
      await this.options.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    }
    await this.options.store.saveCheckpoint(this.checkpointName, batch[batch.length - 1].position);
  }

  /** Records the sealed message (or finds it recorded by an earlier run) and returns its Kafka record. */
  private async dispatch(event: RecordedEvent, message: OutboundMessage) {
    let state = await this.loadState(message.messageId);
    if (state.status === 'queued') {
      const sentAt = this.now().toISOString();
      const envelope = await this.sealTimed(message, sentAt);
      const result = await this.options.runCommand(outboundMessageDecider, message.messageId, {
        type: 'RecordDispatch',
        data: {
          messageId: message.messageId,
          correlationId: message.correlationId,
          category: message.category,
          counterpart: message.counterpart,
          payloadType: message.payloadType,
          envelope: Buffer.from(envelope).toString('base64'),
          envelopeSha256: createHash('sha256').update(envelope).digest('hex'),
          queuedAt: event.position.toString(),
        },
        metadata: { now: sentAt, actor: 'system:relay', agencyId: this.options.agencyId },
      });
      if (isDomainError(result))
        throw new Error(`outbox relay: cannot record dispatch: ${result.code} ${result.reason}`);
      state = result.state;
    }
    // Already sealed by an earlier run that stopped before Kafka acknowledged: the same bytes go again.
    // A message receipted or flagged since has nothing left to send.
    if (state.status !== 'sent') return undefined;
    return {
      topic: inboxTopic(state.counterpart),
      message: {
        key: state.correlationId,
        value: Buffer.from(state.envelope, 'base64'),
        headers: { 'xb-message-id': state.messageId },
      },
    };
  }

  private loadState(messageId: string): Promise<OutboundMessageState> {
    return this.options.loadState(outboundMessageDecider, messageId);
  }

  private async sealTimed(message: OutboundMessage, sentAt: string): Promise<Uint8Array> {
    const metrics = this.options.metrics;
    return metrics
      ? metrics.time(metrics.sealSeconds, () => this.options.seal(message, sentAt))
      : this.options.seal(message, sentAt);
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
