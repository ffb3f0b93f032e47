import { EventStore } from '@xb/event-store';

const SENT = 'InformationNoticeSent';
const DELIVERED = 'InformationNoticeMessageDelivered';

/**
 * Follows the sender's store (polling from the last position read) and resolves, per case, when the
 * notice's delivery is recorded: the receipt came back and was applied, the end of one exchange. Also
 * keeps the store's own times (notice recorded, delivery recorded) for a latency free of polling.
 */
export class DeliveryWatch {
  private next: bigint | undefined;
  private readonly caseOfStream = new Map<string, string>();
  private readonly sentAt = new Map<string, number>();
  private readonly waiters = new Map<string, () => void>();
  private readonly delivered = new Set<string>();
  /** Delivery recorded minus notice recorded, per delivered case, in ms (store clock, ms resolution). */
  readonly storeLatenciesMs: number[] = [];
  lastDeliveryAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly store: EventStore,
    private readonly pollMs = 10,
  ) {}

  start(): void {
    const tick = () => {
      this.polling = this.poll().then(
        () => void (this.timer = setTimeout(tick, this.pollMs)),
        (error) => (this.failure = error),
      );
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  get deliveredCount(): number {
    return this.delivered.size;
  }

  /** Resolves once the delivery of case `caseId` is recorded on the sender. */
  deliveryOf(caseId: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.delivered.has(caseId)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(caseId, resolve));
  }

  /** Forgets the latencies kept so far (between load levels). */
  resetLatencies(): void {
    this.storeLatenciesMs.length = 0;
  }

  private async poll(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({
        ...(this.next !== undefined ? { fromPosition: this.next } : {}),
        maxCount: 2_000,
      });
      if (page.length === 0) return;
      this.next = page[page.length - 1]!.position + 1n;
      for (const event of page) {
        if (event.type === SENT) {
          const caseId = (event.data as { caseId: string }).caseId;
          this.caseOfStream.set(event.streamId, caseId);
          this.sentAt.set(caseId, Date.parse(event.recordedAt));
        } else if (event.type === DELIVERED) {
          const caseId = this.caseOfStream.get(event.streamId);
          if (caseId === undefined || this.delivered.has(caseId)) continue;
          const at = Date.parse(event.recordedAt);
          this.delivered.add(caseId);
          this.lastDeliveryAt = Math.max(this.lastDeliveryAt, at);
          this.storeLatenciesMs.push(at - this.sentAt.get(caseId)!);
          this.waiters.get(caseId)?.();
          this.waiters.delete(caseId);
        }
      }
      if (page.length < 2_000) return;
    }
  }
}
