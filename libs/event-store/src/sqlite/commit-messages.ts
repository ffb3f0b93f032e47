/**
 * What the store and its commit worker say to each other. Errors cross the thread as data and are
 * rebuilt as the same classes, so a caller cannot tell which writer refused its append.
 */
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult } from '../port';
import type { StoreWrite, WriteOutcome } from './group-commit';

export interface CommitWorkerData {
  readonly file: string;
  readonly busyTimeoutMs: number;
}

export type ToWorker =
  { readonly kind: 'commit'; readonly writes: readonly StoreWrite[] } | { readonly kind: 'close' };

export type WireOutcome =
  | { readonly ok: true; readonly value: AppendResult | undefined }
  | { readonly ok: false; readonly error: WireError };

/** Answer to one `commit`, in order: the outcomes, or why the whole transaction failed. */
export type FromWorker =
  | { readonly kind: 'committed'; readonly outcomes: readonly WireOutcome[] }
  | { readonly kind: 'failed'; readonly error: WireError };

export type WireError =
  | Pick<WrongExpectedRevisionError, 'code' | 'stream' | 'expected' | 'actual'>
  | Pick<DuplicateEventIdError, 'code' | 'stream' | 'eventId'>
  | { readonly code?: unknown; readonly name: string; readonly message: string };

export function toWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevisionError) {
    const { code, stream, expected, actual } = error;
    return { code, stream, expected, actual };
  }
  if (error instanceof DuplicateEventIdError) {
    const { code, stream, eventId } = error;
    return { code, stream, eventId };
  }
  if (error instanceof Error) {
    // SqliteError's code (SQLITE_BUSY, SQLITE_FULL, ...) is what callers and failureKind look at.
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function fromWire(wire: WireError): Error {
  if ('expected' in wire) return new WrongExpectedRevisionError(wire.stream, wire.expected, wire.actual);
  if ('eventId' in wire) return new DuplicateEventIdError(wire.stream, wire.eventId);
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.code !== undefined) Object.assign(error, { code: wire.code });
  return error;
}

export function outcomeToWire(outcome: WriteOutcome): WireOutcome {
  return outcome.ok ? outcome : { ok: false, error: toWire(outcome.error) };
}
