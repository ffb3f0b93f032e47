/**
 * Need-to-know, as one table (docs/confidentiality.md, README "Roles"): which roles see which cases, and
 * on what terms each may un-hide particulars. Un-hiding always needs a reason and is an audit event; an
 * auditor sees masked data unless a grant names the officer.
 */
export type UnhideTerms = 'with_reason' | 'with_grant' | 'never';

export interface DisclosureRule {
  /** The case categories (processes) the role may read; 'all' for every one. */
  readonly cases: 'all' | readonly string[];
  readonly particulars: UnhideTerms;
}

export const DISCLOSURE: Readonly<Record<string, DisclosureRule>> = {
  liaison_officer: { cases: 'all', particulars: 'with_reason' },
  // The README limits border guard command to repatriations and hand-overs.
  border_guard_command: { cases: ['repatriation', 'handover'], particulars: 'with_reason' },
  auditor: { cases: 'all', particulars: 'with_grant' },
  // Heads the office: grants auditors, restricts sensitive cases (need-to-know.ts).
  supervisor: { cases: 'all', particulars: 'with_reason' },
  key_administrator: { cases: [], particulars: 'never' },
};

export type Disclosure =
  { readonly allowed: true } | { readonly allowed: false; readonly code: string; readonly reason: string };

const reads = (rule: DisclosureRule, category: string) =>
  rule.cases === 'all' || rule.cases.includes(category);

/** Whether any of `roles` may read cases of `category` (masked). */
export function mayReadCase(roles: readonly string[], category: string): Disclosure {
  return roles.some((role) => DISCLOSURE[role] && reads(DISCLOSURE[role], category))
    ? { allowed: true }
    : {
        allowed: false,
        code: 'NOT_NEEDED_TO_KNOW',
        reason: `none of the roles ${roles.join(', ')} reads ${category} cases`,
      };
}

/** Whether an officer with `roles` may un-hide the particulars of a `category` case, given a reason and grants. */
export function mayUnhide(
  roles: readonly string[],
  category: string,
  request: { readonly reason?: string; readonly granted?: boolean },
): Disclosure {
  if (!request.reason || request.reason.trim().length < 3) {
    return {
      allowed: false,
      code: 'REASON_REQUIRED',
      reason: 'un-hiding particulars needs a reason (field reason)',
    };
  }
  const terms = roles.flatMap((role) => {
    const rule = DISCLOSURE[role];
    return rule && reads(rule, category) ? [rule.particulars] : [];
  });
  if (terms.includes('with_reason')) return { allowed: true };
  if (terms.includes('with_grant') && request.granted) return { allowed: true };
  if (terms.includes('with_grant')) {
    return {
      allowed: false,
      code: 'GRANT_REQUIRED',
      reason: 'an auditor sees particulars only under a grant naming the officer',
    };
  }
  return {
    allowed: false,
    code: 'NOT_NEEDED_TO_KNOW',
    reason: `none of the roles ${roles.join(', ')} may un-hide ${category} particulars`,
  };
}
