import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { migrateReadModels } from './migrate';
import { ALL_PROJECTIONS, noticeProjection } from './projections';
import { CaseProjection, Projector } from './projector';
import { caughtUp, projectorOf, rejectionOf, temporaryEventStore } from './testing/projection-run';
import {
  DisposableReadModelDb,
  openPostgresReadModels,
  openSqliteReadModels,
  OpenReadModelDb,
} from './testing/read-model-databases';
import { SCENARIO_PARTS, ScenarioWriter } from './testing/scenario';
import { readModelSnapshot } from './testing/snapshot';

const PARKED_AT = new Date('2026-03-20T03:00:00Z');

/** Appends events the projections cannot apply, as only a writer bypassing the command handler could. */
async function injectPoison(store: EventStore): Promise<{ malformed: string; nul: string }> {
  const [proposal] = (await store.readAll()).filter((e) => e.type === 'JointOperationProposed');
  const malformed = `jointop-${uuidv7()}`;
  await store.appendToStream(malformed, [{ type: proposal.type, data: {}, metadata: proposal.metadata }]);
  // A well-formed proposal, but with a NUL in its name: fine in SQLite text, refused by PostgreSQL's.
  const data = proposal.data as { terms: { name: string } };
  const nul = `jointop-${uuidv7()}`;
  await store.appendToStream(nul, [
    {
      type: proposal.type,
      data: { ...data, terms: { ...data.terms, name: `Nguyễn\u0000Hồng` } },
      metadata: proposal.metadata,
    },
  ]);
  return { malformed, nul };
}

describe.each<[string, OpenReadModelDb]>([
  ['SQLite', openSqliteReadModels],
  ['PostgreSQL', openPostgresReadModels],
])('a projection that fails on one event, on %s', (dialect, openDb) => {
  let events: ReturnType<typeof temporaryEventStore>;
  let rm: DisposableReadModelDb;
  let clean: DisposableReadModelDb;

  beforeEach(async () => {
    events = temporaryEventStore();
    rm = await openDb();
    clean = await openDb();
    for (const { db } of [rm, clean]) await migrateReadModels(db);
  });
  afterEach(async () => {
    await rm?.dispose();
    await clean?.dispose();
    await events?.dispose();
  });

  it('parks that event, visibly, and carries on with the next', async () => {
    const writer = new ScenarioWriter(events.store);
    const live = new Projector({
      store: events.store,
      db: rm.db,
      projections: ALL_PROJECTIONS,
      clock: () => PARKED_AT,
    });
    await live.start();
    for (const part of SCENARIO_PARTS.slice(0, 4)) await part(writer);
    const poison = await injectPoison(events.store);
    for (const part of SCENARIO_PARTS.slice(4)) await part(writer);
    await caughtUp(live, events.store);
    expect(live.failure).toBeUndefined();

    const parked = await live.parkedEvents();
    const expected = [
      { streamId: poison.malformed, type: 'JointOperationProposed', failure: 'TypeError' },
      ...(dialect === 'PostgreSQL'
        ? [{ streamId: poison.nul, type: 'JointOperationProposed', failure: 'error 22021' }]
        : []),
    ];
    expect(parked).toEqual(
      expected.map((e) => expect.objectContaining({ ...e, parkedAt: PARKED_AT.toISOString() })),
    );
    expect(live.parkedCount).toBe(expected.length);
    expect(JSON.stringify(parked.map((p) => ({ ...p, position: String(p.position) })))).not.toContain('Hồng');
    await live.stop();

    // Every other case is as a projection of the store without the parked events would have it.
    const notices = await rm.db.selectFrom('notices').selectAll().execute();
    expect(notices).toHaveLength(4);
    const restarted = projectorOf(events.store, rm.db);
    await restarted.start();
    expect(restarted.parkedCount).toBe(expected.length);
    await restarted.stop();
  });

  it('replays parked events later to the rows a run without failures gives', async () => {
    let failing = true;
    const flaky: CaseProjection = {
      ...(noticeProjection as CaseProjection),
      async write(trx, caseId, state, event) {
        if (failing) throw new Error('the notice board is being migrated');
        await noticeProjection.write(trx, caseId, state as never, event);
      },
    };
    const writer = new ScenarioWriter(events.store);
    for (const part of SCENARIO_PARTS) await part(writer);
    const projections = ALL_PROJECTIONS.map((p) => (p.category === flaky.category ? flaky : p));
    const first = new Projector({ store: events.store, db: rm.db, projections });
    await first.catchUp();
    const parkedNotices = (await first.parkedEvents()).length;
    expect(parkedNotices).toBeGreaterThan(4);
    expect(await rm.db.selectFrom('notices').selectAll().execute()).toEqual([]);

    failing = false;
    expect(await first.replayParked()).toEqual({ replayed: parkedNotices, parked: 0 });
    await projectorOf(events.store, clean.db).rebuild();
    expect(await readModelSnapshot(rm.db)).toStrictEqual(await readModelSnapshot(clean.db));
  });

  it('keeps an event parked that fails again, and rebuild starts parking afresh', async () => {
    const writer = new ScenarioWriter(events.store);
    await SCENARIO_PARTS[3](writer);
    const poison = await injectPoison(events.store);
    const projector = projectorOf(events.store, rm.db);
    await projector.catchUp();
    const before = await projector.parkedEvents();
    expect(before.map((e) => e.streamId)).toContain(poison.malformed);
    expect(await projector.replayParked()).toEqual({ replayed: 0, parked: before.length });
    await projector.rebuild();
    expect(await projector.parkedEvents()).toEqual(
      before.map((e) => ({ ...e, parkedAt: expect.any(String) })),
    );
  });

  it('moves the checkpoint past the events no projection takes, after a parked one too', async () => {
    await SCENARIO_PARTS[3](new ScenarioWriter(events.store));
    const poison = await injectPoison(events.store);
    const [{ metadata }] = await events.store.readAll({ maxCount: 1 });
    const { position: last } = await events.store.appendToStream(`lease-${uuidv7()}`, [
      { type: 'LeaseTaken', data: {}, metadata },
    ]);
    const projector = projectorOf(events.store, rm.db);
    expect(await projector.catchUp()).toBeGreaterThan(0);
    expect((await projector.parkedEvents()).map((e) => e.streamId)).toContain(poison.malformed);
    expect(projector.position).toBe(last);
    expect(await projectorOf(events.store, rm.db).catchUp()).toBe(0);
  });

  it('stops live, visibly, only when the store cannot record the parking', async () => {
    const live = projectorOf(events.store, rm.db);
    await live.start();
    await rm.db.schema.dropTable('rm_parked_events').execute();
    await SCENARIO_PARTS[3](new ScenarioWriter(events.store));
    await injectPoison(events.store);
    await waitFor('the live projector to stop', () => live.failure !== undefined);
    expect(await rejectionOf(live.stop())).toMatch(/rm_parked_events/);
  });
});
