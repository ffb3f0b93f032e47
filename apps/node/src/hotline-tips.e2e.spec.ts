import { waitFor } from '@xb/testing';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode } from './node-app';
import { TestAgency } from './testing/node-pair';
import { callApi, startVnCnNodes, stopVnCnNodes } from './testing/vn-cn-nodes';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());
const DAY_MS = 86_400_000;

/**
 * Hotline tips over the real broker: a tip recorded on VN's hotline is forwarded to CN as the same case
 * with its urgency kept, and both nodes list tips and notices with their processing state and count
 * those unprocessed past their deadline, on the API and in /metrics.
 */
describe('hotline tips: forwarded with their urgency, listed and counted until processed', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let vnNode: RunningNode;
  let cnNode: RunningNode;
  let vnToken: string;
  let cnToken: string;
  /** CN's clock runs ahead by this much once the tip is in: its processing deadline then lies behind. */
  let cnAhead = 0;

  beforeAll(async () => {
    ({ root, vn, cn, vnNode, cnNode, vnToken, cnToken } = await startVnCnNodes({
      cn: { clock: () => new Date(Date.now() + cnAhead) },
      officer: 'tips',
    }));
  });
  afterAll(() => stopVnCnNodes({ root, vnNode, cnNode }));

  const call = callApi;
  const metric = async (node: RunningNode, line: string) =>
    (await (await fetch(`${node.url}/metrics`)).text()).split('\n').find((l) => l.startsWith(line));

  it('given a tip on VN, when it is forwarded, then CN lists it as the same case, as urgent, and counts it overdue until processed', async () => {
    const recorded = await call(vnNode, vnToken, 'POST', '/api/hotline-tips', example('RecordHotlineTip'));
    expect(recorded).toMatchObject({ status: 201, body: { status: 'received' } });
    const caseId = recorded.body.caseId as string;
    await waitFor('VN lists its tip', async () => {
      const list = await call(vnNode, vnToken, 'GET', '/api/notices?source=tip');
      return list.body.items?.some((i: { noticeId: string }) => i.noticeId === caseId);
    });
    expect((await call(vnNode, vnToken, 'GET', '/api/notices?source=tip')).body).toMatchObject({
      items: [{ noticeId: caseId, source: 'tip', urgency: 'immediate', state: 'received', overdue: false }],
      unprocessedPastDeadline: { tips: 0, notices: 0 },
    });

    const forwarded = await call(vnNode, vnToken, 'POST', `/api/hotline-tips/${caseId}/forward`, {
      counterpart: cn.agencyId,
    });
    expect(forwarded).toMatchObject({ status: 200, body: { caseId } });

    await waitFor('CN lists the forwarded tip under the same case', async () => {
      const list = await call(cnNode, cnToken, 'GET', '/api/notices?source=notice');
      return list.body.items?.some((i: { noticeId: string }) => i.noticeId === caseId);
    });
    expect((await call(cnNode, cnToken, 'GET', '/api/notices?source=notice')).body).toMatchObject({
      items: [
        {
          noticeId: caseId,
          source: 'notice',
          kind: 'hotline_tip',
          counterpart: vn.agencyId,
          urgency: 'immediate',
          state: 'received',
          overdue: false,
        },
      ],
      unprocessedPastDeadline: { notices: 0 },
    });

    // Past CN's processing deadline (its policy: within 3 days of arrival) and still unprocessed.
    cnAhead = 4 * DAY_MS;
    expect((await call(cnNode, cnToken, 'GET', '/api/notices?overdue=true')).body).toMatchObject({
      total: 1,
      items: [{ noticeId: caseId, overdue: true }],
      unprocessedPastDeadline: { tips: 0, notices: 1 },
    });
    expect(await metric(cnNode, 'xb_notices_unprocessed_overdue{source="notice"}')).toMatch(/ 1$/);
    expect(await metric(cnNode, 'xb_notices{source="notice",state="received"}')).toMatch(/ 1$/);

    await call(cnNode, cnToken, 'POST', `/api/notices/${caseId}/classify`, {
      category: 'hotline_tip',
      priority: 'urgent',
    });
    expect(
      await call(cnNode, cnToken, 'POST', `/api/notices/${caseId}/process`, {
        outcome: 'actioned',
        note: 'Patrol sent to the crossing point.',
      }),
    ).toMatchObject({ status: 200, body: { status: 'processed' } });
    await waitFor('CN shows it processed', async () => {
      const list = await call(cnNode, cnToken, 'GET', '/api/notices?state=processed');
      return list.body.total === 1;
    });
    expect((await call(cnNode, cnToken, 'GET', '/api/notices')).body).toMatchObject({
      items: [{ noticeId: caseId, state: 'processed', overdue: false }],
      unprocessedPastDeadline: { notices: 0 },
    });
    expect(await metric(cnNode, 'xb_notices_unprocessed_overdue{source="notice"}')).toMatch(/ 0$/);
    expect(await metric(cnNode, 'xb_notices{source="notice",state="processed"}')).toMatch(/ 1$/);
  });

  it('refuses to forward what did not come from our hotline, with its reason', async () => {
    const sent = await call(vnNode, vnToken, 'POST', '/api/notices', {
      ...example('SendInformationNotice'),
      counterpart: cn.agencyId,
    });
    expect(sent.status).toBe(201);
    const refused = await call(vnNode, vnToken, 'POST', `/api/hotline-tips/${sent.body.caseId}/forward`, {
      counterpart: cn.agencyId,
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'NOT_PERMITTED' } });
  });
});
