import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventStore, SqliteEventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { ReadModelDb } from '../database';
import { ALL_PROJECTIONS } from '../projections';
import { Projector } from '../projector';

/** A SQLite event store in a new temporary folder; `dispose()` closes and removes it. */
export function temporaryEventStore(): { store: SqliteEventStore; dispose(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-rm-events-'));
  const store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
  return {
    store,
    async dispose() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A projector of every read model of the node. */
export const projectorOf = (store: EventStore, db: ReadModelDb) =>
  new Projector({ store, db, projections: ALL_PROJECTIONS });

/** The global position of the store's last event (undefined while empty). */
export async function lastPosition(store: EventStore): Promise<bigint | undefined> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  return last?.position;
}

/** Waits until the live projector applied the store's last event (the fact, polled; no sleeping). */
export async function caughtUp(projector: Projector, store: EventStore): Promise<void> {
  const target = await lastPosition(store);
  await waitFor(`projector at position ${target}`, () => {
    if (projector.failure !== undefined) throw projector.failure;
    return projector.position === target;
  });
}

/**
 * The message a promise rejects with (or `resolved`). better-sqlite3's errors come from another realm
 * than jest's, so `rejects.toThrow` does not always take them for errors; the message is read directly.
 */
export const rejectionOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: Error) => error.message,
  );
