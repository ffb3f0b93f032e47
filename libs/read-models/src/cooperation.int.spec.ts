import { migrateReadModels } from './migrate';
import { liaisonMeetings, missions } from './queries';
import { projectorOf, temporaryEventStore } from './testing/projection-run';
import { openPostgresReadModels, openSqliteReadModels } from './testing/read-model-databases';
import { COUNTERPART, OUR_AGENCY, ScenarioWriter } from './testing/scenario-writer';

const MEETING = '0193a7b2-0000-7000-8000-00000000e001';
const MISSION = '0193a7b2-0000-7000-8000-00000000e002';

/** A meeting closed with two action items (ours done, theirs overdue) and a working group received. */
async function writeHistory(w: ScenarioWriter): Promise<void> {
  const proposal = {
    caseId: MEETING,
    kind: 'ad_hoc',
    level: 'provincial',
    agenda: ['Missing girls from Sin Ho'],
    place: 'Lai Chau',
    startsAt: '2026-03-05T02:00:00Z',
    deadline: '2026-03-03T00:00:00Z',
    host: OUR_AGENCY,
  };
  await w.theirs('liaison', MEETING, 'ReceiveLiaisonMeetingProposal', proposal, '2026-03-01T04:00:00Z');
  await w.ours('liaison', MEETING, 'AgreeLiaisonMeeting', {}, '2026-03-02T04:00:00Z', 'agree');
  await w.ours(
    'liaison',
    MEETING,
    'RecordLiaisonMeetingHeld',
    { heldAt: '2026-03-05T02:00:00Z' },
    '2026-03-05T08:00:00Z',
    'held',
  );
  const actionItems = [
    { number: 1, description: 'List', owner: OUR_AGENCY, deadline: '2026-03-12T00:00:00Z' },
    { number: 2, description: 'Check', owner: COUNTERPART, deadline: '2026-03-15T00:00:00Z' },
  ];
  await w.theirs(
    'liaison',
    MEETING,
    'ReceiveLiaisonMeetingMinutes',
    { summary: 's', actionItems },
    '2026-03-05T09:00:00Z',
  );
  await w.ours(
    'liaison',
    MEETING,
    'CompleteLiaisonActionItem',
    { number: 1 },
    '2026-03-10T04:00:00Z',
    'done',
  );
  const request = {
    caseId: MISSION,
    kind: 'working_group',
    purpose: 'Identify the victims',
    supportedCase: { process: 'repatriation', caseId: MEETING },
    members: [
      { person: { name: { original: '', romanised: 'Li Wei' }, identityDocuments: [] }, rank: 'Inspector' },
    ],
    arrivesOn: '2026-03-20',
    departsOn: '2026-03-22',
    entryGate: { code: 'CN-VN.JINSHUIHE-MALUTHANG' },
    deadline: '2026-03-15T00:00:00Z',
  };
  await w.theirs('mission', MISSION, 'ReceiveMissionRequest', request, '2026-03-10T04:00:00Z');
  await w.ours('mission', MISSION, 'AcceptMission', {}, '2026-03-11T04:00:00Z', 'accept');
}

