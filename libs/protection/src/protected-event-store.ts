/**
 * An event store whose events hold their particulars sealed (docs/confidentiality.md): appends seal the
 * particulars of each event's data before the adapter encodes it, so the stored bytes (and so the audit
 * chain, the seals and every copy of the store) hold ciphertext only. Reads return what is stored; the
 * readers that must act on particulars open them through `openEvents` (libs/event-store's
 * `openedEvents` hook). Everything else passes through to the adapter.
 */
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  OpensParticulars,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '@xb/event-store';
import type { ParticularsCodec } from './particulars-codec';

export class ProtectedEventStore implements EventStore, OpensParticulars {
  // The adapter's cheaper reads pass through like `readStream` and `readAll` (particulars still sealed):
  // without them every reader of a protected store, a node's command handling, projector and auditor
  // walk among them, would fall back on the whole reads those exist to avoid.
  readonly readStreamForFold: EventStore['readStreamForFold'];
  readonly readAllStored: EventStore['readAllStored'];
  readonly readAllText: EventStore['readAllText'];
  readonly readAllPacked: EventStore['readAllPacked'];

  constructor(
    readonly inner: EventStore,
    readonly codec: ParticularsCodec,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.readStreamForFold = inner.readStreamForFold?.bind(inner);
    this.readAllStored = inner.readAllStored?.bind(inner);
    this.readAllText = inner.readAllText?.bind(inner);
    this.readAllPacked = inner.readAllPacked?.bind(inner);
  }

  async appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const category = stream.slice(0, Math.max(0, stream.indexOf('-')));
    const at = this.now().toISOString();
    const sealed = await Promise.all(
      events.map(async (event) => {
        const data = await this.codec.seal(event.data, {
          caseId: event.metadata.correlationId,
          category,
          at,
        });
        return data === event.data ? event : { ...event, data };
      }),
    );
    return this.inner.appendToStream(stream, sealed, options);
  }

  async openEvents(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(
      events.map(async (event) => {
        const data = await this.codec.open(event.data);
        return data === event.data ? event : { ...event, data };
      }),
    );
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  readCheckpoint(name: string): Promise<bigint | undefined> {
    return this.inner.readCheckpoint(name);
  }

  saveCheckpoint(name: string, position: bigint): Promise<void> {
    return this.inner.saveCheckpoint(name, position);
  }

  async close(): Promise<void> {
    await this.inner.close();
    this.codec.keys.close();
  }
}
