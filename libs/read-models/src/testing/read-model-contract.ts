import { loadState } from '@xb/event-store';
import {
  repatriationDecider,
  repatriationDeadlineStatus,
  verificationDeadlineStatus,
  verificationDecider,
} from '@xb/domain';
import { migrateReadModels } from '../migrate';
import { verificationProjection } from '../projections';
import { Projector } from '../projector';
import { repatriationBoard, verificationQueue } from '../queries';
import { caughtUp, lastPosition, projectorOf, rejectionOf, temporaryEventStore } from './projection-run';
import { expectScenarioAnswers } from './query-expectations';
import { DisposableReadModelDb, OpenReadModelDb } from './read-model-databases';
import { CASES, SCENARIO_NOW, SCENARIO_PARTS, ScenarioWriter } from './scenario';
import { readModelSnapshot, ReadModelSnapshot } from './snapshot';

/**
 * The read-model contract, run against each dialect (docs/conventions.md rule 6): live projection with a
 * restart from the checkpoint equals a rebuild, an event that cannot be applied leaves nothing behind and
 * is parked, and the queries answer what the scenario implies.
 */
export function describeReadModelContract(name: string, openDb: OpenReadModelDb): void {
  describe(`read models on ${name}`, () => {
    let events: ReturnType<typeof temporaryEventStore>;
    let rm: DisposableReadModelDb;
    let live: ReadModelSnapshot;

    beforeAll(async () => {
      events = temporaryEventStore();
      rm = await openDb();
      await migrateReadModels(rm.db);
    });
    afterAll(async () => {
      await rm?.dispose();
      await events?.dispose();
    });

    it('projects live, stops midway and resumes from its checkpoint', async () => {
      const writer = new ScenarioWriter(events.store);
      const first = projectorOf(events.store, rm.db);
      await first.start();
      for (const part of SCENARIO_PARTS.slice(0, 2)) await part(writer);
      await caughtUp(first, events.store);
      await first.stop();
      const checkpoint = await rm.db.selectFrom('rm_checkpoints').selectAll().executeTakeFirstOrThrow();
      expect(checkpoint).toEqual({ name: 'read-models', position: String(await lastPosition(events.store)) });
      expect(await rm.db.selectFrom('suspect_handovers').selectAll().execute()).toEqual([]);

      for (const part of SCENARIO_PARTS.slice(2)) await part(writer);
      const second = projectorOf(events.store, rm.db);
      await second.start();
      await caughtUp(second, events.store);
      await second.stop();
      live = await readModelSnapshot(rm.db);
      const counts = Object.fromEntries(Object.entries(live).map(([table, rows]) => [table, rows.length]));
      expect(counts).toEqual({
        joint_operation_cases: 2,
        joint_operations: 2,
        verifications: 7,
        repatriations: 5,
        suspect_handovers: 2,
        notices: 4,
        // The scenario writes cases only, no message streams (messages.int.spec.ts covers those).
        messages: 0,
        follow_on_cases: 0,
        locate_rescues: 0,
        wanted_persons: 0,
        // Verifications 33 (15, and each purpose asked, 11, and answered, 7), repatriations 12, suspects 3,
        // joint operations 5, notices 7 (report/facts.ts).
        report_facts: 60,
        case_documents: 20,
        rm_checkpoints: 1,
        // The scenario holds no liaison meeting or mission (the node e2e spec projects them).
        liaison_action_items: 0,
        liaison_meetings: 0,
        missions: 0,
        // The scenario's clock never passes a deadline's escalation run (escalation.unit.spec.ts).
        deadline_escalations: 0,
        // Every case a counterpart's message reached, with its header's code.
        case_handling: 16,
        // No counterpart erased anything (apps/node confidentiality/erasure-notices.int.spec.ts projects them).
        received_erasure_notices: 0,
      });
      expect(new Set(live.case_handling.map((row) => `${row.dissemination}/${row.evidential_use}`))).toEqual(
        new Set(['receiving_agency/after_formal_request']),
      );
      expect(await projectorOf(events.store, rm.db).catchUp()).toBe(0);
    });

    it('rebuilds from scratch to the same rows as the live projection', async () => {
      const everything = await events.store.readAll();
      expect(await projectorOf(events.store, rm.db).rebuild()).toBe(everything.length);
      expect(await readModelSnapshot(rm.db)).toStrictEqual(live);
    });

    it('answers the board, queue, joint operation and report queries', async () => {
      await expectScenarioAnswers(rm.db);
    });

    it.each(['2026-03-01T00:00:00Z', '2026-03-08T12:00:00+07:00', SCENARIO_NOW, '2026-05-01T00:00:00Z'])(
      'gives the domain deadline statuses at %s',
      async (now) => {
        for (const row of (await verificationQueue(rm.db, { now })).items) {
          const state = await loadState(events.store, verificationDecider, row.case_id);
          expect([row.case_id, row.deadlineStatus]).toEqual([
            row.case_id,
            verificationDeadlineStatus(state, now),
          ]);
        }
        for (const row of (await repatriationBoard(rm.db, { now })).items) {
          const state = await loadState(events.store, repatriationDecider, row.case_id);
          expect([row.case_id, row.deadlineStatus]).toEqual([
            row.case_id,
            repatriationDeadlineStatus(state, now),
          ]);
        }
      },
    );

    it('empties a store of an older table shape for a rebuild, and keeps a current one', async () => {
      const fresh = await openDb();
      try {
        const old = fresh.db.schema
          .createTable('repatriations')
          .addColumn('case_id', 'text', (c) => c.primaryKey());
        await old.addColumn('children', 'integer').execute();
        await fresh.db.schema
          .createTable('rm_checkpoints')
          .addColumn('name', 'text')
          .addColumn('position', 'text')
          .execute();
        await fresh.db.insertInto('rm_checkpoints').values({ name: 'read-models', position: '41' }).execute();

        expect(await migrateReadModels(fresh.db)).toBe(true);
        expect(await fresh.db.selectFrom('rm_checkpoints').selectAll().execute()).toEqual([]);
        await projectorOf(events.store, fresh.db).catchUp();
        expect(await readModelSnapshot(fresh.db)).toStrictEqual(live);

        expect(await migrateReadModels(fresh.db)).toBe(false);
        expect(await readModelSnapshot(fresh.db)).toStrictEqual(live);
      } finally {
        await fresh.dispose();
      }
    });

    /** A fresh store and a projector whose verification projection fails on one case. */
    const withFailingProjector = async (
      prepare: (db: DisposableReadModelDb['db']) => Promise<unknown>,
      check: (projector: Projector, db: DisposableReadModelDb['db']) => Promise<void>,
    ) => {
      const fresh = await openDb();
      try {
        await migrateReadModels(fresh.db);
        await prepare(fresh.db);
        const projections = [{ ...verificationProjection, write: writeThenFail }];
        await check(new Projector({ store: events.store, db: fresh.db, projections }), fresh.db);
      } finally {
        await fresh.dispose();
      }
    };

    it('rolls back an event it cannot apply, parks it, and applies the rest', async () => {
      await withFailingProjector(
        async () => undefined,
        async (failing, db) => {
          await failing.catchUp();
          const parked = await failing.parkedEvents();
          expect(parked.length).toBeGreaterThan(0);
          expect(new Set(parked.map((event) => event.streamId))).toEqual(
            new Set([`verification-${CASES.verificationOnTime}`]),
          );
          const rows = await db.selectFrom('verifications').select('case_id').execute();
          expect(rows.map((row) => row.case_id)).not.toContain(CASES.verificationOnTime);
          expect(rows).toHaveLength(6);
        },
      );
    });

    it('stops and reports why when it cannot even park an event', async () => {
      await withFailingProjector(
        (db) => db.schema.dropTable('rm_parked_events').execute(),
        async (failing, db) => {
          expect(await rejectionOf(failing.catchUp())).toMatch(/rm_parked_events/);
          expect(await db.selectFrom('case_documents').selectAll().execute()).not.toContainEqual(
            expect.objectContaining({ case_id: CASES.verificationOnTime }),
          );
        },
      );
    });
  });
}

/** Writes the real row, then fails: the row must roll back and the event be parked. */
const writeThenFail: typeof verificationProjection.write = async (trx, caseId, state, event) => {
  await verificationProjection.write(trx, caseId, state, event);
  if (caseId === CASES.verificationOnTime) throw new Error('projection failed on purpose');
};
