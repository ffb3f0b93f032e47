import { failureKind } from '@xb/event-store';
import { ExchangeMetrics } from './metrics';

export interface PartitionHealth {
  readonly partition: number;
  /** Records from the next one to answer to the partition's end, as of the last batch. */
  readonly lag: number;
  /** Present while the partition's current record fails and is retried. */
  readonly failing?: { readonly error: string; readonly attempts: number; readonly since: string };
}

/** What the inbox gateway can truthfully say about itself, for /health. */
export interface InboxHealth {
  readonly consumer: 'starting' | 'running' | 'restarting' | 'stopped';
  /** Why the consumer is being restarted. */
  readonly consumerError?: string;
  readonly partitions: readonly PartitionHealth[];
  /** Receipts Kafka did not take, parked and re-sent. */
  readonly receiptsParked: number;
}

/** Per-partition lag and failure of the inbox gateway, kept for /health and mirrored in the metrics. */
export class InboxHealthTracker {
  private consumer: InboxHealth['consumer'] = 'starting';
  private consumerError?: string;
  private readonly partitions = new Map<number, PartitionHealth>();

  constructor(
    private readonly metrics: ExchangeMetrics | undefined,
    private readonly now: () => Date,
  ) {}

  consumerRunning(): void {
    this.consumer = 'running';
    this.consumerError = undefined;
  }

  consumerRestarting(error: unknown): void {
    this.consumer = 'restarting';
    this.consumerError = failureKind(error);
  }

  consumerStopped(): void {
    this.consumer = 'stopped';
  }

  /** Sets the lag without touching a failure in progress (a retried batch starts here). */
  lag(partition: number, lag: number): void {
    const current = this.partitions.get(partition);
    this.set({ ...current, partition, lag: Math.max(0, lag) });
  }

  failed(partition: number, error: unknown, attempts: number): void {
    const current = this.partitions.get(partition);
    const since = current?.failing?.since ?? this.now().toISOString();
    this.set({
      partition,
      lag: current?.lag ?? 0,
      failing: { error: failureKind(error), attempts, since },
    });
  }

  /** Records up to here are answered and committed: the partition moves again. */
  progressed(partition: number, lag: number): void {
    this.set({ partition, lag: Math.max(0, lag) });
  }

  snapshot(receiptsParked: number): InboxHealth {
    return {
      consumer: this.consumer,
      ...(this.consumerError ? { consumerError: this.consumerError } : {}),
      partitions: [...this.partitions.values()].sort((a, b) => a.partition - b.partition),
      receiptsParked,
    };
  }

  private set(health: PartitionHealth): void {
    this.partitions.set(health.partition, health);
    const label = { partition: String(health.partition) };
    this.metrics?.consumerLag.set(label, health.lag);
    this.metrics?.partitionFailing.set(label, health.failing ? 1 : 0);
  }
}
