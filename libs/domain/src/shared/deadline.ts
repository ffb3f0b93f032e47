import { instant } from './values';

/** Where a case stands against its deadline at a given moment. */
export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue' | 'met' | 'none';

/** Default window before a deadline in which a case counts as due soon: 24 hours. */
export const DUE_SOON_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * Classifies a deadline at `now`: `met` once the awaited step happened, `none` when nothing is awaited,
 * otherwise `overdue` past the deadline, `due_soon` within `dueSoonWithinMs` of it, else `on_time`.
 */
export const classifyDeadline = (
  awaited: { readonly deadline: string; readonly met: boolean } | undefined,
  now: string,
  dueSoonWithinMs = DUE_SOON_WITHIN_MS,
): DeadlineStatus => {
  if (awaited === undefined) return 'none';
  if (awaited.met) return 'met';
  const left = instant(awaited.deadline) - instant(now);
  if (left < 0) return 'overdue';
  return left <= dueSoonWithinMs ? 'due_soon' : 'on_time';
};
