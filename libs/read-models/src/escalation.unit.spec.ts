import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@xb/event-store';
import { openReadModelDb, ReadModelConnection } from './database';
import {
  DEADLINE_ESCALATED,
  deadlineEscalationProjection,
  DeadlineEscalator,
  escalationStreamOf,
  openEscalations,
} from './escalation';
import { Projector } from './projector';
import { migrateReadModels } from './migrate';

/** The escalation follower: each passed deadline recorded once, by one follower among several. */
describe('deadline escalation', () => {
  const DUE = '2026-12-01T00:00:00.000Z';
  const BEFORE = new Date('2026-11-30T23:59:59.000Z');
  const AFTER = new Date('2026-12-01T00:00:01.000Z');
  let dir: string;
  let connection: ReadModelConnection;
  let stores: SqliteEventStore[];

  const caseDocument = async (category: string, caseId: string, state: object) =>
    connection.db
      .insertInto('case_documents')
      .values({
        stream_id: `${category}-${caseId}`,
        category,
        case_id: caseId,
        state_json: JSON.stringify(state),
        last_position: '1',
      })
      .execute();
  const escalator = (store: SqliteEventStore, clock: () => Date, seen?: string[]) =>
    new DeadlineEscalator(async () => connection.db, store, {
      clock,
      onEscalated: (escalation) => seen?.push(`${escalation.kind}:${escalation.ref}`),
    });
  const escalationsIn = async (store: SqliteEventStore) =>
    (await store.readAll()).filter((event) => event.type === DEADLINE_ESCALATED);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-escalation-'));
    connection = await openReadModelDb({ sqliteFile: path.join(dir, 'read-models.sqlite') });
    await migrateReadModels(connection.db);
    // Two handles on one store file: two follower processes of the same node.
    stores = [
      new SqliteEventStore({ file: path.join(dir, 'events.sqlite') }),
      new SqliteEventStore({ file: path.join(dir, 'events.sqlite') }),
    ];
    await caseDocument('rescue', 'c-rescue', {
      status: 'requested',
      deadline: DUE,
      requestMessageId: 'm-req',
      trail: {},
    });
    await caseDocument('liaison', 'c-meeting', {
      status: 'closed',
      deadline: DUE,
      actionItems: [
        { number: 1, deadline: DUE, done: false },
        { number: 2, deadline: '2026-12-09T00:00:00.000Z', done: false },
        { number: 3, deadline: DUE, done: true },
      ],
      trail: {},
    });
    await caseDocument('wanted', 'c-acknowledged', {
      status: 'acknowledged',
      deadline: DUE,
      requestMessageId: 'm-w',
      trail: {},
    });
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await connection.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('escalates nothing before a deadline passes', async () => {
    expect(await escalator(stores[0], () => BEFORE).escalate()).toEqual([]);
    expect(await escalationsIn(stores[0])).toEqual([]);
  });

  it('records each passed deadline once, with its case, kind, ref and due time', async () => {
    const seen: string[] = [];
    const follower = escalator(stores[0], () => AFTER, seen);
    const first = await follower.escalate();
    expect(first).toEqual(
      expect.arrayContaining([
        {
          category: 'rescue',
          caseId: 'c-rescue',
          kind: 'rescue_acknowledgement',
          ref: 'm-req',
          due: DUE,
          escalatedAt: AFTER.toISOString(),
        },
        {
          category: 'liaison',
          caseId: 'c-meeting',
          kind: 'action_item',
          ref: 'item:1',
          due: DUE,
          escalatedAt: AFTER.toISOString(),
        },
      ]),
    );
    expect(first).toHaveLength(2);
    expect(await follower.escalate()).toEqual([]);
    expect(seen.sort()).toEqual(['action_item:item:1', 'rescue_acknowledgement:m-req']);
    const recorded = await escalationsIn(stores[0]);
    expect(recorded.map((event) => event.streamId).sort()).toEqual(
      [
        escalationStreamOf('c-meeting', 'action_item', 'item:1'),
        escalationStreamOf('c-rescue', 'rescue_acknowledgement', 'm-req'),
      ].sort(),
    );
    expect(recorded.every((event) => event.metadata.actor === 'system:escalation')).toBe(true);
  });

  it('never twice: neither after a restart nor across two followers at once', async () => {
    const [a, b] = [escalator(stores[0], () => AFTER), escalator(stores[1], () => AFTER)];
    const [fromA, fromB] = await Promise.all([a.escalate(), b.escalate()]);
    expect(fromA.length + fromB.length).toBe(2);
    // A restarted follower knows nothing in memory: the store refuses the repeat.
    expect(await escalator(stores[1], () => AFTER).escalate()).toEqual([]);
    expect(await escalationsIn(stores[0])).toHaveLength(2);
  });

  it('escalates a later deadline of the same case on its own when it passes', async () => {
    let now = AFTER;
    const follower = escalator(stores[0], () => now);
    await follower.escalate();
    now = new Date('2026-12-09T00:00:01.000Z');
    expect((await follower.escalate()).map((e) => e.ref)).toEqual(['item:2']);
    expect(await escalationsIn(stores[0])).toHaveLength(3);
  });

  it('lists for the duty officer the escalations whose deadline the case still waits on', async () => {
    await escalator(stores[0], () => AFTER).escalate();
    const projector = new Projector({
      store: stores[0],
      db: connection.db,
      projections: [deadlineEscalationProjection],
    });
    await projector.catchUp();
    expect((await openEscalations(connection.db)).map((e) => `${e.caseId}:${e.kind}`).sort()).toEqual([
      'c-meeting:action_item',
      'c-rescue:rescue_acknowledgement',
    ]);
    // Acknowledged since: no longer the officer's work, though the escalation stays recorded.
    await connection.db
      .updateTable('case_documents')
      .set({ state_json: JSON.stringify({ status: 'acknowledged', deadline: DUE, trail: {} }) })
      .where('stream_id', '=', 'rescue-c-rescue')
      .execute();
    expect((await openEscalations(connection.db)).map((e) => e.kind)).toEqual(['action_item']);
    expect(await connection.db.selectFrom('deadline_escalations').selectAll().execute()).toHaveLength(2);
  });
});
