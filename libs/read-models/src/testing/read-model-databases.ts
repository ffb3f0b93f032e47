import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { TEST_DATABASE_URL } from '@xb/testing';
import { openReadModelDb, ReadModelConnection } from '../database';

/** A read-model store for one test: `dispose()` closes it and removes what it created. */
export interface DisposableReadModelDb extends ReadModelConnection {
  dispose(): Promise<void>;
}

/** Opens a fresh read-model store; each call gives an empty one. */
export type OpenReadModelDb = () => Promise<DisposableReadModelDb>;

/** A SQLite file in a new temporary folder. */
export const openSqliteReadModels: OpenReadModelDb = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-read-models-'));
  const connection = await openReadModelDb({ sqliteFile: path.join(dir, 'read-models.sqlite') });
  return {
    ...connection,
    async dispose() {
      await connection.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A PostgreSQL schema of its own (`rm_test_<uuid>`), dropped with everything in it by `dispose()`. */
export const openPostgresReadModels: OpenReadModelDb = async () => {
  const schema = `rm_test_${uuidv7().replace(/-/g, '')}`;
  const connection = await openReadModelDb({ databaseUrl: TEST_DATABASE_URL, schema });
  return {
    ...connection,
    async dispose() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(connection.db);
      await connection.close();
    },
  };
};
