import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { NodeConfig } from '@xb/config';
import { handleCommand, SqliteEventStore } from '@xb/event-store';
import { KeyStore, LocalKeyManagement, receivedNoticeDecider, type ReceivedNoticeData } from '@xb/protection';
import { ALL_PROJECTIONS, migrateReadModels, Projector } from '@xb/read-models';
import {
  DisposableReadModelDb,
  openPostgresReadModels,
  openSqliteReadModels,
} from '@xb/read-models/testing/read-model-databases';
import { waitFor } from '@xb/testing';
import { ErasureController } from '../api/erasure.controller';
import { ConsoleController } from '../console-api/console.controller';
import type { ReadModels } from '../runtime/read-models';
import { decideErasureNotice } from './erasure-notices';

const VN = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
const NOTE = 'kept: our case is before the court';

const notice = (messageId: string, receivedAt: string): ReceivedNoticeData => ({
  messageId,
  from: VN,
  erasureId: uuidv7(),
  ground: 'legal_request',
  erasedAt: '2031-05-01T08:00:00+07:00',
  receivedAt,
  personIds: [uuidv7()],
  cases: [{ caseId: uuidv7(), messageIds: [uuidv7(), uuidv7()] }],
});

/**
 * Received erasure notices as a read model (docs/confidentiality.md): recorded by the real decider as
 * the inbox records them, decided through `decideErasureNotice`, followed live by the node's projector,
 * and read by my work and `GET /api/erasure-notices` from the rows alone: ids, ground and times, never
 * the decision's note.
 */
describe.each([
  ['SQLite', openSqliteReadModels],
  ['PostgreSQL', openPostgresReadModels],
])('received erasure notices read model on %s', (_dialect, open) => {
  let dir: string;
  let store: SqliteEventStore;
  let keys: KeyStore;
  let rm: DisposableReadModelDb;
  let projector: Projector;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-erasure-notices-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    keys = new KeyStore(path.join(dir, 'keys', 'keys.sqlite'), LocalKeyManagement.forDataDir(dir));
    rm = await open();
    await migrateReadModels(rm.db);
    projector = new Projector({ store, db: rm.db, projections: ALL_PROJECTIONS });
    await projector.start();
  });
  afterEach(async () => {
    await projector.stop();
    await rm.dispose();
    keys.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const receive = (data: ReceivedNoticeData) =>
    handleCommand(store, receivedNoticeDecider, data.messageId, {
      type: 'ReceiveErasureNotice',
      data,
      metadata: { now: data.receivedAt, actor: `agency:${data.from}`, agencyId: CN },
    });
  const decide = (messageId: string, decision: 'erase' | 'keep', at: string) =>
    decideErasureNotice(store, keys, {
      messageId,
      decision,
      note: NOTE,
      decidedBy: 'officer:k-1',
      requestId: uuidv7(),
      sourceAddress: '127.0.0.1',
      at,
      agencyId: CN,
    });
  const caughtUp = async () => {
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await waitFor('the projector at the store end', () => {
      if (projector.failure !== undefined) throw projector.failure;
      return projector.position === last.position;
    });
  };
  const api = () =>
    new ErasureController(
      store,
      keys,
      () => new Date(),
      { agencyId: CN } as NodeConfig,
      {
        db: async () => rm.db,
      } as unknown as ReadModels,
    );
  const myWork = () =>
    new ConsoleController(
      { agencyId: CN } as NodeConfig,
      () => new Date('2031-05-03T00:00:00.000Z'),
      store,
      async () => rm.db,
    ).myWork();

  it('follows each notice from received to decided, and lists the awaiting ones first, a page at a time', async () => {
    const [first, second, third] = [
      notice(uuidv7(), '2031-05-01T02:00:00.000Z'),
      notice(uuidv7(), '2031-05-01T03:00:00.000Z'),
      notice(uuidv7(), '2031-05-01T04:00:00.000Z'),
    ];
    for (const n of [first, second, third]) await receive(n);
    await receive(second); // re-sent: recorded once
    await caughtUp();

    const received = await api().notices({});
    expect(received).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(received.notices.map((n) => [n.messageId, n.status])).toEqual([
      [first.messageId, 'awaiting_decision'],
      [second.messageId, 'awaiting_decision'],
      [third.messageId, 'awaiting_decision'],
    ]);
    // What the notice said, its erasure time at UTC; what the console's ErasureNoticeItem reads.
    expect(received.notices[0]).toEqual({
      ...first,
      erasedAt: '2031-05-01T01:00:00.000Z',
      status: 'awaiting_decision',
    });
    expect((await myWork()).erasureNotices.map((n) => n.messageId)).toEqual(
      [first, second, third].map((n) => n.messageId),
    );

    expect(await decide(first.messageId, 'keep', '2031-05-02T01:00:00.000Z')).toEqual({
      ok: true,
      keyIds: [],
    });
    // No key of the named person is held here: an erase destroys nothing, and is recorded all the same.
    expect(await decide(third.messageId, 'erase', '2031-05-02T02:00:00.000Z')).toEqual({
      ok: true,
      keyIds: [],
    });
    await caughtUp();

    const after = await api().notices({});
    // Awaiting first, then the decided ones, latest received first.
    expect(after.notices.map((n) => [n.messageId, n.status])).toEqual([
      [second.messageId, 'awaiting_decision'],
      [third.messageId, 'decided'],
      [first.messageId, 'decided'],
    ]);
    expect(after.notices[2].decision).toEqual({
      decision: 'keep',
      decidedBy: 'officer:k-1',
      decidedAt: '2031-05-02T01:00:00.000Z',
      keyIds: [],
    });
    expect(after.notices[1].decision).toMatchObject({ decision: 'erase' });
    expect((await myWork()).erasureNotices.map((n) => n.messageId)).toEqual([second.messageId]);

    // Pages run on from the awaiting into the decided; a status filter lists that status alone.
    const page = async (query: object) => (await api().notices(query)).notices.map((n) => n.messageId);
    expect(await page({ pageSize: '2', page: '1' })).toEqual([second.messageId, third.messageId]);
    expect(await page({ pageSize: '2', page: '2' })).toEqual([first.messageId]);
    expect(await page({ pageSize: '2', page: '3' })).toEqual([]);
    expect(await page({ status: 'decided', pageSize: '1', page: '2' })).toEqual([first.messageId]);
    expect(await page({ status: 'awaiting_decision' })).toEqual([second.messageId]);
    await expect(api().notices({ status: 'erased' })).rejects.toMatchObject({
      response: { code: 'VALIDATION_FAILED', field: 'status' },
    });

    // The note an officer typed stays in the notice's stream: no row or document of the read models has it.
    const rows = await rm.db.selectFrom('received_erasure_notices').selectAll().execute();
    const documents = await rm.db.selectFrom('case_documents').select('state_json').execute();
    expect(rows).toHaveLength(3);
    expect(JSON.stringify([rows, documents])).not.toContain(NOTE);

    // A rebuild gives the same rows as the live projection.
    await projector.stop();
    await new Projector({ store, db: rm.db, projections: ALL_PROJECTIONS }).rebuild();
    const rebuilt = await rm.db.selectFrom('received_erasure_notices').selectAll().execute();
    const byId = (a: { message_id: string }, b: { message_id: string }) =>
      a.message_id.localeCompare(b.message_id);
    expect(rebuilt.sort(byId)).toEqual(rows.sort(byId));
    await projector.start();
  });
});