describe('liaison meeting and mission read models on SQLite and PostgreSQL', () => {
  it('hold the same rows: action items with their deadline status, missions without particulars', async () => {
    const events = temporaryEventStore();
    const sqlite = await openSqliteReadModels();
    const postgres = await openPostgresReadModels();
    try {
      await writeHistory(new ScenarioWriter(events.store));
      const answers = [];
      for (const { db } of [sqlite, postgres]) {
        await migrateReadModels(db);
        await projectorOf(events.store, db).rebuild();
        answers.push({
          meetings: await liaisonMeetings(db, '2026-03-20T00:00:00Z'),
          missions: await missions(db),
        });
      }
      expect(answers[1]).toStrictEqual(answers[0]);
      expect(answers[0].meetings).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(answers[0].missions).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(answers[0].meetings.items).toMatchObject([
        {
          meeting_id: MEETING,
          status: 'closed',
          direction: 'incoming',
          kind: 'ad_hoc',
          level: 'provincial',
          actionItems: [
            { number: 1, owner: OUR_AGENCY, doneAt: '2026-03-10T04:00:00Z', deadlineStatus: 'met' },
            { number: 2, owner: COUNTERPART, doneAt: null, deadlineStatus: 'overdue' },
          ],
        },
      ]);
      expect(answers[0].missions.items).toMatchObject([
        { mission_id: MISSION, status: 'accepted', direction: 'incoming', kind: 'working_group', members: 1 },
      ]);
      expect(JSON.stringify(answers[0])).not.toContain('Li Wei');
    } finally {
      await postgres.dispose();
      await sqlite.dispose();
      await events.dispose();
    }
  });

  it("page meetings and missions like every board: total, latest first, only the page's action items", async () => {
    const events = temporaryEventStore();
    const sqlite = await openSqliteReadModels();
    const postgres = await openPostgresReadModels();
    try {
      const w = new ScenarioWriter(events.store);
      await writeHistory(w);
      // Three more meetings (proposed, one action item each once minuted) and missions, starting later.
      const more = [1, 2, 3].map((n) => `0193a7b2-0000-7000-8000-00000000e10${n}`);
      for (const [n, id] of more.entries()) {
        const day = String(10 + n).padStart(2, '0');
        await w.theirs(
          'liaison',
          id,
          'ReceiveLiaisonMeetingProposal',
          {
            caseId: id,
            kind: 'ad_hoc',
            level: 'provincial',
            agenda: ['Follow-up'],
            place: 'Lai Chau',
            startsAt: `2026-04-${day}T02:00:00Z`,
            deadline: `2026-04-0${n + 1}T00:00:00Z`,
            host: OUR_AGENCY,
          },
          `2026-03-2${n}T04:00:00Z`,
        );
        const mission = `0193a7b2-0000-7000-8000-00000000e20${n + 1}`;
        await w.theirs(
          'mission',
          mission,
          'ReceiveMissionRequest',
          {
            caseId: mission,
            kind: 'delegation',
            purpose: 'Visit',
            members: [
              {
                person: { name: { original: '', romanised: 'Zhang Min' }, identityDocuments: [] },
                rank: 'Captain',
              },
            ],
            arrivesOn: `2026-04-${day}`,
            departsOn: `2026-04-${day}`,
            entryGate: { code: 'CN-VN.JINSHUIHE-MALUTHANG' },
            deadline: `2026-04-0${n + 1}T00:00:00Z`,
          },
          `2026-03-2${n}T05:00:00Z`,
        );
      }
      const answers = [];
      for (const { db } of [sqlite, postgres]) {
        await migrateReadModels(db);
        await projectorOf(events.store, db).rebuild();
        answers.push({
          first: await liaisonMeetings(db, '2026-03-20T00:00:00Z', { pageSize: 3 }),
          second: await liaisonMeetings(db, '2026-03-20T00:00:00Z', { page: 2, pageSize: 3 }),
          missions: await missions(db, { page: 2, pageSize: 2 }),
        });
      }
      expect(answers[1]).toStrictEqual(answers[0]);
      const [{ first, second, missions: secondMissions }] = answers as [(typeof answers)[number]];
      expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(first.items.map((m) => m.meeting_id)).toEqual([...more].reverse());
      expect(first.items.every((m) => m.actionItems.length === 0)).toBe(true);
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(second.items.map((m) => m.meeting_id)).toEqual([MEETING]);
      expect(second.items[0]!.actionItems.map((i) => i.number)).toEqual([1, 2]);
      expect(secondMissions).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(secondMissions.items.map((m) => m.mission_id)).toEqual([
        '0193a7b2-0000-7000-8000-00000000e201',
        MISSION,
      ]);
    } finally {
      await postgres.dispose();
      await sqlite.dispose();
      await events.dispose();
    }
  });
});
