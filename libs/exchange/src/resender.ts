import { Producer } from 'kafkajs';
import { isDomainError } from '@xb/domain';
import { AllSubscription, EventStore, readForFold, RecordedEvent } from '@xb/event-store';
import { ExchangeMetrics } from './metrics';
import {
  DispatchedMessage,
  evolveOutboundMessage,
  initialOutboundMessageState,
  isOutboundMessageEvent,
  outboundMessageDecider,
  OutboundMessageState,
} from './outbound-message';
import { CommandRunner } from './ports';
import { DEFAULT_RETRY_POLICY, RetryPolicy, retryVerdict } from './retry-policy';
import { inboxTopic } from './topics';
import { Ticker } from './ticker';

export interface ResenderOptions {
  readonly store: EventStore;
  readonly producer: Producer;
  readonly runCommand: CommandRunner;
  readonly agencyId: string;
  readonly policy?: RetryPolicy;
  readonly clock?: () => Date;
  readonly metrics?: ExchangeMetrics;
  /** How often outstanding messages are looked at. Default 1 s. */
  readonly tickMs?: number;
  /** What the officer is told when a message stays unacknowledged. */
  readonly advice?: string;
  /** The gateway lease, when several gateways of one agency run: no re-send once its term has lapsed. */
  readonly lease?: { held(): boolean };
  /** Told of each failed tick (the next tick tries again). */
  readonly onError?: (error: unknown) => void;
  /** Name of the durable checkpoint of where the open messages begin. Default `resender-open-from`. */
  readonly checkpointName?: string;
}

/** Events read per page while catching up. */
const CATCH_UP_PAGE = 2_000;

interface Followed {
  state: OutboundMessageState;
  /** Position of the first event of the message this run saw: a run resuming before it sees it again. */
  readonly since: bigint;
}

/**
 * Sends again, with exponential backoff, every message that has no receipt, always the same sealed bytes
 * under the same message id; past the policy's last attempt it flags the message for an officer.
 *
 * Its view of outstanding messages follows the `exchange-` streams of the global order, from a durable
 * checkpoint: the position before the first event of the oldest message still waiting for its receipt
 * (or, with none waiting, the last event seen). Start-up reads only from there, so it costs the same
 * with 100 or 100,000 closed exchanges behind it. A message met after that position in the middle of
 * its stream (a receipt or a re-send of a message opened before it) is folded from its stream up to
 * the event met; one that opened before it and had closed stays closed, and only the open ones matter.
 * The counts by state (`countsByState`) cover the messages seen since the checkpoint.
 */
