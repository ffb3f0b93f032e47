import Database from 'better-sqlite3';
import { DatabaseFileError } from '@xb/event-store';

/**
 * Whether an error raised while reading the store means its content was damaged (an integrity failure)
 * rather than lost infrastructure: the adapter parses each event's stored JSON, so one altered byte can make
 * a row unreadable; SQLite reports a damaged file as SQLITE_CORRUPT / SQLITE_NOTADB.
 */
export function isDamagedStore(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  if (error instanceof DatabaseFileError) return error.code === 'CORRUPT_DATABASE';
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * The first position whose stored data or metadata is not valid JSON, looked up in the SQLite file
 * directly (read-only), or undefined when none is or the file cannot be queried.
 */
export function firstUnreadablePosition(file: string): bigint | undefined {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare(
          'SELECT position FROM events WHERE json_valid(CAST(data AS TEXT)) = 0 OR json_valid(CAST(metadata AS TEXT)) = 0 ORDER BY position LIMIT 1',
        )
        .safeIntegers()
        .get() as { position: bigint } | undefined;
      return row?.position;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}
