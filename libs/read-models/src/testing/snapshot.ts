import { ReadModelDb } from '../database';
import { PROJECTED_TABLES, ReadModelTable } from '../tables';

/** Every table's rows, sorted, with values as the driver returned them (bigint and Date made plain). */
export type ReadModelSnapshot = Record<string, readonly Record<string, unknown>[]>;

/**
 * Reads every read-model table, including the checkpoints. Rows are sorted by their JSON text because
 * the two dialects return unordered rows differently. Values are kept as the driver gives them (a
 * count returned as "3" on one dialect and 3 on the other must show), except that `state_json` is
 * parsed, so that comparing states does not depend on how each dialect stores text.
 */
export async function readModelSnapshot(db: ReadModelDb): Promise<ReadModelSnapshot> {
  const snapshot: Record<string, Record<string, unknown>[]> = {};
  for (const table of [...PROJECTED_TABLES, 'rm_checkpoints'] as ReadModelTable[]) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    snapshot[table] = rows
      .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(key, value)])))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return snapshot;
}

function plain(column: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `bigint:${value}`;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (column === 'state_json' && typeof value === 'string') return JSON.parse(value);
  return value;
}
