import { UsageError } from './io';

/** A strict ISO 8601 date-time with an offset (`2026-11-23T04:00:00Z`), or a date (`2026-11-23`, UTC midnight). */
export function parseInstant(value: string, option: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if ((!dateOnly && !dateTime) || Number.isNaN(ms))
    throw new UsageError(`${option} must be an ISO 8601 time with an offset, e.g. 2026-11-23T04:00:00Z`);
  return new Date(ms).toISOString();
}

export function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${option} must be a whole number >= 1`);
  return n;
}

/** Milliseconds of an ISO time already validated (or stored by the domain, which validates its own). */
export const ms = (iso: string): number => Date.parse(iso);
