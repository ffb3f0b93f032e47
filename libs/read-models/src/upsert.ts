import { CompiledQuery, createQueryId, Insertable, Kysely, SqliteDatabase, Updateable } from 'kysely';
import { ReadModelTables } from './tables';

type Table = keyof ReadModelTables & string;
type Column<T extends Table> = keyof ReadModelTables[T] & string;

/**
 * What a conflicting row gets: these columns set (a subset of the row's, or other values), or nothing
 * (`'nothing'`: the row first written stays).
 */
export type OnConflict<T extends Table> = Updateable<ReadModelTables[T]> | 'nothing';

/** A query shape compiled once: its SQL, and where each parameter's value comes from. */
interface Template {
  readonly compiled: CompiledQuery;
  /** Per parameter: the key in the row (`row`) or in the update (`update`). */
  readonly sources: ReadonlyArray<readonly ['row' | 'update', string]>;
}

/**
 * Templates per dialect (the database's adapter), then per shape. The shapes are few and fixed (one or
 * two per board), so the map does not need a bound.
 */
const templates = new WeakMap<object, Map<string, Template | ManyTemplate>>();

/** The SQLite database behind a Kysely instance (by its adapter, which its transactions share). */
const sqliteDatabases = new WeakMap<object, SqliteDatabase>();

/**
 * Lets `upsertRow` run its statement straight on `database` (the one `db`'s SQLite dialect was given)
 * when called with one of `db`'s transactions. better-sqlite3 has one connection, which Kysely holds
 * for the transaction until it ends, so the statement runs inside it as Kysely would have run it, but
 * without the ~5 µs per query of Kysely's executor (promises, connection hand-over, result objects).
 */
export function runUpsertsOn(db: Kysely<ReadModelTables>, database: SqliteDatabase): void {
  sqliteDatabases.set(db.getExecutor().adapter, database);
}

/**
 * `insert into <table> (...) values (...) on conflict (<conflict>) do update set ... | do nothing`, the
 * same SQL Kysely's builder makes (undefined values left out, as it does), built and compiled once per
 * shape (table, the row's and the update's columns) and run again with the new values. Building and
 * compiling through Kysely (node visits, frozen objects) was ~35% of a projector rebuild's CPU, more
 * than running the statement; the boards write one or two of these per event.
 */
export async function upsertRow<T extends Table>(
  db: Kysely<ReadModelTables>,
  table: T,
  row: Insertable<ReadModelTables[T]>,
  conflict: readonly Column<T>[],
  onConflict: OnConflict<T>,
): Promise<void> {
  const values = row as Record<string, unknown>;
  const update = onConflict === 'nothing' ? undefined : (onConflict as Record<string, unknown>);
  const held = heldRows.get(db);
  if (held) {
    if (held.hold(table, values, conflict, update)) return;
    // Not foldable (a null key never conflicts; another conflict target may name a held row): what was
    // held is written first, so the order stays.
    await held.writeAll(db);
  }
  return writeUpsert(db, table, values, conflict, update);
}

/**
 * Runs `work`, which writes rows with `upsertRow` on `trx`, writing each row ONCE at its end: the
 * upserts of one row (same table, same conflict key) are folded into the one upsert that leaves the
 * same row, whether or not it existed before. A case's events in one batch each rewrote its board row
 * (and the row's indexes); now the batch writes it once. Only `upsertRow` is held back: `work` must not
 * read or write, by other queries on `trx`, a table it upserts into.
 */
export async function withRowsFolded<R>(trx: Kysely<ReadModelTables>, work: () => Promise<R>): Promise<R> {
  const held = new HeldRows();
  heldRows.set(trx, held);
  try {
    const result = await work();
    heldRows.delete(trx);
    await held.writeAll(trx);
    return result;
  } finally {
    heldRows.delete(trx);
  }
}

/** The rows held by `withRowsFolded`, per transaction. */
const heldRows = new WeakMap<object, HeldRows>();

interface HeldRow {
  readonly table: Table;
  readonly row: Record<string, unknown>;
  readonly conflict: readonly string[];
  update: Record<string, unknown> | undefined;
}

class HeldRows {
  /** By table, conflict columns and their values; in the order each row was first written. */
  private readonly rows = new Map<string, HeldRow>();
  /** Conflict columns each table was held with (a second set could name the same row differently). */
  private readonly targets = new Map<string, string>();

