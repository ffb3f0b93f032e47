import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  let database: SqliteDatabase.Database;
  beforeEach(() => {
    database = new SqliteDatabase(':memory:');
    database.exec('CREATE TABLE t (n INTEGER)');
    database.exec('INSERT INTO t VALUES (1), (2), (3)');
  });
  afterEach(() => database.close());

  it('hands out the same prepared statement for the same SQL, which runs with new parameters', () => {
    const cached = withStatementCache(database);
    const first = cached.prepare('SELECT n FROM t WHERE n >= ?');
    const again = cached.prepare('SELECT n FROM t WHERE n >= ?');
    expect(again).toBe(first);
    expect(again.all([3])).toEqual([{ n: 3 }]);
    expect(first.all([2])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('prepares a fresh statement while the kept one is still being iterated', () => {
    const cached = withStatementCache(database);
    const sql = 'SELECT n FROM t ORDER BY n';
    const iterating = cached.prepare(sql).iterate([]);
    expect(iterating.next().value).toEqual({ n: 1 });
    const beside = cached.prepare(sql);
    expect(beside.all([])).toHaveLength(3);
    iterating.return?.();
    expect(cached.prepare(sql)).not.toBe(beside);
  });

  it('forgets the least recently used statement beyond its capacity', () => {
    const cached = withStatementCache(database, 2);
    const a = cached.prepare('SELECT 1');
    const b = cached.prepare('SELECT 2');
    expect(cached.prepare('SELECT 1')).toBe(a); // now the most recent
    cached.prepare('SELECT 3'); // evicts SELECT 2
    expect(cached.prepare('SELECT 1')).toBe(a);
    expect(cached.prepare('SELECT 2')).not.toBe(b);
  });

  it('closes the database', () => {
    withStatementCache(database).close();
    expect(database.open).toBe(false);
    database = new SqliteDatabase(':memory:');
  });
});
