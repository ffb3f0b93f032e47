/**
 * The per-person data keys, wrapped by the master key, in an SQLite file of their own (never in the event
 * store: destroying a key must not touch the events the audit chain hashes). Destroying a key overwrites
 * it (`secure_delete`) and keeps a tombstone (who, when, on what ground) so reads say "erased" rather
 * than "unknown key". Which cases use a key is kept too, for erasure by case and for retention.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { allCommitted, TurnBatcher } from '@xb/event-store';
import Database from 'better-sqlite3';
import type { KeyManagement } from './key-management';

export const keyStoreFile = (dataDir: string) => path.join(dataDir, 'keys', 'particulars-keys.sqlite');

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_keys (
    key_id       TEXT PRIMARY KEY,
    wrapped      BLOB,
    created_at   TEXT NOT NULL,
    destroyed_at TEXT,
    destroyed_by TEXT,
    ground       TEXT
  );
  CREATE TABLE IF NOT EXISTS key_cases (
    key_id     TEXT NOT NULL,
    case_id    TEXT NOT NULL,
    category   TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (key_id, case_id)
  );
  CREATE INDEX IF NOT EXISTS key_cases_by_case ON key_cases (case_id);
  CREATE TABLE IF NOT EXISTS erased_cases (
    case_id    TEXT PRIMARY KEY,
    category   TEXT NOT NULL,
    erased_at  TEXT NOT NULL
  );
`;

export interface Destruction {
  readonly keyId: string;
  readonly destroyedAt: string;
  readonly destroyedBy: string;
  readonly ground: string;
}

export type KeyLookup = { readonly key: Buffer } | { readonly erased: Destruction } | undefined;

/** Links (key, case) this process knows are stored: a key used again by its case writes nothing. */
const MAX_KNOWN_LINKS = 100_000;

export class KeyStore {
  private readonly db: Database.Database;
  /** Unwrapped keys of this process (unwrapping may be a KMS call); evicted on destruction. */
  private readonly cache = new Map<string, Buffer>();
  private readonly knownLinks = new Set<string>();
  /** The writes of one event-loop turn, committed together. */
  private readonly writes: TurnBatcher<() => void, undefined>;
  private readonly stmt;
  private commitCount = 0;

  constructor(
    file: string,
    private readonly kms: KeyManagement,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    fs.chmodSync(file, 0o600);
    this.stmt = {
      link: this.db.prepare(
        `INSERT OR IGNORE INTO key_cases (key_id, case_id, category, first_seen) VALUES (?, ?, ?, ?)`,
      ),
      create: this.db.prepare(
        `INSERT OR IGNORE INTO data_keys (key_id, wrapped, created_at) VALUES (?, ?, ?)`,
      ),
      find: this.db.prepare(`SELECT * FROM data_keys WHERE key_id = ?`),
    };
    this.writes = new TurnBatcher(
      (writes) => {
        // All or nothing: INSERT OR IGNORE refuses nothing, so what fails here (I/O, a closed file) fails
        // every write alike.
        this.db.transaction(() => {
          for (const write of writes) write();
        })();
        return allCommitted(writes);
      },
      () => (this.commitCount += 1),
    );
  }

  /** Transactions this process has committed to the key file (one fsync each). */
  get commits(): number {
    return this.commitCount;
  }

  /**
   * The data key of `keyId`, made now when it has none; undefined when it was destroyed (erased). It
   * resolves once the key and its link to the case are durable, so no event is sealed with a key that a
   * crash could lose. Calls made meanwhile (the particulars of one event, of a gateway's window) share
   * one transaction, one fsync.
   */
  async keyFor(
    keyId: string,
    use: { caseId: string; category: string; at: string },
  ): Promise<Buffer | undefined> {
    const link = `${keyId}\u0000${use.caseId}`;
    const linkRow = () => void this.stmt.link.run(keyId, use.caseId, use.category, use.at);
    const found = await this.lookup(keyId);
    if (found) {
      if (!this.knownLinks.has(link)) {
        await this.writes.add(linkRow);
        this.remember(link);
      }
      return 'key' in found ? found.key : undefined;
    }
    const key = randomBytes(32);
    const wrapped = await this.kms.wrap(key, keyId);
    await this.writes.add(() => {
      linkRow();
      this.stmt.create.run(keyId, wrapped, use.at);
    });
    this.remember(link);
    // Another process (or call) may have made it first: the stored one wins.
    const stored = await this.lookup(keyId);
    return stored && 'key' in stored ? stored.key : undefined;
  }

