/**
 * Conversions between the domain's value forms (ISO strings, local gate times, hex digests) and the
 * wire's (Timestamps, CalendarDates, bytes). Pure; no particulars are ever put into an error.
 */
import { fromTimestamp, google, toTimestamp, v1 } from '@xb/envelope';

type Timestamp = google.protobuf.Timestamp.$Properties;

/** An ISO 8601 instant as a protobuf Timestamp (millisecond precision). */
export const timestampOf = (iso: string): Timestamp => toTimestamp(new Date(iso));

/**
 * A protobuf Timestamp as an ISO 8601 instant, without `.000` when the milliseconds are zero so that
 * a value that left this node as `…:00Z` comes back identical; undefined when unset or invalid.
 */
export const isoOf = (ts: Timestamp | null | undefined): string | undefined => {
  if (!ts) return undefined;
  const date = fromTimestamp(ts);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z');
};

/** `YYYY-MM-DD` as a CalendarDate. */
export const calendarDateOf = (isoDate: string): v1.CalendarDate.$Properties => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year, month, day };
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** A CalendarDate as `YYYY-MM-DD`; undefined when unset. */
export const isoDateOf = (date: v1.CalendarDate.$Properties | null | undefined): string | undefined =>
  date ? `${pad(date.year ?? 0, 4)}-${pad(date.month ?? 0)}-${pad(date.day ?? 0)}` : undefined;

/**
 * Gate-local `date` + `time` (`HH:MM`) as the UTC instant the wire carries, for a gate at
 * `utcOffsetMinutes` east of UTC.
 */
export const gateInstantOf = (date: string, time: string, utcOffsetMinutes: number): Timestamp => {
  const local = Date.parse(`${date}T${time}:00Z`);
  return toTimestamp(new Date(local - utcOffsetMinutes * 60_000));
};

/** The gate-local date and time of a wire instant; undefined when unset. */
export const gateLocalOf = (
  ts: Timestamp | null | undefined,
  utcOffsetMinutes: number,
): { date: string; time: string } | undefined => {
  if (!ts) return undefined;
  const local = new Date(fromTimestamp(ts).getTime() + utcOffsetMinutes * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** `sha256:<64 hex>` as 32 bytes. */
export const digestBytesOf = (digest: string): Uint8Array =>
  Uint8Array.from(Buffer.from(digest.replace(/^sha256:/, ''), 'hex'));

/** 32 bytes as `sha256:<hex>`; undefined when empty. */
export const digestOf = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes && bytes.length > 0 ? `sha256:${Buffer.from(bytes).toString('hex')}` : undefined;

/** An instant `ms` after `now` (ISO), for deadlines the receiving node sets itself. */
export const after = (now: string, ms: number): string =>
  new Date(Date.parse(now) + ms).toISOString().replace('.000Z', 'Z');

/**
 * The deadline a request carries (`respond_by`, schema version 2), else one `fallbackMs` after `now`
 * by this node's policy (senders before version 2 sent none).
 */
export const deadlineOf = (
  respondBy: Timestamp | null | undefined,
  now: string,
  fallbackMs: number,
): string => isoOf(respondBy) ?? after(now, fallbackMs);

/** Two-way table between a domain string union and a wire enum. */
export interface EnumMap<D extends string> {
  readonly toWire: (value: D) => number;
  readonly fromWire: (value: number | null | undefined) => D | undefined;
}

/** Builds a two-way map; `extraFromWire` names wire values with no domain value of their own. */
export const enumMap = <D extends string>(
  pairs: Readonly<Record<D, number>>,
  extraFromWire: Readonly<Record<number, D>> = {},
): EnumMap<D> => {
  const reverse = new Map<number, D>(Object.entries(pairs).map(([d, w]) => [w as number, d as D]));
  for (const [w, d] of Object.entries(extraFromWire)) reverse.set(Number(w), d);
  return {
    toWire: (value) => pairs[value],
    fromWire: (value) => (value == null ? undefined : reverse.get(value)),
  };
};

/** Empty strings are proto3's "unset": the domain wants undefined instead. */
export const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * Two-way table between a domain word list and a wire enum whose value names are the words in upper
 * case after `prefix` (`sexual_exploitation` ↔ `TRAFFICKING_FORM_SEXUAL_EXPLOITATION`). A word with no
 * wire value fails when the module loads, so a renamed enum value cannot slip through.
 */
export const wordsOf = <D extends string>(
  words: readonly D[],
  wireEnum: Readonly<Record<string, string | number>>,
  prefix: string,
): EnumMap<D> => {
  const pairs = Object.fromEntries(
    words.map((word) => {
      const value = wireEnum[`${prefix}${word.toUpperCase()}`];
      if (typeof value !== 'number') throw new Error(`no ${prefix}${word.toUpperCase()} in the contract`);
      return [word, value];
    }),
  ) as Record<D, number>;
  return enumMap(pairs);
};

/** A list's domain form: its words, leaving out values the domain has no word for (UNSPECIFIED). */
export const wordListOf = <D extends string>(
  map: EnumMap<D>,
  values: readonly number[] | null | undefined,
): D[] => (values ?? []).flatMap((value) => map.fromWire(value) ?? []);

/** `object` without its undefined fields and empty lists: what proto3 cannot tell from unset. */
export const compact = <T extends object>(object: T): T =>
  Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;

/** A non-empty list, else undefined. */
export const listOf = <T>(list: readonly T[] | null | undefined): T[] | undefined =>
  list && list.length > 0 ? [...list] : undefined;

/** A wire number as the domain keeps it: undefined for proto3's unset zero. */
export const countOf = (value: number | null | undefined): number | undefined =>
  value ? Number(value) : undefined;

/**
 * `value`, unless it is what this node would send by default anyway (`fallback`): an inbound message
 * from a node of this code then reads the same on both sides, while whatever else a counterpart sends
 * is kept as sent. Either way the value goes back on the wire unchanged.
 */
export const unlessDefault = <T>(value: T | undefined, fallback: unknown): T | undefined =>
  value !== undefined && JSON.stringify(value) === JSON.stringify(fallback) ? undefined : value;

/**
 * `{ [key]: list }` unless the list is what this node would send anyway (see `unlessDefault`); an
 * empty list is kept when ours would not be empty, so "none" survives as sent.
 */
export const listUnlessDefault = <K extends string, T>(
  key: K,
  list: readonly T[],
  fallback: readonly T[],
): { [P in K]?: T[] } =>
  (JSON.stringify(list) === JSON.stringify(fallback) ? {} : { [key]: [...list] }) as { [P in K]?: T[] };
