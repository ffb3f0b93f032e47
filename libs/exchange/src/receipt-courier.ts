import { Kafka, Producer } from 'kafkajs';
import { isDomainError } from '@xb/domain';
import { EventStore, readForFold } from '@xb/event-store';
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
  /** Name of the durable checkpoint of where the parked receipts begin. Default `receipt-courier-open-from`. */
  readonly checkpointName?: string;
}

/** Events read per page at start-up. */
const START_PAGE = 2_000;

interface Parked {
  readonly receipt: OutgoingReceipt;
  attempts: number;
  lastTriedAtMs: number;
}

/**
 * Carries receipts to the senders' inbox topics. A receipt Kafka does not take (the topic does not exist,
 * no write access, the broker away) never holds up our inbox: it is parked (recorded in
 * `receipt-<message id>` with its bytes) and re-sent with backoff until it goes through, across restarts.
 * Start-up reads the global order only from a durable checkpoint: the position before the first event of
 * the oldest receipt still parked (or, with none parked, the end of the store when last looked), so it
 * does not grow with history.
 */
export class ReceiptCourier {
  private readonly producer: Producer;
  private readonly parked = new Map<string, Parked>();
  private readonly ticker: Ticker;
  /** Receipts being parked (their event written, the map not yet told). */
  private parking = 0;
  private saved?: bigint;

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
    const { store } = this.options;
    const from = await store.readCheckpoint(this.checkpointName);
    const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const end = newest?.position ?? -1n;
    const prefix = `${receiptDeliveryDecider.category}-`;
    const states = new Map<string, { state: ReceiptDeliveryState; since: bigint }>();
    let next = (from ?? -1n) + 1n;
    while (next <= end) {
      const page = await store.readAll({ fromPosition: next, maxCount: START_PAGE });
      for (const event of page) {
        if (event.position > end) break;
        if (!event.streamId.startsWith(prefix) || !isReceiptDeliveryEvent(event)) continue;
        const id = event.streamId.slice(prefix.length);
        const known = states.get(id);
        if (known) known.state = evolveReceiptDelivery(known.state, event);
        else
          states.set(id, {
            // Met in the middle of its stream (it began before the checkpoint): folded up to here.
            state:
              event.revision === 0n
                ? evolveReceiptDelivery(receiptDeliveryDecider.initialState(), event)
                : await this.foldUpTo(event.streamId, event.revision),
            since: event.position,
          });
      }
      const last = page.at(-1);
      if (!last || page.length < START_PAGE) break;
      next = last.position + 1n;
    }
    let openFrom = end;
    for (const { state, since } of states.values()) {
      if (state.status !== 'parked') continue;
      if (since - 1n < openFrom) openFrom = since - 1n;
      const { messageId, counterpart, key, receipt, parkedAt } = state.parked;
      this.parked.set(messageId, {
        receipt: { messageId, counterpart, key, value: Buffer.from(receipt, 'base64') },
        attempts: 1,
        lastTriedAtMs: Date.parse(parkedAt),
      });
    }
    await this.saveCheckpoint(openFrom);
    this.report();
    this.ticker.start();
  }

  private get checkpointName(): string {
    return this.options.checkpointName ?? 'receipt-courier-open-from';
  }

  private async saveCheckpoint(position: bigint): Promise<void> {
    if (position < 0n || position === this.saved) return;
    await this.options.store.saveCheckpoint(this.checkpointName, position);
    this.saved = position;
  }

  private async foldUpTo(streamId: string, revision: bigint): Promise<ReceiptDeliveryState> {
    let state = receiptDeliveryDecider.initialState();
    for (const event of await readForFold(this.options.store, streamId)) {
      if (event.revision > revision) break;
      if (isReceiptDeliveryEvent(event)) state = evolveReceiptDelivery(state, event);
    }
    return state;
  }

  /**
   * With nothing parked and no receipt being parked, the checkpoint moves to the store's end. The end is
   * read first: a receipt parked before it was read is then still being parked, or parked.
   */
  private async advanceCheckpoint(): Promise<void> {
    if (this.parking > 0 || this.parked.size > 0) return;
    const [newest] = await this.options.store.readAll({ direction: 'backwards', maxCount: 1 });
    if (!newest || this.parking > 0 || this.parked.size > 0) return;
    await this.saveCheckpoint(newest.position);
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
    await this.advanceCheckpoint();
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
    this.parking += 1;
    try {
      await this.parkRecorded(receipt, error);
    } finally {
      this.parking -= 1;
    }
  }

  private async parkRecorded(receipt: OutgoingReceipt, error: unknown): Promise<void> {
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