  /** Folds the upsert into the row's held one; false when it cannot be (then nothing was held). */
  hold(
    table: Table,
    row: Record<string, unknown>,
    conflict: readonly string[],
    update: Record<string, unknown> | undefined,
  ): boolean {
    const target = conflict.join(',');
    if ((this.targets.get(table) ?? target) !== target) return false;
    let key = `${table}(${target})`;
    for (const column of conflict) {
      const value = row[column];
      if (value === null || value === undefined) return false;
      key += `\u0000${String(value)}`;
    }
    this.targets.set(table, target);
    const held = this.rows.get(key);
    if (!held) {
      // Copies: a projection may pass one object as both row and update, or reuse it.
      this.rows.set(key, { table, row: defined(row), conflict, update: update && defined(update) });
      return true;
    }
    // Both orders of events leave what these do: a new row is the first insert with the later update
    // applied; a present one gets both updates in turn. A later `nothing` changes neither.
    if (update) {
      Object.assign(held.row, defined(update));
      held.update = { ...held.update, ...defined(update) };
    }
    return true;
  }

  /**
   * Writes the held rows. Over a network (PostgreSQL) those of one shape go several to a statement
   * where the update sets each column to the value the row would be inserted with (`excluded.<column>`,
   * the usual case): a statement per row was a round trip each. SQLite, in process, runs one statement
   * per row straight on its connection: gathering rows saved nothing measurable there.
   */
  async writeAll(db: Kysely<ReadModelTables>): Promise<void> {
    const perRow = db.isTransaction && sqliteDatabases.has(db.getExecutor().adapter);
    const byShape = new Map<string, HeldRow[]>();
    for (const held of this.rows.values()) {
      if (perRow || !setsAsInserted(held)) {
        await writeUpsert(db, held.table, held.row, held.conflict, held.update);
        continue;
      }
      const shape = shapeOf(held.table, held.row, held.conflict, held.update);
      const same = byShape.get(shape);
      if (same) same.push(held);
      else byShape.set(shape, [held]);
    }
    this.rows.clear();
    this.targets.clear();
    for (const rows of byShape.values()) await writeRows(db, rows);
  }
}

/** Whether the row's update sets each of its columns to the value the row would be inserted with. */
function setsAsInserted({ row, update }: HeldRow): boolean {
  if (update) for (const column in update) if (update[column] !== row[column]) return false;
  return true;
}

/**
 * Rows written by one statement, largest first: a few statement shapes per row shape, and a statement's
 * parameters stay far under PostgreSQL's 65,535.
 */
const ROWS_PER_STATEMENT = [64, 16, 4, 1] as const;

/** Held rows of one shape whose update sets what they insert, several to a statement. */
async function writeRows(db: Kysely<ReadModelTables>, rows: readonly HeldRow[]): Promise<void> {
  const [{ table, row, conflict, update }] = rows as [HeldRow];
  const columns = Object.keys(row);
  const updated = update ? Object.keys(update) : undefined;
  const shape = shapeOf(table, row, conflict, update);
  const sqlite = db.isTransaction ? sqliteDatabases.get(db.getExecutor().adapter) : undefined;
  for (let at = 0; at < rows.length;) {
    const count = ROWS_PER_STATEMENT.find((size) => size <= rows.length - at)!;
    const template = templateOf(db, `${shape} excluded x${count}`, () =>
      compileRows(db, table, columns, count, conflict, updated),
    );
    const parameters = template.sources.map(([index, column]) => rows[at + index].row[column]);
    if (sqlite) sqlite.prepare(template.compiled.sql).run(parameters);
    else await db.executeQuery({ ...template.compiled, parameters, queryId: createQueryId() });
    at += count;
  }
}

/** `count` rows of `columns` in one insert; a conflicting row gets `updated` set from the insert's values. */
function compileRows(
  db: Kysely<ReadModelTables>,
  table: Table,
  columns: readonly string[],
  count: number,
  conflict: readonly string[],
  updated: readonly string[] | undefined,
): ManyTemplate {
  const markers = new Map<string, readonly [number, string]>();
  const rows = Array.from({ length: count }, (_, index) => {
    const out: Record<string, string> = {};
    for (const column of columns) {
      const marker = `\u0000${markers.size}`;
      markers.set(marker, [index, column]);
      out[column] = marker;
    }
    return out;
  });
  const compiled = db
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) => {
      const target = oc.columns(conflict as never);
      return updated
        ? target.doUpdateSet(
            (eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never,
          )
        : target.doNothing();
    })
    .compile();
  return { compiled, sources: sourcesOf(compiled, markers, table) };
}

