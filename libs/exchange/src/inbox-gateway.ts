import { Consumer, EachBatchPayload, IHeaders, Kafka, Producer } from 'kafkajs';
import { appendAuditRecord, envelopeRefused } from '@xb/audit';
import { isDomainError } from '@xb/domain';
import { EventStore } from '@xb/event-store';
import { inboundMessageDecider } from './inbound-message/inbound-message';
import { ExchangeMetrics } from './metrics';
import { DispatchedMessage, outboundMessageDecider } from './outbound-message';
import {
  ApplyInbound,
  CommandRunner,
  InboundHeader,
  InboundReceipt,
  InboxCodec,
  OpenedRecord,
  StateLoader,
} from './ports';
import { deadLetterTopic, inboxTopic } from './topics';

export interface InboxGatewayOptions {
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly agencyId: string;
  readonly codec: InboxCodec;
  readonly runCommand: CommandRunner;
  readonly loadState: StateLoader;
  readonly applyInbound: ApplyInbound;
  /** Tells the case that its message was delivered or rejected (after the receipt is recorded). */
  readonly onReceipt?: (receipt: InboundReceipt, message: DispatchedMessage) => Promise<void>;
  /** Where refused records are kept, with their raw bytes, in the audit trail. */
  readonly store: EventStore;
  readonly clock?: () => Date;
  readonly metrics?: ExchangeMetrics;
  /** Consumer group. Default `xb-gateway-<agency id>`. */
  readonly groupId?: string;
  /** Partitions processed at once (order is kept within a partition, i.e. within a case). Default 3. */
  readonly concurrency?: number;
  /** Times a record may fail with an exception before it is dead-lettered as PROCESSING_FAILED. Default 3. */
  readonly maxRecordFailures?: number;
  /** Told of each failure the gateway recovers from (a crashed consumer is started again). */
  readonly onError?: (error: unknown) => void;
}

type OutgoingRecord = { topic: string; key: string; value: Buffer; headers: IHeaders };

/**
 * Consumes this agency's inbox topic: opens each record in the order of docs/design.md section 5, answers
 * duplicates with the receipt already given, applies new payloads as commands, and answers every
 * authenticated envelope with a signed receipt. Refused records go to the dead-letter topic and the audit
 * trail with their raw bytes. Offsets are committed only after a batch's receipts and dead letters have
 * been acknowledged by Kafka, so a crash replays rather than loses.
 */
export class InboxGateway {
  private consumer?: Consumer;
  private readonly failures = new Map<string, number>();
  private stopped = false;
  private restartTimer?: NodeJS.Timeout;

  constructor(private readonly options: InboxGatewayOptions) {}

