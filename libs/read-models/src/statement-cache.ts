import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept by default: every query shape the read models and the console issue, with room. */
export const STATEMENTS_KEPT = 512;

/**
 * The SQLite database as Kysely's driver sees it, with its prepared statements kept by SQL text (least
 * recently used out beyond `capacity`). The driver prepares every query it runs, and preparing costs
 * more than running the short statements of the read models: 22% of a projector rebuild went to
 * `prepare` before. A statement still being iterated (a streamed query) is busy; a fresh one is
 * prepared beside it rather than re-running it mid-iteration.
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  capacity = STATEMENTS_KEPT,
): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql); // re-inserted: Map order is the recency order
        kept.set(sql, statement);
        return statement;
      }
      const fresh = database.prepare(sql);
      if (statement) return fresh;
      kept.set(sql, fresh);
      if (kept.size > capacity) {
        const [oldest] = kept.keys();
        kept.delete(oldest);
      }
      return fresh;
    },
  };
}