/** A multi-row shape compiled once: per parameter, the row (its index in the statement) and column. */
interface ManyTemplate {
  readonly compiled: CompiledQuery;
  readonly sources: ReadonlyArray<readonly [number, string]>;
}

/** The template of `key` for `db`'s dialect, compiled by `compile` the first time. */
function templateOf<T extends Template | ManyTemplate>(
  db: Kysely<ReadModelTables>,
  key: string,
  compile: () => T,
): T {
  const adapter = db.getExecutor().adapter;
  let shapes = templates.get(adapter);
  if (!shapes) templates.set(adapter, (shapes = new Map()));
  let template = shapes.get(key);
  if (!template) shapes.set(key, (template = compile()));
  return template as T;
}

/** The entries whose value is not undefined (left out of the SQL, as Kysely's builder does). */
function defined(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column in values) if (values[column] !== undefined) out[column] = values[column];
  return out;
}

async function writeUpsert(
  db: Kysely<ReadModelTables>,
  table: Table,
  values: Record<string, unknown>,
  conflict: readonly string[],
  update: Record<string, unknown> | undefined,
): Promise<void> {
  const template = templateOf(db, shapeOf(table, values, conflict, update), () =>
    compileShape(db, table, values, conflict, update),
  );
  const adapter = db.getExecutor().adapter;
  const parameters = template.sources.map(([from, column]) =>
    from === 'row' ? values[column] : update![column],
  );
  // Outside a transaction the connection may be another caller's: Kysely's executor hands it over.
  const sqlite = db.isTransaction ? sqliteDatabases.get(adapter) : undefined;
  if (sqlite) sqlite.prepare(template.compiled.sql).run(parameters);
  else await db.executeQuery({ ...template.compiled, parameters, queryId: createQueryId() });
}

function shapeOf(
  table: string,
  row: Record<string, unknown>,
  conflict: readonly string[],
  update: Record<string, unknown> | undefined,
): string {
  let key = `${table}(${conflict.join(',')})`;
  for (const column in row) if (row[column] !== undefined) key += ` ${column}`;
  if (!update) return `${key} nothing`;
  key += ' set';
  for (const column in update) if (update[column] !== undefined) key += ` ${column}`;
  return key;
}

/**
 * The shape compiled by Kysely with a marker for each value, so the SQL is the builder's own on every
 * dialect and each parameter is traced back to the value it stands for.
 */
function compileShape(
  db: Kysely<ReadModelTables>,
  table: Table,
  row: Record<string, unknown>,
  conflict: readonly string[],
  update: Record<string, unknown> | undefined,
): Template {
  const markers = new Map<string, readonly ['row' | 'update', string]>();
  const marked = (from: 'row' | 'update', values: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    for (const column in values) {
      if (values[column] === undefined) continue;
      const marker = `\u0000${markers.size}`;
      markers.set(marker, [from, column]);
      out[column] = marker;
    }
    return out;
  };
  // The builder's types are per table; the markers stand for values of any column, hence the casts.
  const markedRow = marked('row', row) as never;
  const markedUpdate = update ? (marked('update', update) as never) : undefined;
  const compiled = db
    .insertInto(table)
    .values(markedRow)
    .onConflict((oc) => {
      const target = oc.columns(conflict as never);
      return markedUpdate ? target.doUpdateSet(markedUpdate) : target.doNothing();
    })
    .compile();
  return { compiled, sources: sourcesOf(compiled, markers, table) };
}

/** Per parameter of the compiled SQL, where its value comes from (the marker that stood for it). */
function sourcesOf<S>(compiled: CompiledQuery, markers: ReadonlyMap<string, S>, table: string): S[] {
  return compiled.parameters.map((parameter) => {
    const source = markers.get(parameter as string);
    if (source === undefined)
      throw new Error(`upsertRow: ${table}: a parameter of the compiled SQL is no value given`);
    return source;
  });
}
