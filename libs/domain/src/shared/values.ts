/**
 * Value checks shared by every process. Each check returns whether a value is well formed; the deciders
 * turn failures into VALIDATION_FAILED refusals naming the field, never echoing the value (values may
 * be personal particulars).
 */

/** Agency id, docs/design.md section 4: `<ISO 3166 alpha-2>.<organisation>[.<unit>]`, e.g. `VN.BGC.LAICHAU`. */
export const AGENCY_ID_PATTERN = /^[A-Z]{2}(\.[A-Z0-9]+){1,3}$/;
export const isAgencyId = (value: unknown): value is string =>
  typeof value === 'string' && AGENCY_ID_PATTERN.test(value);

/** ISO 3166-1 alpha-2 country code (upper case). */
export const isCountryCode = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Z]{2}$/.test(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A UUID in canonical lower-case 8-4-4-4-12 form, any version: case ids (the envelope's correlation
 * id), linked case ids and child ids (a child's wire person id) must be UUIDs, as the contract says.
 */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const isNonEmptyText = (value: unknown, maxLength = 10_000): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** ISO 8601 date-time with an explicit offset (`2026-11-23T04:00:00Z`). */
export const isIsoDateTime = (value: unknown): value is string =>
  typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** ISO 8601 calendar date (`2026-11-23`) that exists in the calendar. */
export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return isCalendarDay(year, month, day);
};

/** Local time of day at a border gate, `HH:MM` (24 h). */
export const isTimeOfDay = (value: unknown): value is string =>
  typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

export const isCalendarDay = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** Milliseconds since the epoch of an ISO date-time; callers validate first. */
export const instant = (isoDateTime: string): number => Date.parse(isoDateTime);

/**
 * The calendar date (`YYYY-MM-DD`) of an ISO date-time at a UTC offset in minutes (default 0, UTC;
 * 420 for Indochina time).
 */
export const calendarDateOf = (isoDateTime: string, utcOffsetMinutes = 0): string =>
  new Date(instant(isoDateTime) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** A field-level problem: the field's path only, so refusals never carry the value. */
export type Problems = readonly string[];

/** Collects the paths of the fields that fail their check. */
export const problems = (checks: Readonly<Record<string, boolean>>): Problems =>
  Object.entries(checks)
    .filter(([, ok]) => !ok)
    .map(([path]) => path);

export const prefixed = (prefix: string, list: Problems): Problems => list.map((path) => `${prefix}.${path}`);
