/**
 * Need-to-know beyond the role table (docs/confidentiality.md): a supervisor's time-limited, revocable
 * grant lets a named officer whose role un-hides only under a grant (an auditor) un-hide particulars, and
 * a sensitive case can be restricted to named officers (others see that it exists, not its content).
 * Both are decisions on streams of their own, so each is in the global order: sealed, audited, replayed.
 * - `disclosure-grants`: every grant and revocation of the node, one stream (a view reads one stream);
 * - `restriction-<category>-<case id>`: a case's restriction, changed or lifted as a whole.
 */
import { Command, Decider, domainError, DomainError } from '@xb/domain';

export const DISCLOSURE_GRANTED = 'DisclosureGranted';
export const DISCLOSURE_GRANT_REVOKED = 'DisclosureGrantRevoked';

export interface DisclosureGrant {
  readonly grantId: string;
  /** The officer granted (the token subject). */
  readonly officerId: string;
  /** The cases (`<category>-<case id>`) it covers; absent: every case the officer's role reads. */
  readonly cases?: readonly string[];
  /** Until when (ISO 8601, exclusive). */
  readonly until: string;
  readonly reason: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly revokedBy?: string;
  readonly revokedAt?: string;
}

export type DisclosureGranted = {
  readonly type: typeof DISCLOSURE_GRANTED;
  readonly data: Omit<DisclosureGrant, 'revokedBy' | 'revokedAt'>;
};
export type DisclosureGrantRevoked = {
  readonly type: typeof DISCLOSURE_GRANT_REVOKED;
  readonly data: {
    readonly grantId: string;
    readonly reason: string;
    readonly revokedBy: string;
    readonly revokedAt: string;
  };
};
export type GrantEvent = DisclosureGranted | DisclosureGrantRevoked;

export type GrantDisclosure = Command<
  'GrantDisclosure',
  {
    readonly grantId: string;
    readonly officerId: string;
    readonly cases?: readonly string[];
    readonly until: string;
    readonly reason: string;
  }
>;
export type RevokeDisclosureGrant = Command<
  'RevokeDisclosureGrant',
  { readonly grantId: string; readonly reason: string }
>;
export type GrantCommand = GrantDisclosure | RevokeDisclosureGrant;
export type GrantsState = { readonly grants: readonly DisclosureGrant[] };

/** A grant must end within this after it is made: a grant is for an audit, not a standing right. */
export const MAX_GRANT_MS = 90 * 86_400_000;

function decideGrant(command: GrantCommand, state: GrantsState): GrantEvent[] | DomainError {
  const { now, actor } = command.metadata;
  switch (command.type) {
    case 'GrantDisclosure': {
      const { until } = command.data;
      const ends = Date.parse(until);
      if (Number.isNaN(ends) || ends <= Date.parse(now) || ends - Date.parse(now) > MAX_GRANT_MS)
        return domainError('VALIDATION_FAILED', 'until: a time ahead, at most 90 days', ['until']);
      if (state.grants.some((g) => g.grantId === command.data.grantId)) return [];
      return [{ type: DISCLOSURE_GRANTED, data: { ...command.data, grantedBy: actor, grantedAt: now } }];
    }
    case 'RevokeDisclosureGrant': {
      const grant = state.grants.find((g) => g.grantId === command.data.grantId);
      if (!grant) return domainError('NOT_FOUND', 'no such grant', ['grantId']);
      if (grant.revokedAt)
        return domainError('INVALID_TRANSITION', 'the grant was revoked already', ['grantId']);
      return [
        { type: DISCLOSURE_GRANT_REVOKED, data: { ...command.data, revokedBy: actor, revokedAt: now } },
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolveGrants(state: GrantsState, event: GrantEvent): GrantsState {
  switch (event.type) {
    case DISCLOSURE_GRANTED:
      return { grants: [...state.grants, event.data] };
    case DISCLOSURE_GRANT_REVOKED:
      return {
        grants: state.grants.map((g) =>
          g.grantId === event.data.grantId
            ? { ...g, revokedBy: event.data.revokedBy, revokedAt: event.data.revokedAt }
            : g,
        ),
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The node's grants: one stream, `disclosure-grants` (instance id `grants`). */
export const disclosureGrantsDecider: Decider<GrantCommand, GrantEvent, GrantsState> = {
  category: 'disclosure',
  initialState: () => ({ grants: [] }),
  evolve: evolveGrants,
  decide: decideGrant,
  retryOnConflict: () => true,
};
export const GRANTS_ID = 'grants';

/** Whether a grant in force at `now` names `officerId` for case `streamId` (`<category>-<case id>`). */
export const isGranted = (
  grants: readonly DisclosureGrant[],
  officerId: string,
  streamId: string,
  now: string,
) =>
  grants.some(
    (g) =>
      g.officerId === officerId &&
      !g.revokedAt &&
      g.grantedAt <= now &&
      now < g.until &&
      (g.cases === undefined || g.cases.includes(streamId)),
  );

export const CASE_RESTRICTED = 'CaseRestricted';
export const CASE_RESTRICTION_LIFTED = 'CaseRestrictionLifted';

export type CaseRestricted = {
  readonly type: typeof CASE_RESTRICTED;
  readonly data: {
    readonly officers: readonly string[];
    readonly reason: string;
    readonly restrictedBy: string;
    readonly at: string;
  };
};
export type CaseRestrictionLifted = {
  readonly type: typeof CASE_RESTRICTION_LIFTED;
  readonly data: { readonly reason: string; readonly liftedBy: string; readonly at: string };
};
export type RestrictionEvent = CaseRestricted | CaseRestrictionLifted;
export type RestrictCase = Command<
  'RestrictCase',
  { readonly officers: readonly string[]; readonly reason: string }
>;
export type LiftCaseRestriction = Command<'LiftCaseRestriction', { readonly reason: string }>;
export type RestrictionCommand = RestrictCase | LiftCaseRestriction;
export type RestrictionState =
  { readonly status: 'open' } | { readonly status: 'restricted'; readonly officers: readonly string[] };

function decideRestriction(
  command: RestrictionCommand,
  state: RestrictionState,
): RestrictionEvent[] | DomainError {
  const { now, actor } = command.metadata;
  switch (command.type) {
    case 'RestrictCase':
      if (command.data.officers.length === 0)
        return domainError('VALIDATION_FAILED', 'officers: at least one officer', ['officers']);
      return [{ type: CASE_RESTRICTED, data: { ...command.data, restrictedBy: actor, at: now } }];
    case 'LiftCaseRestriction':
      if (state.status === 'open') return domainError('INVALID_TRANSITION', 'the case is not restricted');
      return [{ type: CASE_RESTRICTION_LIFTED, data: { ...command.data, liftedBy: actor, at: now } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolveRestriction(_state: RestrictionState, event: RestrictionEvent): RestrictionState {
  switch (event.type) {
    case CASE_RESTRICTED:
      return { status: 'restricted', officers: event.data.officers };
    case CASE_RESTRICTION_LIFTED:
      return { status: 'open' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** A case's restriction: `restriction-<category>-<case id>` (instance id `<category>-<case id>`). */
export const caseRestrictionDecider: Decider<RestrictionCommand, RestrictionEvent, RestrictionState> = {
  category: 'restriction',
  initialState: () => ({ status: 'open' }),
  evolve: evolveRestriction,
  decide: decideRestriction,
};

/** Whether `officerId` may see the content of a case in `state`. */
export const mayOpenRestricted = (state: RestrictionState, officerId: string) =>
  state.status === 'open' || state.officers.includes(officerId);
