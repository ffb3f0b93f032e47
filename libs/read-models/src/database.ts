import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { withStatementCache } from './statement-cache';
import { ReadModelTables } from './tables';
import { runUpsertsOn } from './upsert';

export type ReadModelDb = Kysely<ReadModelTables>;
export type Dialect = 'sqlite' | 'postgres';

export interface ReadModelDbOptions {
  /** PostgreSQL URL; when absent, the SQLite file `sqliteFile` is used. */
  readonly databaseUrl?: string;
  /** Default `<dataDir>/read-models.sqlite` as given by the caller. */
  readonly sqliteFile?: string;
  /**
   * PostgreSQL schema to work in (created if missing). Default: the URL's `schema` parameter
   * (`postgres://host/db?schema=xb_laichau`), else `public`; tests use one each.
   */
  readonly schema?: string;
}

export interface ReadModelConnection {
  readonly db: ReadModelDb;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the read-model store: PostgreSQL when a URL is given, else a SQLite file (WAL). */
export async function openReadModelDb(options: ReadModelDbOptions): Promise<ReadModelConnection> {
  if (options.databaseUrl) {
    const schema = options.schema ?? new URL(options.databaseUrl).searchParams.get('schema') ?? 'public';
    if (!/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`read models: invalid PostgreSQL schema name "${schema}"`);
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 4,
      options: `-c search_path=${schema}`,
    });
    const db = new Kysely<ReadModelTables>({ dialect: new PostgresDialect({ pool }) });
    await db.schema.createSchema(schema).ifNotExists().execute();
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (!options.sqliteFile) throw new Error('read models: neither DATABASE_URL nor a SQLite file given');
  fs.mkdirSync(path.dirname(options.sqliteFile), { recursive: true });
  const database = new SqliteDatabase(options.sqliteFile);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  const cached = withStatementCache(database);
  const db = new Kysely<ReadModelTables>({ dialect: new SqliteDialect({ database: cached }) });
  runUpsertsOn(db, cached);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