  async start(): Promise<void> {
    const { kafka, agencyId } = this.options;
    const consumer = kafka.consumer({
      groupId: this.options.groupId ?? `xb-gateway-${agencyId.toLowerCase()}`,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    this.consumer = consumer;
    // kafkajs restarts a consumer after retriable errors only; a broker that stays away long enough
    // ends in a non-retriable crash. The gateway must outlive the broker, so it starts a new consumer
    // (from the committed offsets: nothing unacknowledged is lost) until it is stopped.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped) return;
      this.options.onError?.(payload.error);
      this.restartTimer = setTimeout(() => void this.restart(consumer), 1_000);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: inboxTopic(agencyId), fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
  }

  private async restart(crashed: Consumer): Promise<void> {
    if (this.stopped || this.consumer !== crashed) return;
    await crashed.disconnect().catch(() => undefined);
    try {
      await this.start();
    } catch (error) {
      this.options.onError?.(error);
      if (!this.stopped) this.restartTimer = setTimeout(() => void this.restart(this.consumer!), 2_000);
    }
  }

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
    commitOffsetsIfNecessary,
  }: EachBatchPayload): Promise<void> {
    const outgoing: OutgoingRecord[] = [];
    const done: string[] = [];
    // Records between this batch and the partition's end: how far behind the gateway is.
    this.options.metrics?.consumerLag.set({ partition: String(batch.partition) }, Number(batch.offsetLag()));
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const where = `${batch.partition}:${message.offset}`;
      try {
        outgoing.push(
          ...(await this.handle(
            message.value ?? Buffer.alloc(0),
            message.headers ?? {},
            batch.partition,
            message.offset,
          )),
        );
        this.failures.delete(where);
      } catch (error) {
        const failures = (this.failures.get(where) ?? 0) + 1;
        this.failures.set(where, failures);
        if (failures < (this.options.maxRecordFailures ?? 3)) throw error; // kafkajs retries the batch from here
        // A record that keeps failing must not block the partition: park it with the reason.
        this.failures.delete(where);
        outgoing.push(
          ...(await this.refuse(message.value ?? Buffer.alloc(0), batch.partition, message.offset, {
            kind: 'unknown',
            ok: false,
            reason: 'PROCESSING_FAILED',
            detail: error instanceof Error ? error.message : String(error),
            senderAuthenticated: false,
            envelopeSha256: '',
          })),
        );
      }
      done.push(message.offset);
      await heartbeat();
    }
    if (outgoing.length > 0) await this.send(outgoing);
    for (const offset of done) resolveOffset(offset);
    await commitOffsetsIfNecessary();
  }

  private async send(records: OutgoingRecord[]): Promise<void> {
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const r of records) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
    await this.options.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  }

  /** Handles one record; returns the records to send in answer (receipt, dead letter). */
  private async handle(
    bytes: Buffer,
    _headers: IHeaders,
    partition: number,
    offset: string,
  ): Promise<OutgoingRecord[]> {
    const opened = await this.openTimed(bytes);
    if (!opened.ok) return this.refuse(bytes, partition, offset, opened);
    if (opened.kind === 'envelope')
      return [await this.accept(opened.header, opened.payload, opened.envelopeSha256)];
    const matched = await this.recordReceipt(opened.receipt, bytes);
    if (matched) return [];
    return this.refuse(bytes, partition, offset, {
      kind: 'receipt',
      ok: false,
      reason: 'UNKNOWN_MESSAGE',
      detail: `receipt from ${opened.receipt.receiver} for a message this agency never sent`,
      senderAuthenticated: false,
      envelopeSha256: '',
    });
  }

  private async accept(
    header: InboundHeader,
    payload: Record<string, unknown>,
    envelopeSha256: string,
  ): Promise<OutgoingRecord> {
    const known = await this.options.loadState(inboundMessageDecider, header.messageId);
    if (known.status === 'recorded') {
      this.options.metrics?.inbound.inc({ outcome: 'duplicate' });
      // A duplicate is answered with the outcome recorded the first time, never applied again.
      return this.receiptRecord(header, known.record.outcome, known.record.reason, envelopeSha256);
    }
    const applied = await this.options.applyInbound(header, payload);
    const outcome = applied.accepted ? 'accepted' : 'rejected';
    const reason = applied.accepted ? undefined : applied.reason;
    const result = await this.options.runCommand(inboundMessageDecider, header.messageId, {
      type: 'RecordInbound',
      data: {
        messageId: header.messageId,
        sender: header.sender,
        correlationId: header.correlationId,
        payloadType: header.payloadType,
        envelopeSha256,
        outcome,
        ...(reason ? { reason } : {}),
      },
      metadata: {
        now: this.now().toISOString(),
        actor: `agency:${header.sender}`,
        agencyId: this.options.agencyId,
        messageId: header.messageId,
      },
    });
    if (isDomainError(result)) throw new Error(`inbox: cannot record message: ${result.code}`);
    this.options.metrics?.inbound.inc({ outcome });
    return this.receiptRecord(header, outcome, reason, envelopeSha256);
  }

  /** Records a counterpart's receipt against our message; false when we never sent that message. */
  private async recordReceipt(receipt: InboundReceipt, signed: Buffer): Promise<boolean> {
    const result = await this.options.runCommand(outboundMessageDecider, receipt.messageId, {
      type: 'RecordReceipt',
      data: {
        messageId: receipt.messageId,
        status: receipt.status,
        ...(receipt.reason ? { reason: receipt.reason } : {}),
        envelopeSha256: receipt.envelopeSha256,
        receivedAt: receipt.receivedAt,
        signedReceipt: signed.toString('base64'),
      },
      metadata: {
        now: this.now().toISOString(),
        actor: `agency:${receipt.receiver}`,
        agencyId: this.options.agencyId,
        messageId: receipt.messageId,
      },
    });
    if (isDomainError(result)) return false;
    this.options.metrics?.inbound.inc({ outcome: 'receipt' });
    if (result.events.length > 0 && result.state.status !== 'queued' && result.state.status !== 'unsendable')
      await this.options.onReceipt?.(receipt, result.state);
    return true;
  }

  private async refuse(
    bytes: Buffer,
    partition: number,
    offset: string,
    refusal: Extract<OpenedRecord, { ok: false }>,
  ): Promise<OutgoingRecord[]> {
    const now = this.now().toISOString();
    const source = `${inboxTopic(this.options.agencyId)}/${partition}@${offset}`;
    this.options.metrics?.refusals.inc({ reason: refusal.reason });
    this.options.metrics?.inbound.inc({ outcome: 'refused' });
    const header = refusal.header;
    await appendAuditRecord(
      this.options.store,
      envelopeRefused(bytes, {
        reason: refusal.reason,
        detail: refusal.detail,
        ...(header?.messageId ? { messageId: header.messageId } : {}),
        ...(header?.sender ? { sender: header.sender } : {}),
        source: `kafka:${source}`,
        receivedAt: now,
      }),
    );
    const deadLetter: OutgoingRecord = {
      topic: deadLetterTopic(this.options.agencyId),
      key: header?.correlationId ?? `${partition}:${offset}`,
      value: bytes,
      headers: {
        'xb-reason': refusal.reason,
        'xb-detail': refusal.detail,
        'xb-source': source,
        'xb-refused-at': now,
      },
    };
    if (
      refusal.kind === 'envelope' &&
      refusal.senderAuthenticated &&
      header?.messageId &&
      header.sender &&
      header.correlationId
    ) {
      return [
        deadLetter,
        await this.receiptRecord(header as InboundHeader, 'rejected', refusal.reason, refusal.envelopeSha256),
      ];
    }
    return [deadLetter];
  }

  private async receiptRecord(
    header: InboundHeader,
    status: 'accepted' | 'rejected',
    reason: string | undefined,
    envelopeSha256: string,
  ): Promise<OutgoingRecord> {
    const receipt: InboundReceipt = {
      messageId: header.messageId,
      correlationId: header.correlationId,
      receiver: this.options.agencyId,
      status,
      ...(reason ? { reason } : {}),
      envelopeSha256,
      receivedAt: this.now().toISOString(),
    };
    const value = await this.options.codec.signReceipt(receipt, header.sender);
    return {
      topic: inboxTopic(header.sender),
      key: header.correlationId,
      value: Buffer.from(value),
      headers: { 'xb-receipt-for': header.messageId },
    };
  }

  private async openTimed(bytes: Buffer): Promise<OpenedRecord> {
    const metrics = this.options.metrics;
    const open = () => this.options.codec.open(bytes, this.now());
    return metrics ? metrics.time(metrics.openSeconds, open) : open();
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
