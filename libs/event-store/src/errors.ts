import type { ExpectedRevision } from './port';

/** Reason codes of every error the event store raises on purpose (docs/conventions.md rule 10). */
export type EventStoreErrorCode =
  | 'WRONG_EXPECTED_REVISION'
  | 'STREAM_NOT_FOUND'
  | 'INVALID_STREAM_NAME'
  | 'INVALID_CHECKPOINT_NAME'
  | 'INVALID_EVENT'
  | 'EVENT_TOO_LARGE'
  | 'DUPLICATE_EVENT_ID'
  | 'CORRUPT_DATABASE'
  | 'FOREIGN_DATABASE'
  | 'UNSUPPORTED_SCHEMA_VERSION'
  | 'STORE_CLOSED'
  | 'CONCURRENCY_CONFLICT';

/** Base of the event store's typed errors: `code` is stable and machine-readable. */
export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream's revision before the append: `no_stream` when it has no events. */
export type ActualRevision = bigint | 'no_stream';

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly stream: string) {
    super(`stream ${stream} not found`);
  }
}

export class InvalidStreamNameError extends EventStoreError {
  readonly code = 'INVALID_STREAM_NAME';
  constructor(readonly stream: string) {
    super(
      `invalid stream name ${JSON.stringify(stream.slice(0, 80))}: expected <category>-<id> (docs/event-store.md)`,
    );
  }
}

export class InvalidCheckpointNameError extends EventStoreError {
  readonly code = 'INVALID_CHECKPOINT_NAME';
  constructor(readonly checkpoint: string) {
    super(`invalid checkpoint name ${JSON.stringify(checkpoint.slice(0, 80))}`);
  }
}

/** An event the store cannot take: empty batch, bad type, data that is not JSON, metadata missing fields. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly stream: string,
    readonly reason: string,
  ) {
    super(`stream ${stream}: invalid event: ${reason}`);
  }
}

export class EventTooLargeError extends EventStoreError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly stream: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`stream ${stream}: event of ${size} bytes exceeds the limit of ${limit} bytes`);
  }
}

/** An event id already in the stream, in an append that is not an exact retry of the original batch. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(`stream ${stream}: event id ${eventId} is already in the stream`);
  }
}

/** The database file is not one this store can open: garbage, someone else's, or a newer schema. */
export class DatabaseFileError extends EventStoreError {
  constructor(
    readonly code: 'CORRUPT_DATABASE' | 'FOREIGN_DATABASE' | 'UNSUPPORTED_SCHEMA_VERSION',
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export class StoreClosedError extends EventStoreError {
  readonly code = 'STORE_CLOSED';
  constructor() {
    super('the event store is closed');
  }
}

/** A command kept losing the race for its stream (or its decider does not allow a retry). */
export class ConcurrencyConflictError extends EventStoreError {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly stream: string,
    readonly attempts: number,
    readonly conflict: WrongExpectedRevisionError,
  ) {
    super(`stream ${stream}: concurrent change, command refused after ${attempts} attempt(s)`);
  }
}
