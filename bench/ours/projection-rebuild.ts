import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, SqliteEventStore } from '@xb/event-store';
import {
  ALL_PROJECTIONS,
  Dialect,
  migrateReadModels,
  openReadModelDb,
  Projector,
  ReadModelConnection,
} from '@xb/read-models';
import { TEST_DATABASE_URL } from '@xb/testing';
import { BenchContext } from '../harness/context';

/**
 * Events the rebuild runs over, at least: the sender's store after an exchange run holds ~9k (full) or
 * ~2k (small), so few that the JIT's warm-up decided the figure. Its events are copied until there are
 * this many.
 */
const REBUILD_EVENTS = { full: 60_000, small: 20_000 } as const;

/** Appends issued together: the store commits an event-loop turn's appends in one transaction. */
const APPENDS_AT_ONCE = 500;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * `Projector.rebuild` over the events of `source` (the bench sender's store after its exchange run)
 * copied into a scratch store until it holds `REBUILD_EVENTS`: each copy keeps the global order and the
 * events' contents, with every UUID (case, message and event ids) swapped for a fresh one per copy, so
 * the copies are cases and messages of their own, not the same rows written again. The same store is
 * rebuilt into SQLite read models, then into PostgreSQL ones (a schema of its own, dropped after).
 */
export async function measureProjectionRebuild(
  context: BenchContext,
  source: EventStore,
  root: string,
): Promise<void> {
  const { options, log } = context;
  const events = await source.readAll();
  const copies = Math.max(1, Math.ceil(REBUILD_EVENTS[options.scale] / Math.max(events.length, 1)));
  const store = new SqliteEventStore({ file: path.join(root, 'bench-projection-store.sqlite') });
  try {
    const filling = performance.now();
    await fillCopies(store, events, copies);
    log(
      `projector rebuild: ${events.length} events of the sender's store copied ${copies} times ` +
        `in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );
    const what = `the sender's store x ${copies}, fresh ids per copy`;
    await measureRebuild(context, store, 'sqlite', what, () =>
      openReadModelDb({ sqliteFile: path.join(root, 'bench-read-models.sqlite') }),
    );
    const schema = `bench_projection_${process.pid}`;
    await measureRebuild(context, store, 'postgres', what, async () => {
      const connection = await openReadModelDb({ databaseUrl: TEST_DATABASE_URL, schema });
      return {
        ...connection,
        close: async () => {
          await connection.db.schema.dropSchema(schema).ifExists().cascade().execute();
          await connection.close();
        },
      };
    });
  } finally {
    await store.close();
  }
}

/**
 * One rebuild of `store` into the read models `open` gives; the figures of SQLite keep their names of
 * old, PostgreSQL's get a `_postgres` suffix. The CPU is this process's alone (PostgreSQL's server
 * works in processes of its own).
 */
async function measureRebuild(
  { registry, log, cleanup }: BenchContext,
  store: EventStore,
  dialect: Dialect,
  what: string,
  open: () => Promise<ReadModelConnection>,
): Promise<void> {
  const connection = await open();
  const close = cleanup.add(`projection rebuild read models (${dialect})`, () => connection.close());
  try {
    await migrateReadModels(connection.db);
    const projector = new Projector({ store, db: connection.db, projections: ALL_PROJECTIONS });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const projected = await projector.rebuild();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    log(
      `projector rebuild (${dialect}): ${projected} events in ${seconds.toFixed(2)} s, ` +
        `${projector.parkedCount} parked`,
    );
    const suffix = dialect === 'sqlite' ? '' : `_${dialect}`;
    const name = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    registry.record(
      `ours_projection_events_per_s${suffix}`,
      projected / seconds,
      'events/s',
      `Projector.rebuild, ${name} read models, over ${projected} events: ${what}`,
    );
    registry.record(
      `ours_projection_cpu_us_per_event${suffix}`,
      (cpu.user + cpu.system) / Math.max(projected, 1),
      'us',
      `CPU of the bench process per event projected into ${name} (the load-independent figure)`,
    );
  } finally {
    await close();
  }
}

/** Appends `copies` copies of `events` in their global order, each copy with fresh UUIDs. */
async function fillCopies(
  store: EventStore,
  events: Awaited<ReturnType<EventStore['readAll']>>,
  copies: number,
): Promise<void> {
  for (let copy = 0; copy < copies; copy++) {
    const fresh = new Map<string, string>();
    const swap = (text: string) =>
      text.replace(UUID, (id) => fresh.get(id) ?? (fresh.set(id, randomUUID()), fresh.get(id)!));
    for (let at = 0; at < events.length; at += APPENDS_AT_ONCE) {
      await Promise.all(
        events.slice(at, at + APPENDS_AT_ONCE).map((event) => {
          const copied: EventToAppend = {
            type: event.type,
            data: JSON.parse(swap(JSON.stringify(event.data))) as unknown,
            metadata: JSON.parse(swap(JSON.stringify(event.metadata))) as EventToAppend['metadata'],
          };
          return store.appendToStream(swap(event.streamId), [copied]);
        }),
      );
    }
  }
}