  /** The key if it exists, its tombstone if it was destroyed, undefined if it never existed. */
  async lookup(keyId: string): Promise<KeyLookup> {
    const cached = this.cache.get(keyId);
    if (cached) return { key: cached };
    const row = this.stmt.find.get(keyId) as
      | {
          wrapped: Buffer | null;
          destroyed_at: string | null;
          destroyed_by: string | null;
          ground: string | null;
        }
      | undefined;
    if (!row) return undefined;
    if (row.wrapped === null) {
      return {
        erased: {
          keyId,
          destroyedAt: row.destroyed_at ?? '',
          destroyedBy: row.destroyed_by ?? '',
          ground: row.ground ?? '',
        },
      };
    }
    const key = await this.kms.unwrap(row.wrapped, keyId);
    this.cache.set(keyId, key);
    return { key };
  }

  private remember(link: string): void {
    if (this.knownLinks.size >= MAX_KNOWN_LINKS) this.knownLinks.clear();
    this.knownLinks.add(link);
  }

  /** Destroys the key (crypto-shredding): what it sealed can never be read again. Idempotent. */
  destroy(keyId: string, by: { destroyedBy: string; ground: string; at: string }): Destruction {
    this.cache.delete(keyId);
    this.db
      .prepare(
        `INSERT INTO data_keys (key_id, wrapped, created_at, destroyed_at, destroyed_by, ground)
         VALUES (@keyId, NULL, @at, @at, @destroyedBy, @ground)
         ON CONFLICT (key_id) DO UPDATE SET wrapped = NULL,
           destroyed_at = coalesce(destroyed_at, @at), destroyed_by = coalesce(destroyed_by, @destroyedBy),
           ground = coalesce(ground, @ground)`,
      )
      .run({ keyId, ...by });
    // The overwritten pages leave the WAL too.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const found = this.db
      .prepare(`SELECT destroyed_at, destroyed_by, ground FROM data_keys WHERE key_id = ?`)
      .get(keyId) as {
      destroyed_at: string;
      destroyed_by: string;
      ground: string;
    };
    return { keyId, destroyedAt: found.destroyed_at, destroyedBy: found.destroyed_by, ground: found.ground };
  }

  /** The keys a case's particulars were sealed with. */
  keysOfCase(caseId: string): string[] {
    return (
      this.db.prepare(`SELECT key_id FROM key_cases WHERE case_id = ?`).all(caseId) as { key_id: string }[]
    ).map((row) => row.key_id);
  }

  /** The cases whose particulars a key sealed. */
  casesOfKey(keyId: string): string[] {
    return (
      this.db.prepare(`SELECT case_id FROM key_cases WHERE key_id = ?`).all(keyId) as { case_id: string }[]
    ).map((row) => row.case_id);
  }

  /** Records that a case's particulars were erased (after its keys were destroyed). Idempotent. */
  markCaseErased(caseId: string, at: string): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO erased_cases (case_id, category, erased_at)
         VALUES (?, coalesce((SELECT category FROM key_cases WHERE case_id = ? LIMIT 1), ''), ?)`,
      )
      .run(caseId, caseId, at);
  }

  /** The stream category of a case that sealed particulars (`repatriation`, ...). */
  categoryOfCase(caseId: string): string | undefined {
    const row = this.db.prepare(`SELECT category FROM key_cases WHERE case_id = ? LIMIT 1`).get(caseId) as
      { category: string } | undefined;
    return row?.category;
  }

  /** Whether a case's particulars were erased as a whole (by case or by retention). */
  isCaseErased(caseId: string): boolean {
    return this.db.prepare(`SELECT 1 FROM erased_cases WHERE case_id = ?`).get(caseId) !== undefined;
  }

  /** Cases of `category` that sealed particulars and were not erased as a whole: retention's candidates. */
  casesNotErased(category: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT kc.case_id FROM key_cases kc
           WHERE kc.category = ? AND kc.case_id NOT IN (SELECT case_id FROM erased_cases)
           ORDER BY kc.case_id`,
        )
        .all(category) as { case_id: string }[]
    ).map((row) => row.case_id);
  }

  close(): void {
    this.db.close();
  }
}
