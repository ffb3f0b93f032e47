/** Mapping between the EventStoreDB client's shapes and errors and the port's. */
import {
  ErrorType,
  type BinaryEventData,
  type ResolvedEvent,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  EventTooLargeError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type ActualRevision,
} from '../errors';
import type { EventMetadata, ExpectedRevision, FoldEvent, RecordedEvent } from '../port';
import { RESERVED_CATEGORIES, parseJson, type EncodedEvent } from '../rules';

/** EventStoreDB's "no position" (2^64 - 1), sent by servers that do not report positions on stream reads. */
const NO_POSITION = 18446744073709551615n;

export function toEventData(event: EncodedEvent): BinaryEventData {
  return {
    id: event.id,
    type: event.type,
    // Binary content keeps our exact bytes: the client would re-serialise JSON content on read.
    contentType: 'application/octet-stream',
    data: new Uint8Array(event.dataBytes),
    // A plain Uint8Array (not a Buffer): the client sends only exactly-Uint8Array metadata as raw bytes.
    metadata: new Uint8Array(event.metadataBytes),
  };
}

export function toPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** Events of `$` system streams or types, and the adapter's own checkpoint streams, never reach callers. */
export function isHidden(event: EsdbRecordedEvent): boolean {
  const category = event.streamId.slice(0, event.streamId.indexOf('-'));
  return (
    event.streamId.startsWith('$') || event.type.startsWith('$') || RESERVED_CATEGORIES.includes(category)
  );
}

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isHidden(event)) return undefined;
  const dataBytes =
    event.data instanceof Uint8Array ? event.data : Buffer.from(JSON.stringify(event.data), 'utf8');
  const commit = event.position?.commit ?? resolved.commitPosition;
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: commit === undefined || commit === NO_POSITION ? -1n : commit,
    id: event.id,
    type: event.type,
    data: parseJson(dataBytes),
    metadata: metadataOf(event.metadata) as EventMetadata,
    dataBytes,
    metadataBytes: metadataBytesOf(event.metadata),
    recordedAt: event.created.toISOString(),
  };
}

/** A fold's view of a resolved event: the data parsed, the metadata left alone. */
export function toFoldEvent(resolved: ResolvedEvent): FoldEvent | undefined {
  const event = resolved.event;
  if (!event || isHidden(event)) return undefined;
  const data = event.data instanceof Uint8Array ? parseJson(event.data) : event.data;
  return { revision: event.revision, type: event.type, data };
}

function metadataOf(metadata: unknown): unknown {
  return metadata instanceof Uint8Array ? parseJson(metadata) : metadata;
}

/**
 * The client hands JSON metadata back parsed. We wrote it as JSON.stringify output, and for such text
 * JSON.stringify(JSON.parse(text)) === text, so serialising it again gives back the stored bytes.
 */
function metadataBytesOf(metadata: unknown): Uint8Array {
  if (metadata instanceof Uint8Array) return metadata;
  return new Uint8Array(Buffer.from(JSON.stringify(metadata ?? null), 'utf8'));
}

/** Maps the client's typed errors to the port's; anything else (lost infrastructure) passes through. */
export function toPortError(error: unknown, stream: string, expected: ExpectedRevision = 'any'): unknown {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case ErrorType.WRONG_EXPECTED_VERSION: {
      const actual = (error as { actualVersion: bigint | 'no_stream' }).actualVersion;
      return new WrongExpectedRevisionError(stream, expected, actual as ActualRevision);
    }
    case ErrorType.STREAM_NOT_FOUND:
      return new StreamNotFoundError(stream);
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED: {
      const limit = (error as { maxAppendSize: number }).maxAppendSize;
      return new EventTooLargeError(stream, limit + 1, limit);
    }
    default:
      return error;
  }
}

/** Errors after which a subscription resubscribes after its last delivered position. */
export function isTransient(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    [
      ErrorType.UNAVAILABLE,
      ErrorType.CANCELLED,
      ErrorType.DEADLINE_EXCEEDED,
      ErrorType.TIMEOUT,
      ErrorType.NOT_LEADER,
      ErrorType.UNKNOWN,
    ].includes(type as ErrorType) || code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}
