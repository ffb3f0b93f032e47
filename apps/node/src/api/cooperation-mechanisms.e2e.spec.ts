import { waitFor } from '@xb/testing';
import { RunningNode } from '../node-app';
import { TestAgency } from '../testing/node-pair';
import { callApi, startVnCnNodes, stopVnCnNodes } from '../testing/vn-cn-nodes';
import { COMMAND_ROUTES } from './command-routes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- example bodies are read field by field
const example = (command: string): Record<string, any> =>
  COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('two nodes over the real Kafka: liaison meetings, working groups and delegations', () => {
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let vnNode: RunningNode;
  let cnNode: RunningNode;
  let vnToken: string;
  let cnToken: string;

  beforeAll(async () => {
    ({ root, vn, cn, vnNode, cnNode, vnToken, cnToken } = await startVnCnNodes());
  });
  afterAll(() => stopVnCnNodes({ root, vnNode, cnNode }));

  const call = (node: RunningNode, method: string, path: string, body?: unknown) =>
    callApi(node, node === vnNode ? vnToken : cnToken, method, path, body);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the case's state as the API shows it
  const stateOn = async (node: RunningNode, path: string): Promise<Record<string, any> | undefined> =>
    (await call(node, 'GET', path)).body.state;
  const until = (what: string, node: RunningNode, path: string, check: (state: never) => boolean) =>
    waitFor(what, async () => {
      const state = await stateOn(node, path);
      return state !== undefined && check(state as never) ? state : undefined;
    });
  type Item = { number: number; doneAt: string | null; deadlineStatus: string };
  const boardItems = async (node: RunningNode, meetingId: string): Promise<Item[] | undefined> =>
    (await call(node, 'GET', '/api/liaison-meetings')).body.items?.find(
      (meeting: { meeting_id: string }) => meeting.meeting_id === meetingId,
    )?.actionItems;

  it('runs a liaison meeting to its minutes, and tracks each action item on both nodes until done', async () => {
    const proposed = await call(vnNode, 'POST', '/api/liaison-meetings', {
      ...example('ProposeLiaisonMeeting'),
      counterpart: cn.agencyId,
    });
    expect(proposed).toMatchObject({ status: 201, body: { status: 'proposed' } });
    const path = `/api/liaison-meetings/${proposed.body.caseId as string}`;
    await until(
      'the proposal on the Chinese node',
      cnNode,
      path,
      (s: { status: string }) => s.status === 'proposed',
    );

    // The Chinese side proposes another date; now the Vietnamese side answers, and agrees.
    const counter = example('CounterProposeLiaisonMeeting');
    expect((await call(cnNode, 'POST', `${path}/counter-propose`, counter)).status).toBe(200);
    await until(
      'the counter-proposal on the Vietnamese node',
      vnNode,
      path,
      (s: { awaiting: string; place: string }) => s.awaiting === 'proposer' && s.place === counter.place,
    );
    // The side that made the last proposal cannot answer it (a domain refusal: 409 NOT_PERMITTED).
    expect((await call(cnNode, 'POST', `${path}/agree`, {})).status).toBe(409);
    expect(await call(vnNode, 'POST', `${path}/agree`, {})).toMatchObject({
      status: 200,
      body: { status: 'agreed' },
    });
    await until(
      'the agreement on the Chinese node',
      cnNode,
      path,
      (s: { status: string }) => s.status === 'agreed',
    );

    expect((await call(vnNode, 'POST', `${path}/held`, example('RecordLiaisonMeetingHeld'))).status).toBe(
      200,
    );
    await until(
      'the meeting held on the Chinese node',
      cnNode,
      path,
      (s: { status: string }) => s.status === 'held',
    );

    // The Chinese side records the minutes: item 1 owned by Vietnam, item 2 by China and already past due.
    const actionItems = [
      {
        number: 1,
        description: 'Send the list of missing persons.',
        owner: vn.agencyId,
        deadline: hoursFromNow(24 * 14),
      },
      {
        number: 2,
        description: 'Check the list against the shelters.',
        owner: cn.agencyId,
        deadline: hoursFromNow(-0.5),
      },
    ];
    const minutes = { summary: 'Lists to be exchanged monthly.', actionItems };
    expect(await call(cnNode, 'POST', `${path}/minutes`, minutes)).toMatchObject({
      status: 200,
      body: { status: 'closed' },
    });
    await until(
      'the minutes on the Vietnamese node',
      vnNode,
      path,
      (s: { status: string }) => s.status === 'closed',
    );
    for (const node of [vnNode, cnNode]) {
      const items = await waitFor('both items on the board', async () => {
        const found = await boardItems(node, proposed.body.caseId as string);
        return found?.length === 2 ? found : undefined;
      });
      expect(items.map((item) => item.deadlineStatus)).toEqual(['on_time', 'overdue']);
    }

    // Only the owning side marks an item done; the other side sees it through the message.
    expect((await call(vnNode, 'POST', `${path}/action-items-done`, { number: 2 })).status).toBe(409);
    expect(
      (await call(vnNode, 'POST', `${path}/action-items-done`, { number: 1, remarks: 'Sent.' })).status,
    ).toBe(200);
    expect((await call(cnNode, 'POST', `${path}/action-items-done`, { number: 2 })).status).toBe(200);
    for (const node of [vnNode, cnNode]) {
      await waitFor('both items done on both boards', async () => {
        const items = await boardItems(node, proposed.body.caseId as string);
        return items?.every((item) => item.doneAt !== null && item.deadlineStatus === 'met')
          ? items
          : undefined;
      });
      const state = await stateOn(node, path);
      expect(state!.actionItems.map((item: { done: boolean }) => item.done)).toEqual([true, true]);
    }
  });

  it('sends a working group for a case: accepted, arrived, departed, outcome linked to the case', async () => {
    const request = { ...example('RequestMission'), counterpart: cn.agencyId };
    const requested = await call(vnNode, 'POST', '/api/missions', request);
    expect(requested).toMatchObject({ status: 201, body: { status: 'requested' } });
    const path = `/api/missions/${requested.body.caseId as string}`;
    await until(
      'the request on the Chinese node',
      cnNode,
      path,
      (s: { status: string }) => s.status === 'requested',
    );
    // Members' particulars are withheld like victims'.
    const shown = JSON.stringify((await call(cnNode, 'GET', path)).body);
    expect(shown).not.toContain('Tran Van Hung');
    expect(shown).not.toContain('C0000001');

    expect((await call(vnNode, 'POST', `${path}/accept`, {})).status).toBe(409);
    expect((await call(cnNode, 'POST', `${path}/accept`, example('AcceptMission'))).status).toBe(200);
    await until(
      'the acceptance on the Vietnamese node',
      vnNode,
      path,
      (s: { status: string }) => s.status === 'accepted',
    );
    expect((await call(cnNode, 'POST', `${path}/arrival`, example('RecordMissionArrival'))).status).toBe(200);
    expect((await call(cnNode, 'POST', `${path}/departure`, example('RecordMissionDeparture'))).status).toBe(
      200,
    );
    await until(
      'the departure on the Vietnamese node',
      vnNode,
      path,
      (s: { status: string }) => s.status === 'departed',
    );
    expect((await call(vnNode, 'POST', `${path}/outcome`, example('ReportMissionOutcome'))).status).toBe(200);
    const closed = await until(
      'the outcome on the Chinese node',
      cnNode,
      path,
      (s: { status: string }) => s.status === 'closed',
    );
    expect(closed.outcome.linkedCaseIds).toEqual([example('RequestMission').supportedCase.caseId]);
    const page = (await call(cnNode, 'GET', '/api/missions?page=1&pageSize=10')).body;
    expect(page).toMatchObject({ page: 1, pageSize: 10, total: page.items.length });
    expect((await call(cnNode, 'GET', '/api/missions?pageSize=501')).status).toBe(400);
    const board = page.items as { mission_id: string }[];
    expect(board.find((row) => row.mission_id === requested.body.caseId)).toMatchObject({
      kind: 'working_group',
      direction: 'incoming',
      members: 1,
    });
  });

  it('exchanges a delegation (no case, no travel documents required) and records a refusal on both sides', async () => {
    const { supportedCase: _none, ...workingGroup } = example('RequestMission') as Record<string, unknown>;
    const delegation = {
      ...workingGroup,
      counterpart: vn.agencyId,
      kind: 'delegation',
      purpose: 'Exchange of experience between provincial police.',
      members: [
        {
          person: { name: { original: '王伟', romanised: 'Wang Wei' }, identityDocuments: [] },
          rank: 'Superintendent',
        },
      ],
    };
    const requested = await call(cnNode, 'POST', '/api/missions', delegation);
    expect(requested).toMatchObject({ status: 201, body: { status: 'requested' } });
    const path = `/api/missions/${requested.body.caseId as string}`;
    await until(
      'the request on the Vietnamese node',
      vnNode,
      path,
      (s: { status: string }) => s.status === 'requested',
    );
    expect((await call(vnNode, 'POST', `${path}/refuse`, example('RefuseMission'))).status).toBe(200);
    await until(
      'the refusal on the Chinese node',
      cnNode,
      path,
      (s: { status: string }) => s.status === 'refused',
    );
  });
});
