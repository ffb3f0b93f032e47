/**
 * Reporting periods in the node's local time. The standing office counts by the calendar (a quarter is
 * 1 January to 31 March) or by the statutory cut-off of periodic reports (from the 15th of the month
 * before the period to the 14th of its last month: the first quarter is 15 December to 14 March), and
 * either way a day begins at local midnight, not UTC's: 01:00 on 1 April in Hanoi is in the second quarter.
 */
export type Cutoff = 'calendar' | 'statutory';
export const CUTOFFS: readonly Cutoff[] = ['calendar', 'statutory'];

export interface ReportPeriod {
  /** As given: `2026-Q1`, `2026-H2`, `2026`, or `2026-03-01..2026-05-31` (a custom range). */
  readonly label: string;
  readonly kind: 'quarter' | 'half_year' | 'year' | 'range';
  /** The convention applied (a custom range is taken as given: `calendar`). */
  readonly cutoff: Cutoff;
  readonly timeZone: string;
  /** First and last local day counted (ISO dates, inclusive). */
  readonly firstDay: string;
  readonly lastDay: string;
  /** The same as UTC instants: from inclusive, to exclusive. */
  readonly from: string;
  readonly to: string;
}

/** Why a period text was refused (the caller turns it into its own usage error). */
export class PeriodError extends Error {
  readonly code = 'VALIDATION_FAILED';
  readonly field = 'period';
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (year: number, month: number, day: number): string => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const nextDay = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return isoDay(y, m, d + 1);
};

/** Whether `zone` is a time zone this runtime knows (IANA name, e.g. Asia/Ho_Chi_Minh). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at `instant`, in ms (Asia/Ho_Chi_Minh: +7 h). */
function offsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which the local day `day` begins in `zone`. */
export function startOfLocalDay(day: string, zone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // Twice: the offset at the guessed instant may differ from the offset at the true one (DST changes).
  let instant = wall - offsetMs(wall, zone);
  instant = wall - offsetMs(instant, zone);
  return new Date(instant).toISOString();
}

/** The local calendar date (ISO) of an instant in `zone`. */
export function localDay(instant: string, zone: string): string {
  const t = Date.parse(instant);
  return new Date(t + offsetMs(t, zone)).toISOString().slice(0, 10);
}

const isRealDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) &&
  isoDay(...(day.split('-').map(Number) as [number, number, number])) === day;

/**
 * Parses `YYYY-Qn`, `YYYY-Hn`, `YYYY` or `YYYY-MM-DD..YYYY-MM-DD` into a period of local days in
 * `timeZone`, under `cutoff` for the first three.
 */
export function parseReportPeriod(text: string, timeZone: string, cutoff: Cutoff): ReportPeriod {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range) {
    const [, firstDay, lastDay] = range;
    if (!isRealDay(firstDay) || !isRealDay(lastDay) || lastDay < firstDay)
      throw new PeriodError(
        `period: a range is two real dates FIRST..LAST, first not after last, got "${text}"`,
      );
    return period(text, 'range', 'calendar', timeZone, firstDay, lastDay);
  }
  const match = /^(\d{4})(?:-([QH])([1-4]))?$/.exec(text);
  if (!match || (match[2] === 'H' && Number(match[3]) > 2))
    throw new PeriodError(`period: expected YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM-DD..YYYY-MM-DD, got "${text}"`);
  const year = Number(match[1]);
  const months = match[2] === 'Q' ? 3 : match[2] === 'H' ? 6 : 12;
  const firstMonth = match[2] ? (Number(match[3]) - 1) * months + 1 : 1;
  const lastMonth = firstMonth + months - 1;
  const kind = match[2] === 'Q' ? 'quarter' : match[2] === 'H' ? 'half_year' : 'year';
  if (cutoff === 'statutory')
    return period(
      text,
      kind,
      cutoff,
      timeZone,
      isoDay(year, firstMonth - 1, 15),
      isoDay(year, lastMonth, 14),
    );
  return period(text, kind, cutoff, timeZone, isoDay(year, firstMonth, 1), isoDay(year, lastMonth + 1, 0));
}

function period(
  label: string,
  kind: ReportPeriod['kind'],
  cutoff: Cutoff,
  timeZone: string,
  firstDay: string,
  lastDay: string,
): ReportPeriod {
  if (!isTimeZone(timeZone)) throw new PeriodError(`period: unknown time zone "${timeZone}"`);
  return {
    label,
    kind,
    cutoff,
    timeZone,
    firstDay,
    lastDay,
    from: startOfLocalDay(firstDay, timeZone),
    to: startOfLocalDay(nextDay(lastDay), timeZone),
  };
}
