import { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { appendAuditRecords } from '@xb/audit';
import { isDomainError } from '@xb/domain';
import { EventStore, failureKind } from '@xb/event-store';
import { produceDeadLetters } from './dead-letters';
import { Answer, clip, PendingAnswers, Refusal, refusalAnswer } from './inbox-answers';
import { inboundMessageDecider } from './inbound-message/inbound-message';
import { InboxHealth, InboxHealthTracker } from './inbox-health';
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
import { OutgoingReceipt, ReceiptCourier } from './receipt-courier';
import { RetryPolicy } from './retry-policy';
import { inboxTopic } from './topics';
import { disseminationOf } from './wire-mapping/header';

export interface InboxGatewayOptions {
  readonly kafka: Kafka;
  /** Produces dead letters (idempotent, acks=all). Receipts go through the gateway's own courier. */
  readonly producer: Producer;
  readonly agencyId: string;
  readonly codec: InboxCodec;
  readonly runCommand: CommandRunner;
  readonly loadState: StateLoader;
  readonly applyInbound: ApplyInbound;
  /** Tells the case that its message was delivered or rejected (after the receipt is recorded). */
  readonly onReceipt?: (receipt: InboundReceipt, message: DispatchedMessage) => Promise<void>;
  /** Where refused records are kept in the audit trail, and parked receipts recorded. */
  readonly store: EventStore;
  readonly clock?: () => Date;
  readonly metrics?: ExchangeMetrics;
  /** Waits between re-sends of a parked receipt. */
  readonly receiptRetryPolicy?: RetryPolicy;
  /** Consumer group. Default `xb-gateway-<agency id>`. */
  readonly groupId?: string;
  /** Partitions processed at once (order is kept within a partition, i.e. within a case). Default 3. */
  readonly concurrency?: number;
  /**
   * Most records of one partition handled at once, the records of one case always in order. Default 1;
   * the node sets it from XB_GATEWAY_WINDOW. The window follows the backlog (`windowFor`): one record at
   * a time while few wait, so a lone message is not slowed by others, wider as the backlog grows, so
   * a burst shares group commits. The exchange fault tests run with XB_TEST_GATEWAY_WINDOW.
   */
  readonly window?: number;
  /**
   * Longest a written answer (a receipt) waits for the rest of its Kafka batch before the answers held
   * are sent and their offsets committed. Default 10 ms.
   */
  readonly answerBudgetMs?: number;
  /**
   * Shortest time between two offset commits. Default 100 ms; 0 commits after every written answer. The
   * answers are written before their offsets are resolved either way: a crash or a rebalance replays the
   * records answered since the last commit, which are answered again as duplicates (the same receipt),
   * so a longer interval costs replays, never a loss. One Kafka request saved per batch is most of a
   * lone message's overhead on a busy machine.
   */
  readonly offsetCommitMs?: number;
  /** Times a record may fail with an exception before it is dead-lettered as PROCESSING_FAILED. Default 3. */
  readonly maxRecordFailures?: number;
  /** Told of each failure the gateway recovers from (a crashed consumer is started again). */
  readonly onError?: (error: unknown) => void;
}

/** Records waiting per record handled at once: below 2x this backlog the gateway takes one at a time. */
const BACKLOG_PER_WINDOW_RECORD = 8;

/**
 * How many of the `waiting` records to handle at once, at most `most`. Records handled together finish
 * together (their crypto interleaves on one thread), so a wide window delays the first record by the
 * others' work: worth it only when a backlog would wait anyway.
 */
export function windowFor(waiting: number, most: number): number {
  return Math.max(1, Math.min(most, Math.floor(waiting / BACKLOG_PER_WINDOW_RECORD)));
}

/**
 * Consumes this agency's inbox topic: opens each record in the order of docs/protocol.md section 4,
 * answers duplicates with the receipt recorded the first time, applies new payloads as commands, and
 * answers every authenticated envelope with a signed receipt. Refused records go to the dead-letter topic
 * and the audit trail. Offsets are committed only after the answers of the records before them are
 * written, so a crash replays rather than loses; no record, whatever its size or bytes, stops a partition.
 */
export class InboxGateway {
  private consumer?: Consumer;
  private readonly failures = new Map<string, number>();
  private stopped = false;
  private restartTimer?: NodeJS.Timeout;
  private readonly courier: ReceiptCourier;
  private readonly tracker: InboxHealthTracker;
  /** Commits, once the gateway is idle, the offsets of the last answers that no later commit took. */
  private idleCommit?: { timer: NodeJS.Timeout; commit: () => Promise<void> };

  constructor(private readonly options: InboxGatewayOptions) {
    this.courier = new ReceiptCourier({
      ...options,
      ...(options.receiptRetryPolicy ? { policy: options.receiptRetryPolicy } : {}),
    });
    this.tracker = new InboxHealthTracker(options.metrics, () => this.now());
  }

  async start(): Promise<void> {
    await this.courier.start();
    await this.startConsumer();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    if (this.idleCommit) {
      clearTimeout(this.idleCommit.timer);
      await this.idleCommit.commit();
    }
    this.tracker.consumerStopped();
    await this.consumer?.disconnect();
    await this.courier.stop();
  }

  /** Consumer state, per-partition lag and failures, parked receipts. */
  health(): InboxHealth {
    return this.tracker.snapshot(this.courier.parkedCount);
  }

  private async startConsumer(): Promise<void> {
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
      if (this.stopped) return;
      this.tracker.consumerRestarting(payload.error);
      if (payload.restart) return;
      this.options.onError?.(payload.error);
      this.restartTimer = setTimeout(() => void this.restart(consumer), 1_000);
    });
    consumer.on(consumer.events.GROUP_JOIN, () => this.tracker.consumerRunning());
    await consumer.connect();
    await consumer.subscribe({ topic: inboxTopic(agencyId), fromBeginning: true });
    await consumer.run({
      // Offsets are committed by the gateway (flush, and once idle), at most every `offsetCommitMs`.
      autoCommit: false,
      autoCommitInterval: this.options.offsetCommitMs ?? 100,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private async restart(crashed: Consumer): Promise<void> {
    if (this.stopped || this.consumer !== crashed) return;
    await crashed.disconnect().catch(() => undefined);
    try {
      await this.startConsumer();
    } catch (error) {
      this.options.onError?.(error);
      this.tracker.consumerRestarting(error);
      if (!this.stopped) this.restartTimer = setTimeout(() => void this.restart(this.consumer!), 2_000);
    }
  }

  /**
   * Answers a batch window by window (`window` records at a time, default 1). Within a window the records of
   * different cases (Kafka keys) are opened and applied at once, so their commands share the store's
   * group commits and their crypto overlaps; the records of one case still go one after the other, in
   * offset order. Answers are written and offsets committed in offset order, as before.
   */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    const pending = new PendingAnswers();
    const first = batch.messages[0]?.offset ?? batch.highWatermark;
    this.tracker.lag(batch.partition, Number(batch.highWatermark) - Number(first));
    const most = Math.max(1, this.options.window ?? 1);
    for (let start = 0, size = 1; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale()) break;
      size = windowFor(batch.messages.length - start, most);
      const window = batch.messages.slice(start, start + size);
      const tried = await this.tryWindow(window, batch.partition);
      for (const [i, message] of window.entries()) {
        const bytes = message.value ?? Buffer.alloc(0);
        const outcome = tried[i];
        const answer =
          'answer' in outcome
            ? outcome.answer
            : 'error' in outcome
              ? await this.failed(outcome.error, bytes, batch.partition, message.offset, () =>
                  this.flush(pending, payload),
                )
              : // An earlier record of its case failed for good (answered above): its turn is now.
                await this.answer(bytes, batch.partition, message.offset, () => this.flush(pending, payload));
        pending.add(message.offset, answer);
        if (pending.full) await this.flush(pending, payload);
      }
      // A long batch does not hold its first receipts until its last record is done: the counterpart's
      // latency is bounded by the budget, at the cost of one more Kafka send and offset commit.
      if (pending.heldFor(this.options.answerBudgetMs ?? 10)) await this.flush(pending, payload);
      await heartbeat();
    }
    await this.flush(pending, payload);
    this.commitWhenIdle(payload);
  }

  /**
   * The interval may leave the last answers' offsets uncommitted when the traffic stops: they are
   * committed once the gateway has had nothing to do for `offsetCommitMs`, through the consumer group
   * as it is then (a commit after a rebalance fails harmlessly: the new owner replays).
   */
  private commitWhenIdle(payload: EachBatchPayload): void {
    if (this.idleCommit) clearTimeout(this.idleCommit.timer);
    this.idleCommit = undefined;
    if (payload.uncommittedOffsets().topics.length === 0) return;
    const commit = async () => {
      this.idleCommit = undefined;
      const offsets = payload.uncommittedOffsets();
      if (offsets.topics.length > 0) await payload.commitOffsetsIfNecessary(offsets).catch(() => undefined);
    };
    this.idleCommit = { timer: setTimeout(() => void commit(), this.options.offsetCommitMs ?? 100), commit };
  }

  /**
   * Handles the window's records, a chain per case: a case's chain stops at its first failure, so no
   * record overtakes an earlier record of its case.
   */
  private async tryWindow(
    window: EachBatchPayload['batch']['messages'],
    partition: number,
  ): Promise<({ answer: Answer } | { error: unknown } | { skipped: true })[]> {
    const outcomes: ({ answer: Answer } | { error: unknown } | { skipped: true })[] = window.map(() => ({
      skipped: true,
    }));
    const chains = new Map<string, number[]>();
    window.forEach((message, i) => {
      const key = message.key ? message.key.toString('latin1') : `#${message.offset}`;
      const chain = chains.get(key) ?? [];
      chain.push(i);
      chains.set(key, chain);
    });
    await Promise.all(
      [...chains.values()].map(async (chain) => {
        for (const i of chain) {
          const message = window[i];
          try {
            outcomes[i] = {
              answer: await this.handle(message.value ?? Buffer.alloc(0), partition, message.offset),
            };
            this.failures.delete(`${partition}:${message.offset}`);
          } catch (error) {
            outcomes[i] = { error };
            return;
          }
        }
      }),
    );
    return outcomes;
  }

  /**
   * One record's answer. A record that throws is tried again (the batch is retried from it, after the
   * answers before it are written); after `maxRecordFailures` tries it is refused as PROCESSING_FAILED,
   * an answer built from its digest and size that cannot fail on its bytes.
   */
  private async answer(
    bytes: Buffer,
    partition: number,
    offset: string,
    beforeRetry: () => Promise<void>,
  ): Promise<Answer> {
    try {
      const answer = await this.handle(bytes, partition, offset);
      this.failures.delete(`${partition}:${offset}`);
      return answer;
    } catch (error) {
      return this.failed(error, bytes, partition, offset, beforeRetry);
    }
  }

  /** A record that threw: thrown again (the batch is retried from it) or, past the limit, refused. */
  private async failed(
    error: unknown,
    bytes: Buffer,
    partition: number,
    offset: string,
    beforeRetry: () => Promise<void>,
  ): Promise<Answer> {
    const where = `${partition}:${offset}`;
    const failures = (this.failures.get(where) ?? 0) + 1;
    this.tracker.failed(partition, error, failures);
    if (failures < (this.options.maxRecordFailures ?? 3)) {
      this.failures.set(where, failures);
      await beforeRetry();
      throw error; // kafkajs retries the batch from this record
    }
    this.failures.delete(where);
    return this.refusal(bytes, partition, offset, {
      kind: 'unknown',
      ok: false,
      reason: 'PROCESSING_FAILED',
      detail: failureKind(error),
      senderAuthenticated: false,
      envelopeSha256: '',
    });
  }

  /** Writes the pending answers (audit events, dead letters, receipts), then commits their offsets. */
  private async flush(pending: PendingAnswers, payload: EachBatchPayload): Promise<void> {
    if (pending.offsets.length === 0) return;
    const audit = pending.answers.flatMap((a) => (a.audit ? [a.audit] : []));
    await appendAuditRecords(this.options.store, audit);
    await produceDeadLetters(
      this.options.producer,
      pending.answers.flatMap((a) => (a.deadLetter ? [a.deadLetter] : [])),
    );
    await this.courier.deliver(pending.answers.flatMap((a) => (a.receipt ? [a.receipt] : [])));
    for (const record of audit) {
      this.options.metrics?.refusals.inc({ reason: (record.event.data as { reason: string }).reason });
      this.options.metrics?.inbound.inc({ outcome: 'refused' });
    }
    const last = pending.offsets[pending.offsets.length - 1];
    for (const offset of pending.offsets) payload.resolveOffset(offset);
    // A gateway that stops commits what it answered before it leaves the group.
    await payload.commitOffsetsIfNecessary(payload.isRunning() ? undefined : payload.uncommittedOffsets());
    this.tracker.progressed(payload.batch.partition, Number(payload.batch.highWatermark) - Number(last) - 1);
    pending.clear();
  }

  /** Opens one record and acts on it; returns what it is answered with. */
  private async handle(bytes: Buffer, partition: number, offset: string): Promise<Answer> {
    const opened = await this.openTimed(bytes);
    if (!opened.ok) return this.refusal(bytes, partition, offset, opened);
    if (opened.kind === 'envelope')
      return { receipt: await this.accept(opened.header, opened.payload, opened.envelopeSha256) };
    if (await this.recordReceipt(opened.receipt, bytes)) return {};
    return this.refusal(bytes, partition, offset, {
      kind: 'receipt',
      ok: false,
      reason: 'UNKNOWN_MESSAGE',
      detail: `receipt from ${clip(opened.receipt.receiver)} for a message this agency never sent`,
      senderAuthenticated: false,
      envelopeSha256: '',
    });
  }

  private async accept(
    header: InboundHeader,
    payload: Record<string, unknown>,
    envelopeSha256: string,
  ): Promise<OutgoingReceipt> {
    const known = await this.options.loadState(inboundMessageDecider, header.messageId);
    if (known.status === 'recorded') {
      this.options.metrics?.inbound.inc({ outcome: 'duplicate' });
      // A duplicate is answered with the receipt given the first time, byte for byte (docs/protocol.md section 4).
      const { outcome, reason, receipt } = known.record;
      if (receipt) return this.receiptTo(header, Buffer.from(receipt, 'base64'));
      return this.signedReceipt(header, outcome, reason, envelopeSha256); // recorded before receipts were kept
    }
    const applied = await this.options.applyInbound(header, payload);
    const outcome = applied.accepted ? 'accepted' : 'rejected';
    const reason = applied.accepted ? undefined : applied.reason;
    const receipt = await this.signedReceipt(header, outcome, reason, envelopeSha256);
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
        ...disseminationOf(header),
        receipt: receipt.value.toString('base64'),
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
    // A copy that raced this one (another partition) recorded first: answer with its receipt.
    const recorded = result.state.status === 'recorded' ? result.state.record.receipt : undefined;
    return recorded ? this.receiptTo(header, Buffer.from(recorded, 'base64')) : receipt;
  }

  /** Records a counterpart's receipt against our message; false when we never sent that message. */
  private async recordReceipt(receipt: InboundReceipt, signed: Buffer): Promise<boolean> {
    const sent = await this.options.loadState(outboundMessageDecider, receipt.messageId);
    if (sent.status === 'queued' || sent.status === 'unsendable') return false;
    // The receipt and the case's telling are started together, so their appends share one group commit
    // (one fsync, not two in a row). The case needs only what the dispatch recorded (its category and
    // case id), which the receipt does not change. Either may commit without the other (a crash, a
    // refusal): the record then comes back, the receipt is a no-op the second time, and the case is told
    // again, which it takes as a no-op too (INVALID_TRANSITION).
    const [result] = await Promise.all([
      this.recordReceiptEvent(receipt, signed),
      this.options.onReceipt?.(receipt, sent),
    ]);
    if (isDomainError(result)) return false;
    this.options.metrics?.inbound.inc({ outcome: 'receipt' });
    return true;
  }

  private recordReceiptEvent(receipt: InboundReceipt, signed: Buffer) {
    return this.options.runCommand(outboundMessageDecider, receipt.messageId, {
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
  }

  /** A refused record's answer, with a rejected receipt when the sender was authenticated. */
  private async refusal(bytes: Buffer, partition: number, offset: string, refusal: Refusal): Promise<Answer> {
    const answer = refusalAnswer(
      this.options.agencyId,
      { bytes, partition, offset },
      refusal,
      this.now().toISOString(),
    );
    const header = refusal.header;
    if (
      refusal.kind !== 'envelope' ||
      !refusal.senderAuthenticated ||
      !header?.messageId ||
      !header.sender ||
      !header.correlationId
    )
      return answer;
    const to = header as InboundHeader;
    return {
      ...answer,
      receipt: await this.signedReceipt(to, 'rejected', refusal.reason, refusal.envelopeSha256),
    };
  }

  private async signedReceipt(
    header: InboundHeader,
    status: 'accepted' | 'rejected',
    reason: string | undefined,
    envelopeSha256: string,
  ): Promise<OutgoingReceipt> {
    const receipt: InboundReceipt = {
      messageId: header.messageId,
      correlationId: header.correlationId,
      receiver: this.options.agencyId,
      status,
      ...(reason ? { reason } : {}),
      envelopeSha256,
      receivedAt: this.now().toISOString(),
    };
    return this.receiptTo(header, Buffer.from(await this.options.codec.signReceipt(receipt, header.sender)));
  }

  private receiptTo(header: InboundHeader, value: Buffer): OutgoingReceipt {
    return { messageId: header.messageId, counterpart: header.sender, key: header.correlationId, value };
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
