import { createHash, randomBytes } from 'node:crypto';
import { Officer, Role } from '../auth/roles';
import { decoyHash, hashPassword, passwordMatches, passwordProblem } from './passwords';
import { OfficerStore } from './officer-store';

/** Consecutive failures that lock an account, and for how long (OWASP: slow guessing, not a DoS lever). */
export const LOCKOUT = { failures: 5, minutes: 15 } as const;
export const SESSION_HOURS = 8;

export type SignInRefusalCode = 'SIGNIN_INVALID' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED';
export type SignInOutcome =
  | {
      readonly ok: true;
      readonly token: string;
      readonly csrfToken: string;
      readonly expiresAt: string;
      readonly officer: SignedInOfficer;
    }
  | {
      readonly ok: false;
      readonly code: SignInRefusalCode;
      readonly reason: string;
      readonly lockedUntil?: string;
    };

export interface SignedInOfficer extends Officer {
  readonly displayName: string;
}

export type AccountProblem = {
  readonly ok: false;
  readonly code: string;
  readonly field: string;
  readonly reason: string;
};

const OFFICER_ID = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();

/**
 * The embedded sign-in: local officer accounts of this node's agency, sessions, and the lock-out.
 * Time comes from the injected clock, so the lock-out and expiry are tested without waiting.
 */
export class OfficerAccounts {
  constructor(
    private readonly store: OfficerStore,
    private readonly agencyId: string,
    private readonly clock: () => Date,
  ) {}

  private now = () => this.clock().toISOString();

  async add(input: {
    id: string;
    displayName: string;
    roles: readonly Role[];
    password: string;
  }): Promise<{ ok: true } | AccountProblem> {
    if (!OFFICER_ID.test(input.id))
      return {
        ok: false,
        code: 'VALIDATION_FAILED',
        field: 'id',
        reason: 'id: 2-63 of a-z 0-9 . _ -, starting with a letter or digit',
      };
    if (input.roles.length === 0)
      return { ok: false, code: 'VALIDATION_FAILED', field: 'role', reason: 'role: at least one' };
    const weak = passwordProblem(input.password);
    if (weak) return { ok: false, code: 'VALIDATION_FAILED', field: 'password', reason: `password: ${weak}` };
    if (this.store.find(input.id))
      return { ok: false, code: 'ALREADY_EXISTS', field: 'id', reason: `id: ${input.id} exists` };
    this.store.insert({ ...input, passwordHash: await hashPassword(input.password) }, this.now());
    return { ok: true };
  }

  /** Disables an account and ends its sessions at once. */
  disable(id: string): { ok: true; sessionsEnded: number } | AccountProblem {
    if (!this.store.update(id, { disabled: true }, this.now())) return this.unknown(id);
    return { ok: true, sessionsEnded: this.store.endSessionsOf(id) };
  }

  /** Sets a new password, re-enables and unlocks the account, and ends its sessions. */
  async reset(id: string, password: string): Promise<{ ok: true } | AccountProblem> {
    const weak = passwordProblem(password);
    if (weak) return { ok: false, code: 'VALIDATION_FAILED', field: 'password', reason: `password: ${weak}` };
    const changed = this.store.update(
      id,
      { passwordHash: await hashPassword(password), disabled: false, failedAttempts: 0, lockedUntil: null },
      this.now(),
    );
    if (!changed) return this.unknown(id);
    this.store.endSessionsOf(id);
    return { ok: true };
  }

  list() {
    return this.store.list().map(({ passwordHash: _hash, ...account }) => account);
  }

  async signIn(id: string, password: string): Promise<SignInOutcome> {
    const account = this.store.find(id);
    const matches = await passwordMatches(password, account?.passwordHash ?? (await decoyHash()));
    const now = this.clock();
    if (!account) return { ok: false, code: 'SIGNIN_INVALID', reason: 'officer id or password is wrong' };
    if (account.lockedUntil && account.lockedUntil > now.toISOString())
      return {
        ok: false,
        code: 'ACCOUNT_LOCKED',
        reason: 'too many failed sign-ins',
        lockedUntil: account.lockedUntil,
      };
    if (!matches) {
      const failedAttempts = account.failedAttempts + 1;
      const lockedUntil = failedAttempts >= LOCKOUT.failures ? addMinutes(now, LOCKOUT.minutes) : null;
      this.store.update(
        id,
        { failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil },
        now.toISOString(),
      );
      return lockedUntil
        ? { ok: false, code: 'ACCOUNT_LOCKED', reason: 'too many failed sign-ins', lockedUntil }
        : { ok: false, code: 'SIGNIN_INVALID', reason: 'officer id or password is wrong' };
    }
    // Said only to whoever knows the password: it does not tell a guesser which ids exist.
    if (account.disabled) return { ok: false, code: 'ACCOUNT_DISABLED', reason: 'the account is disabled' };
    this.store.update(id, { failedAttempts: 0, lockedUntil: null }, now.toISOString());
    return { ok: true, ...this.openSession(this.officerOf(account), now) };
  }

  /** A session for an officer the agency's identity provider vouched for (no local account). */
  externalSession(officer: Omit<SignedInOfficer, 'agency'>) {
    return this.openSession({ ...officer, agency: this.agencyId }, this.clock(), JSON.stringify(officer));
  }

  private openSession(officer: SignedInOfficer, now: Date, external?: string) {
    this.store.endExpiredSessions(now.toISOString());
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = addMinutes(now, SESSION_HOURS * 60);
    this.store.addSession(
      hashOf(token),
      { officerId: officer.id, csrfToken, expiresAt, ...(external ? { external } : {}) },
      now.toISOString(),
    );
    return { token, csrfToken, expiresAt, officer };
  }

  /** The officer and CSRF token of a live session of an enabled account (or an external officer), or undefined. */
  session(token: string): { officer: SignedInOfficer; csrfToken: string; expiresAt: string } | undefined {
    const session = this.store.session(hashOf(token));
    if (!session || session.expiresAt <= this.now()) return undefined;
    if (session.external) {
      const officer = JSON.parse(session.external) as Omit<SignedInOfficer, 'agency'>;
      return {
        officer: { ...officer, agency: this.agencyId },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    }
    const account = this.store.find(session.officerId);
    if (!account || account.disabled) return undefined;
    return { officer: this.officerOf(account), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  signOut(token: string): void {
    this.store.endSession(hashOf(token));
  }

  /** Nest closes it with the HTTP app. */
  onModuleDestroy(): void {
    this.store.close();
  }

  private officerOf(account: { id: string; displayName: string; roles: readonly Role[] }): SignedInOfficer {
    return { id: account.id, agency: this.agencyId, roles: account.roles, displayName: account.displayName };
  }

  private unknown(id: string): AccountProblem {
    return { ok: false, code: 'NOT_FOUND', field: 'id', reason: `id: no officer ${id}` };
  }
}
