import { Producer } from 'kafkajs';
import { isDomainError } from '@xb/domain';
import { AllSubscription, EventStore } from '@xb/event-store';
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
}

/**
 * Sends again, with exponential backoff, every message that has no receipt, always the same sealed bytes
 * under the same message id; past the policy's last attempt it flags the message for an officer. Its view
 * of outstanding messages follows the `exchange-` streams of the global order from the start, so it
 * needs no checkpoint of its own and survives any crash.
 */
export class Resender {
  private readonly messages = new Map<string, OutboundMessageState>();
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private readonly ticker: Ticker;

  constructor(private readonly options: ResenderOptions) {
    // A failed look (Kafka down) is tried again at the next tick; nothing is lost in between.
    this.ticker = new Ticker(() => this.tick(), options.tickMs ?? 1_000, options.onError);
  }

  start(): void {
    this.subscription = this.options.store.subscribeToAll({ filter: { streamPrefixes: ['exchange-'] } });
    this.following = (async () => {
      for await (const event of this.subscription!) {
        const messageId = event.streamId.slice('exchange-'.length);
        const recorded = { type: event.type, data: event.data };
        if (!isOutboundMessageEvent(recorded)) continue;
        const state = this.messages.get(messageId) ?? initialOutboundMessageState();
        this.messages.set(messageId, evolveOutboundMessage(state, recorded));
      }
    })();
    this.ticker.start();
  }

  async stop(): Promise<void> {
    await this.ticker.stop();
    await this.subscription?.stop();
    await this.following;
  }

  /** Counts of messages by delivery state, as this follower knows them. */
  countsByState(): Record<string, number> {
    const counts: Record<string, number> = { sent: 0, delivered: 0, rejected: 0, unacknowledged: 0 };
    for (const state of this.messages.values()) counts[state.status] = (counts[state.status] ?? 0) + 1;
    return counts;
  }

  /** Looks at every outstanding message once. Exposed for tests that drive the clock. */
  async tick(): Promise<void> {
    const policy = this.options.policy ?? DEFAULT_RETRY_POLICY;
    const now = this.now();
    for (const [messageId, state] of this.messages) {
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
    if (!isDomainError(result)) this.messages.set(messageId, result.state);
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
    if (!isDomainError(result)) this.messages.set(messageId, result.state);
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
