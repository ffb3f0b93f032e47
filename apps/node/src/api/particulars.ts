/**
 * Personal particulars are withheld from API answers unless asked for (with a reason, by a role the
 * need-to-know table lets un-hide them), and every showing is recorded in the audit trail. What is
 * withheld is the one masking rule's business (libs/protection/src/mask.ts), shared with the console and
 * the auditor's replay.
 */
import { maskParticulars } from '@xb/protection';

export const WITHHELD = '[withheld: ask with ?particulars=true and a reason, which is recorded]';

/** A copy of `value` with every particular replaced; `found` gets the path of each one. */
export function withholdParticulars(value: unknown, found: string[] = []): unknown {
  const masked = maskParticulars(value, WITHHELD);
  found.push(...masked.paths);
  return masked.value;
}

/** The paths of the particulars in `value` (what a view shows). */
export function particularsPaths(value: unknown): string[] {
  return [...maskParticulars(value).paths];
}
