import { eventStoreFile } from '@xb/config';
import fs from 'node:fs';
import { EsdbEventStore, SqliteEventStore, type EventStore } from '@xb/event-store';
import { UsageError } from '../cli/io';

/**
 * The SQLite event store's file name inside a node's data dir. The node does not settle it yet (the read
 * models use `read-models.sqlite` beside it); `--store FILE` overrides it.
 */

/** Where the store options point. */
export interface StoreOptions {
  readonly store?: string;
  readonly 'data-dir'?: string;
  readonly esdb?: string;
}

/** The options every command takes to find the store, for node:util parseArgs. */
export const STORE_ARGS = {
  store: { type: 'string' },
  'data-dir': { type: 'string' },
  esdb: { type: 'string' },
} as const;

/** The node's data dir: `--data-dir`, else XB_DATA_DIR, else `.local/node-<XB_AGENCY_ID lower case>`. */
export function dataDirOf(options: StoreOptions, env: NodeJS.ProcessEnv): string {
  return (
    options['data-dir'] ??
    env.XB_DATA_DIR ??
    `.local/node-${(env.XB_AGENCY_ID ?? 'VN.BGC.LAICHAU').toLowerCase()}`
  );
}

export interface OpenedStore {
  readonly store: EventStore;
  /** What was opened, for the report header. */
  readonly description: string;
  /** SQLite positions come from an autoincrement: a missing one means a deleted row. */
  readonly contiguousPositions: boolean;
  /** The SQLite file, when the store is one. */
  readonly file?: string;
}

/**
 * Opens the store the options name. A missing SQLite file is a usage error: the adapter would create an
 * empty one, and an empty store verifies.
 */
export function openStore(options: StoreOptions, env: NodeJS.ProcessEnv): OpenedStore {
  if (options.esdb) {
    if (options.store) throw new UsageError('give either --store or --esdb, not both');
    return {
      store: new EsdbEventStore({ connectionString: options.esdb }),
      description: `EventStoreDB ${options.esdb.replace(/\/\/[^@/]*@/, '//***@')}`,
      contiguousPositions: false,
    };
  }
  const file = options.store ?? eventStoreFile(dataDirOf(options, env));
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new UsageError(`no event store file at ${file} (use --store FILE or --data-dir DIR)`);
  return { store: new SqliteEventStore({ file }), description: file, contiguousPositions: true, file };
}
