import { createHash } from 'node:crypto';
import { Producer } from 'kafkajs';
import { isDomainError } from '@xb/domain';
import { AllSubscription, EventStore, RecordedEvent, SubscriptionFilter } from '@xb/event-store';
import { inBatches, openedEvents } from '@xb/event-store';
import { ExchangeMetrics } from './metrics';
import { outboundMessageDecider, OutboundMessageState } from './outbound-message';
import { CommandRunner, OutboundMessage, StateLoader } from './ports';
import { OutboundMapping } from './wire-mapping';
import { disseminationOf } from './wire-mapping/header';
import { inboxTopic } from './topics';

export interface OutboxRelayOptions {
  readonly store: EventStore;
  readonly producer: Producer;
  readonly runCommand: CommandRunner;
  readonly loadState: StateLoader;
  /** What each event is to the outbox: nothing, a message to send, or one the contract cannot carry. */
  readonly mapOutbound: (event: RecordedEvent) => OutboundMapping;
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
  /**
   * Messages of a batch sealed at once, then recorded at once. Default 16: enough for their dispatch
   * records to share one group commit, few enough that sealing a large batch does not hold every message
   * of it until the last is sealed.
   */
  readonly dispatchConcurrency?: number;
  /**
   * The gateway lease, when several gateways of one agency run: a relay whose term has lapsed stops
   * before it seals, sends or moves the checkpoint (its successor resumes from the checkpoint).
   */
  readonly lease?: { held(): boolean };
  /** Told of each failure the relay recovers from (it retries from its checkpoint). */
  readonly onError?: (error: unknown) => void;
  /**
   * Longest the checkpoint a batch earned waits to ride in the next batch's commit before it is saved
   * on its own. Default 100 ms.
   */
  readonly checkpointDelayMs?: number;
}

/**
 * Follows the global order from a durable checkpoint and sends every queued message to its counterpart's
 * inbox. Each message is sealed once: the sealed bytes are recorded (OutboundMessageDispatched) before
 * they are produced, so a crash between the two re-sends the same bytes under the same message id. The
 * checkpoint moves only after Kafka has acknowledged the whole batch, and is written in the same commit as
 * the next batch's dispatch records (or on its own once the relay has been idle `checkpointDelayMs`): a
 * crash in between re-sends what the lost checkpoint covered, the same bytes under the same ids, which
 * the counterpart answers as duplicates.
 */
