/**
 * Opening the SQLite file: refuse garbage and foreign databases before anything is written, then create
 * the schema once (safely when several processes open a new file at the same time).
 */
import Database from 'better-sqlite3';
import { DatabaseFileError } from '../errors';

/** `PRAGMA application_id` of our files: ASCII "XBES" (xborder event store). */
export const APPLICATION_ID = 0x58424553;
/** Schema version this code reads and writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    event_id    TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    data        BLOB    NOT NULL,
    metadata    BLOB    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (stream_id, event_id)
  );
  CREATE TABLE checkpoints (
    name       TEXT    PRIMARY KEY,
    position   INTEGER NOT NULL,
    updated_at TEXT    NOT NULL
  );
  CREATE TABLE store_marker (
    format         TEXT    NOT NULL,
    schema_version INTEGER NOT NULL
  );
  INSERT INTO store_marker (format, schema_version) VALUES ('xborder-event-store', ${SCHEMA_VERSION});
`;

export interface OpenOptions {
  readonly busyTimeoutMs: number;
}

/** Opens (creating if new) an event store file; throws DatabaseFileError for a file that is not ours. */
export function openStoreFile(file: string, { busyTimeoutMs }: OpenOptions): Database.Database {
  const db = new Database(file);
  try {
    // busy_timeout first: the checks below may meet another process creating the schema.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    const state = inspect(db, file);
    if (state === 'empty') createSchema(db, file);
    // Only now, once the file is known to be ours, may we change it (WAL rewrites the header).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function inspect(db: Database.Database, file: string): 'empty' | 'ours' {
  let applicationId: number;
  let tableCount: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tableCount = (db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number }).n;
  } catch (error) {
    throw new DatabaseFileError(
      'CORRUPT_DATABASE',
      file,
      `not a readable SQLite database (${String(error)})`,
    );
  }
  if (applicationId === 0 && tableCount === 0) return 'empty';
  if (applicationId !== APPLICATION_ID) {
    throw new DatabaseFileError(
      'FOREIGN_DATABASE',
      file,
      'an SQLite database that is not an xborder event store',
    );
  }
  checkMarker(db, file);
  return 'ours';
}

function checkMarker(db: Database.Database, file: string): void {
  let marker: { format: string; schema_version: number } | undefined;
  try {
    marker = db.prepare(`SELECT format, schema_version FROM store_marker`).get() as typeof marker;
  } catch {
    marker = undefined;
  }
  if (!marker || marker.format !== 'xborder-event-store') {
    throw new DatabaseFileError('CORRUPT_DATABASE', file, 'our application id but no store marker');
  }
  if (marker.schema_version !== SCHEMA_VERSION) {
    throw new DatabaseFileError(
      'UNSUPPORTED_SCHEMA_VERSION',
      file,
      `schema version ${marker.schema_version}, this code knows ${SCHEMA_VERSION}`,
    );
  }
}

function createSchema(db: Database.Database, file: string): void {
  // BEGIN IMMEDIATE takes the write lock, so two processes creating the same new file do it once.
  db.transaction(() => {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId === APPLICATION_ID) return checkMarker(db, file);
    db.exec(SCHEMA);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
