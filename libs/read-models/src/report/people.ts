import type { PartialDate } from '@xb/domain';

/** The age groups of the reports: children under 16, minors of 16 to 18, adults; unknown without a birth date. */
export const AGE_GROUPS = ['under_16', '16_to_18', 'adult', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/**
 * The age group of a person born on `birth` on the UTC date of `instant`. A birth date known only in
 * part is taken at its latest possible day (31 December of the year, the month's last day): in doubt
 * a person counts as the younger, as victim protection presumes a child when the age is uncertain.
 */
export function ageGroupOn(birth: PartialDate | undefined, instant: string): AgeGroup {
  const year = birth?.year;
  if (year === undefined || !Number.isInteger(year)) return 'unknown';
  const month = birth?.month ?? 12;
  const day = birth?.day ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
  const on = new Date(instant);
  const [y, m, d] = [on.getUTCFullYear(), on.getUTCMonth() + 1, on.getUTCDate()];
  const age = y - year - (m < month || (m === month && d < day) ? 1 : 0);
  if (age < 16) return 'under_16';
  return age < 18 ? '16_to_18' : 'adult';
}