export class Resender {
  private readonly messages = new Map<string, Followed>();
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private readonly ticker: Ticker;
  private stopped = false;
  private caughtUp = false;
  /** Highest position of the global order this run has taken in. */
  private seen = -1n;
  private saved?: bigint;
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: ResenderOptions) {
    // A failed look (Kafka down) is tried again at the next tick; nothing is lost in between.
    this.ticker = new Ticker(() => this.tick(), options.tickMs ?? 1_000, options.onError);
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  start(): void {
    this.following = this.follow().catch((error: unknown) => this.options.onError?.(error));
    this.ticker.start();
  }

  /** Resolves once the messages open at start-up are known (the store read up to its end then). */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.ticker.stop();
    await this.subscription?.stop();
    await this.following;
    this.markReady();
  }

  private get checkpointName(): string {
    return this.options.checkpointName ?? 'resender-open-from';
  }

  /** Catches up from the checkpoint to the end of the store as it is now, then follows live. */
  private async follow(): Promise<void> {
    const { store } = this.options;
    const from = await store.readCheckpoint(this.checkpointName);
    this.saved = from;
    this.seen = from ?? -1n;
    const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const end = newest?.position ?? -1n;
    let next = this.seen + 1n;
    while (!this.stopped && next <= end) {
      const page = await store.readAll({ fromPosition: next, maxCount: CATCH_UP_PAGE });
      for (const event of page) await this.take(event);
      const last = page.at(-1);
      if (!last || page.length < CATCH_UP_PAGE) break;
      next = last.position + 1n;
    }
    if (this.stopped) return;
    if (end > this.seen) this.seen = end;
    this.caughtUp = true;
    this.markReady();
    this.subscription = store.subscribeToAll({
      after: this.seen,
      filter: { streamPrefixes: ['exchange-'] },
    });
    for await (const event of this.subscription) await this.take(event);
  }

  private async take(event: RecordedEvent): Promise<void> {
    if (event.position > this.seen) this.seen = event.position;
    if (!event.streamId.startsWith('exchange-')) return;
    const messageId = event.streamId.slice('exchange-'.length);
    const recorded = { type: event.type, data: event.data };
    if (!isOutboundMessageEvent(recorded)) return;
    const known = this.messages.get(messageId);
    if (known) {
      known.state = evolveOutboundMessage(known.state, recorded);
      return;
    }
    const state =
      event.revision === 0n
        ? evolveOutboundMessage(initialOutboundMessageState(), recorded)
        : await this.foldUpTo(event.streamId, event.revision);
    this.messages.set(messageId, { state, since: event.position });
  }

  /** A message met in the middle of its stream: its state as of the event met. */
  private async foldUpTo(streamId: string, revision: bigint): Promise<OutboundMessageState> {
    let state = initialOutboundMessageState();
    for (const event of await readForFold(this.options.store, streamId)) {
      if (event.revision > revision) break;
      const recorded = { type: event.type, data: event.data };
      if (isOutboundMessageEvent(recorded)) state = evolveOutboundMessage(state, recorded);
    }
    return state;
  }

  /** Where a later start-up must begin: before the oldest message still waiting, else after all seen. */
  private openFrom(): bigint {
    let from = this.seen;
    for (const { state, since } of this.messages.values())
      if ((state.status === 'sent' || state.status === 'resend_requested') && since - 1n < from) from = since - 1n;
    return from;
  }

  /** Counts of messages by delivery state, as this follower knows them. */
  countsByState(): Record<string, number> {
    const counts: Record<string, number> = { sent: 0, delivered: 0, rejected: 0, unacknowledged: 0 };
    for (const { state } of this.messages.values()) counts[state.status] = (counts[state.status] ?? 0) + 1;
    return counts;
  }

  /** Looks at every outstanding message once. Exposed for tests that drive the clock. */
  async tick(): Promise<void> {
    // Until the catch-up is done, a message's receipt may still be unread: nothing is re-sent yet.
    if (!this.caughtUp) return;
    const policy = this.options.policy ?? DEFAULT_RETRY_POLICY;
    const now = this.now();
    for (const [messageId, { state }] of this.messages) {
      if (state.status !== 'sent' && state.status !== 'resend_requested') continue;
      if (this.options.lease && !this.options.lease.held()) break;
      // An officer's re-send (ResendMessage) goes at once, then backs off like a first send.
      if (state.status === 'resend_requested') {
        await this.resend(messageId, state, now);
        continue;
      }
      const verdict = retryVerdict(policy, state.attempts, Date.parse(state.lastSentAt), now.getTime());
      if (verdict.action === 'resend') await this.resend(messageId, state, now);
      if (verdict.action === 'give_up') await this.flag(messageId, state, now);
    }
    const counts = this.countsByState();
    for (const [status, count] of Object.entries(counts))
      this.options.metrics?.messages.set({ state: status }, count);
    const from = this.openFrom();
    if (from !== this.saved && (!this.options.lease || this.options.lease.held())) {
      await this.options.store.saveCheckpoint(this.checkpointName, from);
      this.saved = from;
    }
  }

  private async resend(messageId: string, state: DispatchedMessage, now: Date): Promise<void> {
    await this.options.producer.send({
      topic: inboxTopic(state.counterpart),
      acks: -1,
      messages: [
        {
          key: state.correlationId,
          value: Buffer.from(state.envelope, 'base64'),
          headers: { 'xb-message-id': messageId },
        },
      ],
    });
    const result = await this.options.runCommand(outboundMessageDecider, messageId, {
      type: 'RecordResend',
      data: { messageId, attempt: state.attempts + 1 },
      metadata: { now: now.toISOString(), actor: 'system:resender', agencyId: this.options.agencyId },
    });
    // A receipt that arrived meanwhile wins; the copy just sent is answered as a duplicate.
    if (!isDomainError(result)) this.update(messageId, result.state);
  }

  private update(messageId: string, state: OutboundMessageState): void {
    const known = this.messages.get(messageId);
    if (known) known.state = state;
  }

  private async flag(messageId: string, state: DispatchedMessage, now: Date): Promise<void> {
    const result = await this.options.runCommand(outboundMessageDecider, messageId, {
      type: 'FlagUnacknowledged',
      data: {
        messageId,
        attempts: state.attempts,
        advice:
          this.options.advice ?? 'no receipt from the counterpart: contact its liaison office by hotline',
      },
      metadata: { now: now.toISOString(), actor: 'system:resender', agencyId: this.options.agencyId },
    });
    if (!isDomainError(result)) this.update(messageId, result.state);
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
