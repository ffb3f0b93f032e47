/**
 * The production event store: an EventStoreDB / KurrentDB server through @eventstore/db-client 6.2.1.
 * Positions are commit positions; data and metadata are stored as binary content so the bytes read back
 * are the bytes written; checkpoints are events in one stream per checkpoint (docs/event-store.md).
 */
import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  START,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { StoreClosedError } from '../errors';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  FoldEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../port';
import { DEFAULT_MAX_EVENT_BYTES, assertCheckpointName, assertStreamName, encodeBatch } from '../rules';
import { readCheckpointEvent, saveCheckpointEvent } from './esdb-checkpoints';
import { readAllPages } from './esdb-read-all';
import { toEventData, toFoldEvent, toPortError, toRecordedEvent } from './esdb-mapping';
import { EsdbSubscription, type ResubscribeOptions } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://127.0.0.1:2113?tls=false`. */
  readonly connectionString: string;
  /** Largest event accepted (data + metadata bytes). Default 1 MiB; keep the server's MaxAppendSize above it. */
  readonly maxEventBytes?: number;
  /** How live subscriptions resubscribe after a lost connection. Defaults: 10 attempts, 100 ms to 2 s apart. */
  readonly resubscribe?: Partial<ResubscribeOptions>;
  /** Times an append is sent again after the connection was lost (idempotent: same event ids). Default 2. */
  readonly appendRetries?: number;
}

/** The connection was lost before the answer came (UNAVAILABLE, or CANCELLED by the server side). */
const isLostConnection = (error: unknown): boolean =>
  [ErrorType.UNAVAILABLE, ErrorType.CANCELLED].includes(
    (error as { type?: ErrorType } | null)?.type as ErrorType,
  );

export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly maxEventBytes: number;
  private readonly resubscribe: ResubscribeOptions;
  private readonly appendRetries: number;
  private readonly subscriptions = new Set<AllSubscription>();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.appendRetries = options.appendRetries ?? 2;
    this.resubscribe = { attempts: 10, minDelayMs: 100, maxDelayMs: 2000, ...options.resubscribe };
  }

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    const eventData = encodeBatch(stream, events, this.maxEventBytes).map(toEventData);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.client.appendToStream(stream, eventData, { expectedRevision: expected });
        if (!result.position) throw new Error(`the server sent no position for the append to ${stream}`);
        return { nextExpectedRevision: result.nextExpectedRevision, position: result.position.commit };
      } catch (error) {
        // Safe to send again: the ids are settled, and the server treats a repeated batch as done.
        if (attempt <= this.appendRetries && isLostConnection(error)) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        throw toPortError(error, stream, expected);
      }
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamName(stream);
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      throw toPortError(error, stream);
    }
    return events;
  }

  /** The server sends whole events; skipped here are only the metadata parse and the byte copies. */
  async readStreamForFold(stream: string, fromRevision = 0n): Promise<FoldEvent[]> {
    this.assertOpen();
    assertStreamName(stream);
    const read = this.client.readStream(stream, { direction: FORWARDS, fromRevision });
    const events: FoldEvent[] = [];
    try {
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        const event = toFoldEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      throw toPortError(error, stream);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return readAllPages(this.client, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new EsdbSubscription(this.client, options, this.resubscribe, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async readCheckpoint(name: string): Promise<bigint | undefined> {
    this.assertOpen();
    assertCheckpointName(name);
    return readCheckpointEvent(this.client, name);
  }

  async saveCheckpoint(name: string, position: bigint): Promise<void> {
    this.assertOpen();
    assertCheckpointName(name);
    await saveCheckpointEvent(this.client, name, position, this.maxEventBytes);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
