import { Kafka, Producer } from 'kafkajs';
import { isDomainError } from '@xb/domain';
import { EventStore, eventsOf } from '@xb/event-store';
import {
  evolveReceiptDelivery,
  isReceiptDeliveryEvent,
  receiptDeliveryDecider,
  ReceiptDeliveryState,
} from './inbound-message/receipt-delivery';
import { ExchangeMetrics } from './metrics';
import { CommandRunner } from './ports';
import { DEFAULT_RETRY_POLICY, delayAfterAttempt, RetryPolicy } from './retry-policy';
import { inboxTopic } from './topics';
import { Ticker } from './ticker';

/** A signed receipt on its way to the inbox of the envelope's sender. */
export interface OutgoingReceipt {
  /** The message it answers. */
  readonly messageId: string;
  readonly counterpart: string;
  readonly key: string;
  readonly value: Buffer;
}

export interface ReceiptCourierOptions {
  readonly kafka: Kafka;
  readonly store: EventStore;
  readonly runCommand: CommandRunner;
  readonly agencyId: string;
  /** Waits between re-sends of a parked receipt (its last wait repeats: a receipt is never given up). */
  readonly policy?: RetryPolicy;
  readonly clock?: () => Date;
  readonly metrics?: ExchangeMetrics;
  /** How often parked receipts are looked at. Default 1 s. */
  readonly tickMs?: number;
  readonly onError?: (error: unknown) => void;
}

interface Parked {
  readonly receipt: OutgoingReceipt;
  attempts: number;
  lastTriedAtMs: number;
}

/**
 * Carries receipts to the senders' inbox topics. A receipt Kafka does not take (the topic does not exist,
 * no write access, the broker away) never holds up our inbox: it is parked (recorded in
 * `receipt-<message id>` with its bytes) and re-sent with backoff until it goes through, across restarts.
 */
export class ReceiptCourier {
  private readonly producer: Producer;
  private readonly parked = new Map<string, Parked>();
  private readonly ticker: Ticker;

  constructor(private readonly options: ReceiptCourierOptions) {
    // Never create a counterpart's topic (that is theirs to do), and fail fast: a parked receipt is retried.
    this.producer = options.kafka.producer({
      allowAutoTopicCreation: false,
      retry: { retries: 2, initialRetryTime: 100 },
    });
    this.ticker = new Ticker(() => this.tick(), options.tickMs ?? 1_000, options.onError);
  }

  async start(): Promise<void> {
    await this.producer.connect();
    const states = new Map<string, ReceiptDeliveryState>();
    for await (const event of eventsOf(this.options.store, [`${receiptDeliveryDecider.category}-`])) {
      if (!isReceiptDeliveryEvent(event)) continue;
      const id = event.streamId.slice(receiptDeliveryDecider.category.length + 1);
      const state = states.get(id) ?? receiptDeliveryDecider.initialState();
      states.set(id, evolveReceiptDelivery(state, event));
    }
    for (const state of states.values()) {
      if (state.status !== 'parked') continue;
      const { messageId, counterpart, key, receipt, parkedAt } = state.parked;
      this.parked.set(messageId, {
        receipt: { messageId, counterpart, key, value: Buffer.from(receipt, 'base64') },
        attempts: 1,
        lastTriedAtMs: Date.parse(parkedAt),
      });
    }
    this.report();
    this.ticker.start();
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
    await this.producer.disconnect();
  }

  get parkedCount(): number {
    return this.parked.size;
  }

  /** Sends receipts, one produce per counterpart; those Kafka does not take are parked, never thrown. */
  async deliver(receipts: readonly OutgoingReceipt[]): Promise<void> {
    const byCounterpart = new Map<string, OutgoingReceipt[]>();
    for (const r of receipts)
      byCounterpart.set(r.counterpart, [...(byCounterpart.get(r.counterpart) ?? []), r]);
    for (const [counterpart, list] of byCounterpart) {
      try {
        await this.produce(counterpart, list);
        for (const receipt of list) if (this.parked.has(receipt.messageId)) await this.recordSent(receipt);
      } catch (error) {
        for (const receipt of list) await this.park(receipt, error);
      }
    }
    this.report();
  }

  /** Re-sends every parked receipt whose wait is over. Exposed for tests that drive the clock. */
  async tick(): Promise<void> {
    const policy = this.options.policy ?? DEFAULT_RETRY_POLICY;
    const now = this.now().getTime();
    for (const parked of [...this.parked.values()]) {
      if (now < parked.lastTriedAtMs + delayAfterAttempt(policy, parked.attempts)) continue;
      try {
        await this.produce(parked.receipt.counterpart, [parked.receipt]);
        await this.recordSent(parked.receipt, parked.attempts + 1);
      } catch {
        parked.attempts += 1;
        parked.lastTriedAtMs = now;
      }
    }
    this.report();
  }

  private async produce(counterpart: string, receipts: readonly OutgoingReceipt[]): Promise<void> {
    await this.producer.send({
      topic: inboxTopic(counterpart),
      acks: -1,
      messages: receipts.map((r) => ({
        key: r.key,
        value: r.value,
        headers: { 'xb-receipt-for': r.messageId },
      })),
    });
  }

  private async park(receipt: OutgoingReceipt, error: unknown): Promise<void> {
    const result = await this.options.runCommand(receiptDeliveryDecider, receipt.messageId, {
      type: 'ParkReceipt',
      data: {
        messageId: receipt.messageId,
        counterpart: receipt.counterpart,
        key: receipt.key,
        receipt: receipt.value.toString('base64'),
        reason: (error instanceof Error ? error.message : String(error)).slice(0, 300),
      },
      metadata: { now: this.now().toISOString(), actor: 'system:gateway', agencyId: this.options.agencyId },
    });
    if (isDomainError(result)) throw new Error(`receipt courier: cannot park a receipt: ${result.code}`);
    if (!this.parked.has(receipt.messageId))
      this.parked.set(receipt.messageId, { receipt, attempts: 1, lastTriedAtMs: this.now().getTime() });
  }

  private async recordSent(receipt: OutgoingReceipt, attempts = 1): Promise<void> {
    const result = await this.options.runCommand(receiptDeliveryDecider, receipt.messageId, {
      type: 'RecordParkedReceiptSent',
      data: { messageId: receipt.messageId, attempts },
      metadata: { now: this.now().toISOString(), actor: 'system:gateway', agencyId: this.options.agencyId },
    });
    if (isDomainError(result))
      throw new Error(`receipt courier: cannot record a sent receipt: ${result.code}`);
    this.parked.delete(receipt.messageId);
  }

  private report(): void {
    this.options.metrics?.receiptsParked.set(this.parked.size);
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
