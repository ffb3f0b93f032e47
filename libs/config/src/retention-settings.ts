import { failure, ParseFailure, Setting } from './settings';

/**
 * The case categories a retention period may name: the processes' stream categories (libs/domain's
 * PROCESS_CATEGORIES; config sits below domain, so a node test checks the two lists agree).
 */
export const RETENTION_CATEGORIES = [
  'verification',
  'repatriation',
  'handover',
  'jointop',
  'notice',
  'rescue',
  'wanted',
  'liaison',
  'mission',
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** Days a closed case of each category keeps its particulars; a category not named keeps them. */
export type RetentionPeriods = Readonly<Partial<Record<RetentionCategory, number>>>;

const isCategory = (value: string): value is RetentionCategory =>
  (RETENTION_CATEGORIES as readonly string[]).includes(value);

const EXPECTED = `"category=days" pairs separated by commas, categories ${RETENTION_CATEGORIES.join(', ')}, days a positive integer`;

/** Parses `verification=1825,notice=365`; empty means no retention period. */
export function parseRetentionPeriods(raw: string): RetentionPeriods | ParseFailure {
  const periods: Partial<Record<RetentionCategory, number>> = {};
  for (const item of raw.split(',').map((i) => i.trim())) {
    if (item === '') continue;
    const match = /^([a-z]+)=(\d{1,6})$/.exec(item);
    if (!match || !isCategory(match[1]) || Number(match[2]) === 0 || periods[match[1]] !== undefined)
      return failure(EXPECTED);
    periods[match[1]] = Number(match[2]);
  }
  return periods;
}

const s = <T>(setting: Setting<T>) => setting;

/** Retention of victims' particulars (docs/confidentiality.md, "Retention on a schedule"). */
export const retentionSettings = {
  retentionDays: s({
    name: 'XB_RETENTION_DAYS',
    description:
      'Days a closed case keeps its particulars, per case category (`category=days,...`, e.g. `notice=365,verification=1825`); the gateway then erases them (ground retention_expired); unset or empty: kept',
    defaultText: '(none: kept)',
    parse: parseRetentionPeriods,
    fallback: () => '',
  }),
};
