/**
 * Events a projection could not apply, set aside so that one event never stops the read models
 * (docs/operations.md, "Parked events"). A parked event is recorded with where it is and what kind of
 * failure it met, never the failure's message (it may quote the event's particulars); the projector
 * moves past it and `Projector.replayParked()` applies it later.
 */
import { Kysely } from 'kysely';
import { failureKind, RecordedEvent } from '@xb/event-store';
import { ReadModelTables } from './tables';

export interface ParkedEvent {
  readonly position: bigint;
  readonly streamId: string;
  readonly type: string;
  /** The failure's kind: the error's name, and PostgreSQL's SQLSTATE when it gave one. */
  readonly failure: string;
  readonly parkedAt: string;
}

type Db = Kysely<ReadModelTables>;

export async function createParkingTable(db: Db): Promise<void> {
  await db.schema
    .createTable('rm_parked_events')
    .ifNotExists()
    .addColumn('projector', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('failure', 'text', (c) => c.notNull())
    .addColumn('parked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rm_parked_events_pk', ['projector', 'position'])
    .execute();
}

/** The kind of a failure, safe to show: one rule with the inbox gateway's health (libs/event-store). */
export { failureKind };

export async function parkEvent(
  db: Db,
  projector: string,
  event: Pick<RecordedEvent, 'position' | 'streamId' | 'type'>,
  error: unknown,
  at: Date,
): Promise<void> {
  const failure = failureKind(error);
  await db
    .insertInto('rm_parked_events')
    .values({
      projector,
      position: event.position.toString(),
      stream_id: event.streamId,
      event_type: event.type,
      failure,
      parked_at: at.toISOString(),
    })
    .onConflict((oc) => oc.columns(['projector', 'position']).doUpdateSet({ failure }))
    .execute();
}

/** The projector's parked events, oldest first (at most `limit`). */
export async function parkedEvents(db: Db, projector: string, limit = 1_000): Promise<ParkedEvent[]> {
  const rows = await db
    .selectFrom('rm_parked_events')
    .selectAll()
    .where('projector', '=', projector)
    .execute();
  return rows
    .map((row) => ({
      position: BigInt(row.position),
      streamId: row.stream_id,
      type: row.event_type,
      failure: row.failure,
      parkedAt: row.parked_at,
    }))
    .sort((a, b) => (a.position < b.position ? -1 : 1))
    .slice(0, limit);
}

export async function countParked(db: Db, projector: string): Promise<number> {
  const row = await db
    .selectFrom('rm_parked_events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('projector', '=', projector)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function unparkStream(db: Db, projector: string, streamId: string): Promise<number> {
  const result = await db
    .deleteFrom('rm_parked_events')
    .where('projector', '=', projector)
    .where('stream_id', '=', streamId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function unparkAll(db: Db, projector: string): Promise<void> {
  await db.deleteFrom('rm_parked_events').where('projector', '=', projector).execute();
}