export class OutboxRelay {
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private stopped = false;
  private wake?: () => void;
  /** The position Kafka has acknowledged up to, not yet saved as the checkpoint. */
  private acknowledged?: bigint;
  private checkpointTimer?: NodeJS.Timeout;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    this.running = this.run();
  }

  /** Stops after the batch in hand; resolves when the relay has stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.stop();
    await this.running;
    if (!this.options.lease || this.options.lease.held())
      await this.saveAcknowledged().catch((error: unknown) => this.options.onError?.(error));
    clearTimeout(this.checkpointTimer);
  }

  private get checkpointName(): string {
    return this.options.checkpointName ?? 'outbox-relay';
  }

  /**
   * Relays until stopped. Lost infrastructure (Kafka down past the producer's retries, the store busy)
   * does not end the relay: it waits, with backoff, and starts again from its checkpoint, so whatever
   * was sealed but not acknowledged is sent again under the same message id.
   */
  private async run(): Promise<void> {
    let backoffMs = 100;
    while (!this.stopped) {
      const { store, filter } = this.options;
      // What an earlier run had sent is kept, so a restart after an error re-sends no more than it must.
      await this.saveAcknowledged().catch(() => undefined);
      const after = await store.readCheckpoint(this.checkpointName).catch(() => undefined);
      const subscription = store.subscribeToAll({
        ...(after !== undefined ? { after } : {}),
        ...(filter ? { filter } : {}),
      });
      this.subscription = subscription;
      try {
        for await (const batch of inBatches(subscription, this.options.maxBatch ?? 256)) {
          // Ends the live subscription before the error unwinds the loop: leaving a `for await` waits
          // for the subscription's pending read, which on a quiet store is the next event, so the
          // retry below would wait for traffic instead of its backoff.
          await this.relay(batch).catch(async (error: unknown) => {
            await subscription.stop();
            throw error;
          });
          backoffMs = 100;
        }
      } catch (error) {
        if (this.stopped) break;
        this.options.onError?.(error);
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, backoffMs);
        });
        backoffMs = Math.min(backoffMs * 2, 5_000);
      } finally {
        await subscription.stop();
      }
    }
  }

  private async relay(batch: RecordedEvent[]): Promise<void> {
    this.assertLeaseHeld();
    // The wire carries the particulars (inside the sealed envelope): the relay opens what the store sealed.
    const opened = await openedEvents(this.options.store, batch);
    const size = Math.max(1, this.options.dispatchConcurrency ?? 16);
    for (let start = 0; start < opened.length; start += size) {
      // A chunk is sealed at once, then recorded at once: its dispatch records share one group commit
      // instead of one fsync each as the seals finish one after the other. It is sent as soon as it is
      // recorded, so the first message of a long batch does not wait for the last one's seal.
      const prepared = await Promise.all(
        opened.slice(start, start + size).map((event) => this.prepare(event)),
      );
      const steps = prepared.filter((step) => step !== undefined);
      // Events that queue nothing (most of a case's events) write nothing: their batch's checkpoint waits
      // for the next batch that does, or for the delay.
      if (steps.length === 0) continue;
      // The checkpoint the last batch earned joins these records' commit: one fsync, not two.
      const [records] = await Promise.all([
        Promise.all(steps.map((record) => record())),
        this.saveAcknowledged(),
      ]);
      await this.send(records);
    }
    this.acknowledged = batch[batch.length - 1].position;
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(
      () => void this.saveAcknowledged().catch((error: unknown) => this.options.onError?.(error)),
      this.options.checkpointDelayMs ?? 100,
    );
  }

  /** Saves the position Kafka acknowledged, if not saved yet, the lease checked first. */
  private async saveAcknowledged(): Promise<void> {
    clearTimeout(this.checkpointTimer);
    const position = this.acknowledged;
    if (position === undefined) return;
    this.assertLeaseHeld();
    this.acknowledged = undefined;
    await this.options.store.saveCheckpoint(this.checkpointName, position);
  }

  private async send(records: readonly (KafkaRecord | undefined)[]): Promise<void> {
    const byTopic = new Map<string, KafkaRecord['message'][]>();
    for (const record of records) {
      if (!record) continue;
      const list = byTopic.get(record.topic) ?? [];
      list.push(record.message);
      byTopic.set(record.topic, list);
    }
    if (byTopic.size === 0) return;
    this.assertLeaseHeld();
    await this.options.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /**
   * What one event asks of the relay, its sealing done: the returned step records it (the dispatch, or
   * the flag of an unsendable message) and gives the Kafka record to send, if any; none for an event
   * that queues nothing.
   */
  private async prepare(event: RecordedEvent): Promise<(() => Promise<KafkaRecord | undefined>) | undefined> {
    const mapping = this.options.mapOutbound(event);
    if (mapping.kind === 'unsendable') return () => this.flagUnsendable(mapping);
    if (mapping.kind !== 'message') return undefined;
    const message = mapping.message;
    const state = await this.loadState(message.messageId);
    // Already sealed by an earlier run that stopped before Kafka acknowledged: the same bytes go again.
    if (state.status !== 'queued') return async () => recordOf(state);
    const sentAt = this.now().toISOString();
    const envelope = await this.sealTimed(message, sentAt);
    return async () => {
      const result = await this.options.runCommand(outboundMessageDecider, message.messageId, {
        type: 'RecordDispatch',
        data: {
          messageId: message.messageId,
          correlationId: message.correlationId,
          category: message.category,
          counterpart: message.counterpart,
          payloadType: message.payloadType,
          ...disseminationOf(message.headerExtras ?? {}),
          envelope: Buffer.from(envelope).toString('base64'),
          envelopeSha256: createHash('sha256').update(envelope).digest('hex'),
          queuedAt: event.position.toString(),
        },
        metadata: { now: sentAt, actor: 'system:relay', agencyId: this.options.agencyId },
      });
      if (isDomainError(result))
        throw new Error(`outbox relay: cannot record dispatch: ${result.code} ${result.reason}`);
      return recordOf(result.state);
    };
  }

  /** Never blocks the relay: the message is recorded as unsendable, for an officer to handle otherwise. */
  private async flagUnsendable(
    mapping: Extract<OutboundMapping, { kind: 'unsendable' }>,
  ): Promise<undefined> {
    const result = await this.options.runCommand(outboundMessageDecider, mapping.messageId, {
      type: 'RecordUnsendable',
      data: {
        messageId: mapping.messageId,
        reason: mapping.reason,
        detail: `${mapping.outboundKind}: ${mapping.detail}`,
      },
      metadata: { now: this.now().toISOString(), actor: 'system:relay', agencyId: this.options.agencyId },
    });
    if (isDomainError(result) && result.code !== 'INVALID_TRANSITION')
      throw new Error(`outbox relay: cannot flag unsendable message: ${result.code}`);
    return undefined;
  }

  private assertLeaseHeld(): void {
    if (this.options.lease && !this.options.lease.held())
      throw new Error('outbox relay: the gateway lease has lapsed; nothing sent');
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

interface KafkaRecord {
  readonly topic: string;
  readonly message: { key: string; value: Buffer; headers: Record<string, string> };
}

/** The Kafka record of a sealed message; none for one receipted or flagged since (nothing left to send). */
function recordOf(state: OutboundMessageState): KafkaRecord | undefined {
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
