import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Role, ROLES } from '../auth/roles';

/** A local officer account (the embedded sign-in; an identity provider replaces it in production). */
export interface OfficerAccount {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly failedAttempts: number;
  /** ISO time until which sign-in is refused after repeated failures. */
  readonly lockedUntil?: string;
}

export interface SessionRow {
  readonly officerId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  /** For an officer signed in at the identity provider (no local account): who, as its ID token said. */
  readonly external?: string;
}

interface AccountRow {
  id: string;
  display_name: string;
  roles: string;
  password_hash: string;
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS officers (
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, roles TEXT NOT NULL, password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0, failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, officer_id TEXT NOT NULL, csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_by_officer ON sessions(officer_id);`;

const toAccount = (row: AccountRow): OfficerAccount => ({
  id: row.id,
  displayName: row.display_name,
  roles: row.roles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  passwordHash: row.password_hash,
  disabled: row.disabled === 1,
  failedAttempts: row.failed_attempts,
  ...(row.locked_until ? { lockedUntil: row.locked_until } : {}),
});

/**
 * Accounts and sessions in a SQLite file of the node's data dir, shared by the node and the `officers`
 * command (WAL: one writes while the other reads). Sessions are stored by the SHA-256 of their token, so
 * a copy of the file does not let anyone in.
 */
export class OfficerStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // Files made before OpenID Connect sign-in have no column for an external officer.
    const columns = this.db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'external'))
      this.db.exec('ALTER TABLE sessions ADD COLUMN external TEXT');
  }

  find(id: string): OfficerAccount | undefined {
    const row = this.db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as AccountRow | undefined;
    return row && toAccount(row);
  }

  list(): OfficerAccount[] {
    return (this.db.prepare('SELECT * FROM officers ORDER BY id').all() as AccountRow[]).map(toAccount);
  }

  insert(account: Omit<OfficerAccount, 'failedAttempts' | 'disabled'>, now: string): void {
    this.db
      .prepare(
        `INSERT INTO officers (id, display_name, roles, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(account.id, account.displayName, account.roles.join(','), account.passwordHash, now, now);
  }

  /** Changes an account; returns false when there is none with that id. */
  update(
    id: string,
    change: Partial<Pick<OfficerAccount, 'passwordHash' | 'disabled' | 'failedAttempts' | 'roles'>> & {
      lockedUntil?: string | null;
    },
    now: string,
  ): boolean {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (change.passwordHash !== undefined) set('password_hash', change.passwordHash);
    if (change.disabled !== undefined) set('disabled', change.disabled ? 1 : 0);
    if (change.failedAttempts !== undefined) set('failed_attempts', change.failedAttempts);
    if (change.roles !== undefined) set('roles', change.roles.join(','));
    if (change.lockedUntil !== undefined) set('locked_until', change.lockedUntil);
    set('updated_at', now);
    return (
      this.db.prepare(`UPDATE officers SET ${sets.join(', ')} WHERE id = ?`).run(...values, id).changes > 0
    );
  }

  addSession(tokenHash: string, session: SessionRow, now: string): void {
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, officer_id, csrf_token, created_at, expires_at, external) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(tokenHash, session.officerId, session.csrfToken, now, session.expiresAt, session.external ?? null);
  }

  session(tokenHash: string): SessionRow | undefined {
    return this.db
      .prepare(
        'SELECT officer_id AS officerId, csrf_token AS csrfToken, expires_at AS expiresAt, external FROM sessions WHERE token_hash = ?',
      )
      .get(tokenHash) as (SessionRow & { external: string | null }) | undefined;
  }

  endSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  endSessionsOf(officerId: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE officer_id = ?').run(officerId).changes;
  }

  endExpiredSessions(now: string): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }

  close(): void {
    this.db.close();
  }
}
