/**
 * The event store port (docs/design.md section 6). Every adapter (SQLite, EventStoreDB) implements it and
 * passes the same contract suite. Revisions and positions are bigints: EventStoreDB's are 64-bit.
 */

/** What the writer expects the stream to be before the append (optimistic concurrency). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Metadata every event carries; adapters store it as JSON beside the data. */
export interface EventMetadata {
  /** The case (process instance) the event belongs to. */
  readonly correlationId: string;
  /** The message or command that caused it, when known. */
  readonly causationId?: string;
  /** Who acted: an officer id, `agency:<id>` for a counterpart, or `system:<role>`. */
  readonly actor: string;
  /** When it happened in the domain (ISO 8601, UTC), passed in, never read from a clock in the domain. */
  readonly occurredAt: string;
  /** Version of the event's data schema. */
  readonly schemaVersion: number;
  /** Anything else an adapter must keep as is (request id, source address, ...). */
  readonly [extra: string]: unknown;
}

export interface EventToAppend<Type extends string = string, Data = unknown> {
  /** UUID chosen by the writer; generated (UUIDv7) when absent. */
  readonly id?: string;
  readonly type: Type;
  /** JSON-serialisable. */
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly streamId: string;
  /** 0-based position within its stream. */
  readonly revision: bigint;
  /** Position in the global order ($all); strictly increasing, not necessarily contiguous. */
  readonly position: bigint;
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** The exact bytes stored for data and metadata (UTF-8 JSON): what the audit chain hashes. */
  readonly dataBytes: Uint8Array;
  readonly metadataBytes: Uint8Array;
  /** When the store recorded it (ISO 8601). */
  readonly recordedAt: string;
}

/** What a fold needs of an event, and nothing more (no metadata, no stored bytes). */
export interface FoldEvent<Type extends string = string, Data = unknown> {
  readonly revision: bigint;
  readonly type: Type;
  readonly data: Data;
}

/**
 * An event as stored, without its data and metadata parsed: what the audit chain hashes. Reading these
 * skips two JSON parses and the copies of the stored bytes per event.
 */
export type StoredEvent<Type extends string = string> = Omit<RecordedEvent<Type>, 'data' | 'metadata'>;

/**
 * An event with its data and metadata as the stored JSON text: nothing parsed and no Buffers (two per
 * event otherwise, and a copy each), for a follower that parses only the events it takes.
 */
export interface TextEvent<Type extends string = string> extends Omit<
  RecordedEvent<Type>,
  'data' | 'metadata' | 'dataBytes' | 'metadataBytes'
> {
  readonly dataText: string;
  readonly metadataText: string;
}

/** What `readAllPacked` reads: a page of the global order forwards, as one buffer. */
export interface PackedReadOptions {
  /** First position read. Default: the first event. */
  readonly fromPosition?: bigint;
  readonly maxCount: number;
  /** Zero bytes put before each event (room the reader writes into, e.g. the audit chain's previous head). */
  readonly headroom: number;
}

/**
 * Events packed back to back in one buffer, nothing parsed. Each event is `headroom` zero bytes, then
 * u64(position) ‖ str(streamId) ‖ u64(revision) ‖ str(id) ‖ str(type) ‖ bytes(data) ‖ bytes(metadata),
 * where u64 is 8 bytes big-endian and str/bytes a u32 big-endian length then the bytes (strings in
 * UTF-8, data and metadata the exact stored bytes): the audit chain's canonical encoding
 * (docs/audit.md), so a verify walk hashes it in place. `recordedAt` is not in it.
 */
export interface PackedEvents {
  readonly count: number;
  readonly lastPosition: bigint;
  readonly bytes: Buffer;
}

export interface AppendResult {
  /** Revision of the last event appended: the expected revision for the next append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  readonly position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Default 'forwards'. */
  readonly direction?: Direction;
  /** Inclusive. Default: the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  /** Default: no limit. */
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive. Default: the start (forwards) or the end (backwards). */
  readonly fromPosition?: bigint;
  readonly maxCount?: number;
}

export interface SubscriptionFilter {
  /** Keep events whose stream id starts with one of these. */
  readonly streamPrefixes?: readonly string[];
  /** Keep events whose type is one of these. */
  readonly eventTypes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the subscription starts after this position. Default: from the very start. */
  readonly after?: bigint;
  readonly filter?: SubscriptionFilter;
}

/**
 * Catch-up then live subscription to the global order. Iterate it with `for await`; `stop()` ends the
 * iteration. An adapter that loses its connection resumes after the last position it delivered.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    stream: string,
    events: readonly EventToAppend[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /**
   * The stream forwards from `fromRevision` (default 0), reduced to what a fold reads: an adapter reads
   * only the type and data (as text), skipping the metadata and the stored bytes `readStream` copies.
   * Throws StreamNotFoundError when the stream has no events. Optional: use `readForFold`, which falls
   * back on `readStream` for a store (or a wrapper) without it.
   */
  readStreamForFold?(stream: string, fromRevision?: bigint): Promise<FoldEvent[]>;
  /**
   * `readAll` without parsing: each event's stored bytes as the store holds them, no JSON parsed (the
   * audit verify walk hashes bytes and parses only seals). Optional: use `readAllStored`, which falls back
   * on `readAll` for a store (or a wrapper) without it.
   */
  readAllStored?(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * `readAll` with data and metadata as their JSON text (TextEvent), parsed by the caller if at all (the
   * read models' catch-up parses only the events a projection takes). Optional: use `readAllText`,
   * which falls back on `readAll` for a store (or a wrapper) without it.
   */
  readAllText?(options?: ReadAllOptions): Promise<TextEvent[]>;
  /**
   * A page of the global order forwards as one packed buffer (PackedEvents), undefined past the last
   * event: one value per page instead of a dozen per event, for the audit verify walk. Optional: a
   * store without it is walked with `readAllStored`.
   */
  readAllPacked?(options: PackedReadOptions): Promise<PackedEvents | undefined>;
  /** Durable named checkpoints for followers of the global order (projections, relay, sealer). */
  readCheckpoint(name: string): Promise<bigint | undefined>;
  saveCheckpoint(name: string, position: bigint): Promise<void>;
  close(): Promise<void>;
}
