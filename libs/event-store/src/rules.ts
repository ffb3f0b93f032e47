/**
 * The store's pure rules, shared by every adapter: stream and checkpoint names, the expected-revision
 * check, and how an event becomes the exact bytes that are stored (and hashed by the audit chain).
 */
import { v7 as uuidv7 } from 'uuid';
import {
  EventTooLargeError,
  InvalidCheckpointNameError,
  InvalidEventError,
  InvalidStreamNameError,
  WrongExpectedRevisionError,
  type ActualRevision,
} from './errors';
import type { EventToAppend, ExpectedRevision } from './port';

/** Default largest event (data + metadata bytes): 1 MiB. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/**
 * `<category>-<id>`: a lower-case category (letters and digits, starting with a letter), a dash, then an
 * id of letters, digits and `._:-` that starts with a letter or digit; at most 200 characters. Fits
 * `verification-<uuid>`, `exchange-<id>`, `audit-seals`; refuses `$`-system names, spaces and slashes,
 * and the reserved categories below.
 */
export const STREAM_NAME = /^[a-z][a-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*$/;
export const MAX_STREAM_NAME_LENGTH = 200;

/** Checkpoint names: `[a-z0-9][a-z0-9._-]*`, at most 100 characters (e.g. `projection.verifications`). */
export const CHECKPOINT_NAME = /^[a-z0-9][a-z0-9._-]*$/;
export const MAX_CHECKPOINT_NAME_LENGTH = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9._:-]{0,199}$/;

/** Categories the adapters keep for themselves (EventStoreDB checkpoint streams). */
export const RESERVED_CATEGORIES: readonly string[] = ['xbcheckpoint'];

export function isValidStreamName(stream: string): boolean {
  return (
    typeof stream === 'string' &&
    stream.length <= MAX_STREAM_NAME_LENGTH &&
    STREAM_NAME.test(stream) &&
    !RESERVED_CATEGORIES.includes(stream.slice(0, stream.indexOf('-')))
  );
}

export function assertStreamName(stream: string): void {
  if (!isValidStreamName(stream)) throw new InvalidStreamNameError(String(stream));
}

export function assertCheckpointName(name: string): void {
  if (typeof name !== 'string' || name.length > MAX_CHECKPOINT_NAME_LENGTH || !CHECKPOINT_NAME.test(name)) {
    throw new InvalidCheckpointNameError(String(name));
  }
}

/** Whether a stream at `actual` satisfies `expected`. */
export function revisionMatches(expected: ExpectedRevision, actual: ActualRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

/** Throws WrongExpectedRevisionError when the stream is not where the writer expected it. */
export function checkExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
): void {
  if (!revisionMatches(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
}

/** The revision the first event of an append gets. */
export function firstRevisionAfter(actual: ActualRevision): bigint {
  return actual === 'no_stream' ? 0n : actual + 1n;
}

/** An event ready to store: its id settled and its data and metadata as exact UTF-8 JSON bytes. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly dataBytes: Buffer;
  readonly metadataBytes: Buffer;
}

/** Validates and encodes a batch; throws a typed error for the first bad event, before anything is written. */
export function encodeBatch(
  stream: string,
  events: readonly EventToAppend[],
  maxEventBytes: number = DEFAULT_MAX_EVENT_BYTES,
): EncodedEvent[] {
  assertStreamName(stream);
  return encodeEvents(stream, events, maxEventBytes);
}

/** encodeBatch without the stream-name rule: for an adapter's own streams (checkpoints). */
export function encodeEvents(
  stream: string,
  events: readonly EventToAppend[],
  maxEventBytes: number,
): EncodedEvent[] {
  if (!Array.isArray(events) || events.length === 0) throw new InvalidEventError(stream, 'empty batch');
  const encoded = events.map((event) => encodeEvent(stream, event, maxEventBytes));
  const ids = new Set(encoded.map((event) => event.id));
  if (ids.size !== encoded.length)
    throw new InvalidEventError(stream, 'the same event id twice in one batch');
  return encoded;
}

function encodeEvent(stream: string, event: EventToAppend, maxEventBytes: number): EncodedEvent {
  const id = event.id ?? uuidv7();
  if (typeof id !== 'string' || !UUID.test(id))
    throw new InvalidEventError(stream, 'event id must be a lower-case UUID');
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    throw new InvalidEventError(stream, `event type must match ${EVENT_TYPE}`);
  }
  assertMetadata(stream, event.metadata);
  const dataBytes = jsonBytes(stream, 'data', event.data);
  const metadataBytes = jsonBytes(stream, 'metadata', event.metadata);
  const size = dataBytes.length + metadataBytes.length;
  if (size > maxEventBytes) throw new EventTooLargeError(stream, size, maxEventBytes);
  return { id, type: event.type, dataBytes, metadataBytes };
}

function assertMetadata(stream: string, metadata: EventToAppend['metadata']): void {
  const ok =
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof metadata.correlationId === 'string' &&
    typeof metadata.actor === 'string' &&
    typeof metadata.occurredAt === 'string' &&
    Number.isInteger(metadata.schemaVersion) &&
    (metadata.causationId === undefined || typeof metadata.causationId === 'string');
  if (!ok) {
    throw new InvalidEventError(
      stream,
      'metadata needs correlationId, actor, occurredAt and an integer schemaVersion',
    );
  }
}

function jsonBytes(stream: string, what: string, value: unknown): Buffer {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined; // cycles and bigints: reported below
  }
  if (json === undefined) throw new InvalidEventError(stream, `${what} is not JSON-serialisable`);
  return Buffer.from(json, 'utf8');
}

/** Parses stored JSON bytes back into a value. */
export function parseJson<T>(bytes: Uint8Array): T {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T;
}
