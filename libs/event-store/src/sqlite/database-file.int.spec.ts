/** The SQLite adapter refuses files that are not its own, and leaves them as they were. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseFileError } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite event store: database files that are not ours', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function refused(file: string): DatabaseFileError {
    const before = readFileSync(file);
    let error: unknown;
    try {
      new SqliteEventStore({ file });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect(readFileSync(file).equals(before)).toBe(true);
    return error as DatabaseFileError;
  }

  it('refuses garbage bytes with CORRUPT_DATABASE', () => {
    const file = path.join(dir, 'garbage.db');
    writeFileSync(file, Buffer.from('this is not a database at all, just some bytes '.repeat(100)));
    expect(refused(file).code).toBe('CORRUPT_DATABASE');
  });

  it("refuses another application's SQLite database with FOREIGN_DATABASE", () => {
    const file = path.join(dir, 'foreign.db');
    const db = new Database(file);
    db.exec(
      `CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')`,
    );
    db.close();
    expect(refused(file).code).toBe('FOREIGN_DATABASE');
  });

  it('refuses a store written by a newer schema with UNSUPPORTED_SCHEMA_VERSION', async () => {
    const file = path.join(dir, 'newer.db');
    await new SqliteEventStore({ file }).close();
    const db = new Database(file);
    db.exec(`UPDATE store_marker SET schema_version = 99`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(refused(file).code).toBe('UNSUPPORTED_SCHEMA_VERSION');
  });

  it('opens its own file again, with the events in it', async () => {
    const file = path.join(dir, 'ours.db');
    const first = new SqliteEventStore({ file });
    const metadata = { correlationId: 'c', actor: 'a', occurredAt: 't', schemaVersion: 1 };
    await first.appendToStream('audit-1', [{ type: 'Happened', data: {}, metadata }]);
    await first.close();
    const again = new SqliteEventStore({ file });
    expect(await again.readStream('audit-1')).toHaveLength(1);
    await again.close();
  });
});
