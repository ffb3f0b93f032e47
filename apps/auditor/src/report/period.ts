import { UsageError } from '../cli/io';

/** A reporting period: a quarter, a half-year or a year, in UTC. */
export interface Period {
  /** As given: `2026-Q3`, `2026-H1`, `2026`. */
  readonly label: string;
  /** First instant, inclusive (ISO). */
  readonly from: string;
  /** First instant after the period, exclusive (ISO). */
  readonly to: string;
}

const iso = (year: number, monthIndex: number): string =>
  new Date(Date.UTC(year, monthIndex, 1)).toISOString();

/**
 * Parses `YYYY-Qn` (quarter), `YYYY-Hn` (half-year) or `YYYY` (year). Boundaries are UTC midnights: the
 * steering committee's periods are calendar periods, and the store's times are UTC.
 */
export function parsePeriod(text: string): Period {
  const match = /^(\d{4})(?:-([QH])([1-4]))?$/.exec(text);
  if (!match) throw new UsageError(`--period must be YYYY-Qn, YYYY-Hn or YYYY (e.g. 2026-Q3), got "${text}"`);
  const year = Number(match[1]);
  const [kind, n] = [match[2], Number(match[3])];
  if (kind === undefined) return { label: text, from: iso(year, 0), to: iso(year + 1, 0) };
  if (kind === 'H' && n > 2) throw new UsageError(`--period: a year has two halves, got "${text}"`);
  const months = kind === 'Q' ? 3 : 6;
  return { label: text, from: iso(year, (n - 1) * months), to: iso(year, n * months) };
}

/** Whether an ISO time lies in the period. */
export const inPeriod = (at: string, period: Period): boolean => {
  const t = Date.parse(at);
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
};

/** Whether the calendar dates [startDate, endDate] (inclusive, ISO dates) overlap the period. */
export const overlapsPeriod = (startDate: string, endDate: string, period: Period): boolean =>
  startDate < period.to.slice(0, 10) && endDate >= period.from.slice(0, 10);
