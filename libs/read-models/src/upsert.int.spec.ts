import { migrateReadModels } from './migrate';
import {
  OpenReadModelDb,
  openPostgresReadModels,
  openSqliteReadModels,
} from './testing/read-model-databases';
import { upsertRow, withRowsFolded } from './upsert';

const meeting = (status: string, heldAt?: string | null) => ({
  status,
  counterpart: 'CN.YN.BORDERPOLICE',
  direction: 'outgoing',
  kind: 'periodic',
  level: 'province',
  host: 'us',
  starts_at: '2026-12-01T08:00:00.000Z',
  answer_deadline: '2026-11-30T08:00:00.000Z',
  held_at: heldAt,
  updated_at: '2026-11-20T08:00:00.000Z',
});

describe.each<[string, OpenReadModelDb]>([
  ['SQLite', openSqliteReadModels],
  ['PostgreSQL', openPostgresReadModels],
])('upsertRow on %s', (_name, open) => {
  it('inserts, updates the conflicting row, or leaves it, with each shape compiled once and rerun', async () => {
    const { db, dispose } = await open();
    try {
      await migrateReadModels(db);
      const rows = () => db.selectFrom('liaison_meetings').selectAll().orderBy('meeting_id').execute();
      for (const id of ['m1', 'm2']) {
        const row = meeting(`proposed-${id}`, null);
        await upsertRow(
          db,
          'liaison_meetings',
          { meeting_id: id, opened_at: 'o', ...row },
          ['meeting_id'],
          row,
        );
      }
      // Same shape as the inserts: the values of this call, not of the first, reach the row.
      const held = meeting('held', '2026-12-01T09:00:00.000Z');
      await upsertRow(
        db,
        'liaison_meetings',
        { meeting_id: 'm2', opened_at: 'x', ...held },
        ['meeting_id'],
        held,
      );
      // Undefined values are left out, as Kysely's builder does: held_at keeps its stored value.
      const undefinedHeld = meeting('closed', undefined);
      await upsertRow(
        db,
        'liaison_meetings',
        { meeting_id: 'm2', opened_at: 'x', ...undefinedHeld },
        ['meeting_id'],
        undefinedHeld,
      );
      await upsertRow(
        db,
        'liaison_meetings',
        { meeting_id: 'm1', opened_at: 'x', ...meeting('ignored') },
        ['meeting_id'],
        'nothing',
      );
      expect((await rows()).map((r) => [r.meeting_id, r.opened_at, r.status, r.held_at])).toEqual([
        ['m1', 'o', 'proposed-m1', null],
        ['m2', 'o', 'closed', '2026-12-01T09:00:00.000Z'],
      ]);
    } finally {
      await dispose();
    }
  });

  it("in a transaction (straight on the connection on SQLite), reruns a shape with each call's values", async () => {
    const { db, dispose } = await open();
    try {
      await migrateReadModels(db);
      await db.transaction().execute(async (trx) => {
        for (const [name, position] of [
          ['a', '1'],
          ['b', '2'],
          ['a', '3'],
        ] as const)
          await upsertRow(trx, 'rm_checkpoints', { name, position }, ['name'], { position });
      });
      const rows = await db.selectFrom('rm_checkpoints').selectAll().orderBy('name').execute();
      expect(rows).toEqual([
        { name: 'a', position: '3' },
        { name: 'b', position: '2' },
      ]);
    } finally {
      await dispose();
    }
  });

  it('writes within the transaction it is given', async () => {
    const { db, dispose } = await open();
    try {
      await migrateReadModels(db);
      await expect(
        db.transaction().execute(async (trx) => {
          await upsertRow(trx, 'rm_checkpoints', { name: 'p', position: '7' }, ['name'], { position: '7' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await db.selectFrom('rm_checkpoints').selectAll().execute()).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('folds the upserts of a batch into one per row, leaving what writing each in turn leaves', async () => {
    const stores = [await open(), await open()];
    try {
      const write = async (
        db: (typeof stores)[0]['db'],
        id: string,
        opened: string,
        onConflict: 'nothing' | ReturnType<typeof meeting>,
        row = meeting('first', null),
      ) =>
        upsertRow(
          db,
          'liaison_meetings',
          { meeting_id: id, opened_at: opened, ...row },
          ['meeting_id'],
          onConflict,
        );
      const batch = async (db: (typeof stores)[0]['db']) => {
        await write(db, 'm1', 'b1', meeting('held', '2026-12-01T09:00:00.000Z'));
        await write(db, 'm1', 'b2', meeting('closed', undefined));
        await write(db, 'm2', 'b3', 'nothing', meeting('proposed', undefined));
        await write(db, 'm2', 'b4', meeting('accepted', '2026-12-02T09:00:00.000Z'));
        await write(db, 'm3', 'b5', meeting('proposed', null), meeting('proposed', null));
        await write(db, 'm3', 'b6', 'nothing', meeting('ignored'));
        await write(db, 'm1', 'b7', 'nothing');
      };
      const [folded, inTurn] = stores;
      for (const { db } of stores) {
        await migrateReadModels(db);
        await write(db, 'm1', 'before', meeting('proposed', null));
      }
      await folded.db.transaction().execute(async (trx) => {
        await withRowsFolded(trx, async () => {
          await batch(trx);
          // Held until the batch ends: no statement has reached the table yet.
          const m3 = await trx
            .selectFrom('liaison_meetings')
            .select('meeting_id')
            .where('meeting_id', '=', 'm3')
            .execute();
          expect(m3).toEqual([]);
        });
      });
      await inTurn.db.transaction().execute(async (trx) => batch(trx));
      const rows = async (db: (typeof stores)[0]['db']) =>
        db.selectFrom('liaison_meetings').selectAll().orderBy('meeting_id').execute();
      const expected = await rows(inTurn.db);
      expect(expected.map((r) => [r.meeting_id, r.opened_at, r.status, r.held_at])).toEqual([
        ['m1', 'before', 'closed', '2026-12-01T09:00:00.000Z'],
        ['m2', 'b3', 'accepted', '2026-12-02T09:00:00.000Z'],
        ['m3', 'b5', 'proposed', null],
      ]);
      expect(await rows(folded.db)).toEqual(expected);
    } finally {
      for (const { dispose } of stores) await dispose();
    }
  });
});
