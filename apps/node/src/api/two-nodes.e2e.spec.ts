import { waitFor } from '@xb/testing';
import { RunningNode } from '../node-app';
import { TestAgency, tokenFor } from '../testing/node-pair';
import { callApi, startVnCnNodes, stopVnCnNodes } from '../testing/vn-cn-nodes';
import { COMMAND_ROUTES } from './command-routes';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());

describe('two nodes over the real Kafka: a verification request answered across the border', () => {
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

  const call = callApi;

  it('is made on one node, answered on the other, and both timelines show it with receipts', async () => {
    const drafted = await call(vnNode, vnToken, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest'),
      counterpart: cn.agencyId,
    });
    expect(drafted).toMatchObject({ status: 201, body: { status: 'drafted' } });
    const caseId = drafted.body.caseId as string;
    expect(await call(vnNode, vnToken, 'POST', `/api/verifications/${caseId}/send`, {})).toMatchObject({
      status: 200,
      body: { status: 'sent' },
    });

    await waitFor(
      'the request on the Chinese node',
      async () =>
        (await call(cnNode, cnToken, 'GET', `/api/verifications/${caseId}`)).body.state?.status ===
        'received',
    );
    await waitFor(
      'the delivery receipt on the Vietnamese node',
      async () =>
        (await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}`)).body.state?.status ===
        'delivered',
    );

    expect(
      await call(
        cnNode,
        cnToken,
        'POST',
        `/api/verifications/${caseId}/answer`,
        example('AnswerVerificationRequest'),
      ),
    ).toMatchObject({ status: 200, body: { status: 'answered' } });
    await waitFor(
      'the answer on the Vietnamese node',
      async () =>
        (await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}`)).body.state?.status ===
        'answered',
    );

    const vnTimeline = (await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}/timeline`)).body
      .timeline as { type: string; line: string }[];
    await waitFor('the answer receipt on the Chinese node', async () => {
      const timeline = (await call(cnNode, cnToken, 'GET', `/api/verifications/${caseId}/timeline`)).body
        .timeline as { type: string }[];
      return timeline.filter((e) => e.type === 'OutboundMessageReceipted').length === 1
        ? timeline
        : undefined;
    });
    const cnTimeline = (await call(cnNode, cnToken, 'GET', `/api/verifications/${caseId}/timeline`)).body
      .timeline as { type: string; line: string }[];
    const types = (timeline: { type: string }[]) => timeline.map((e) => e.type);
    expect(types(vnTimeline)).toEqual(
      expect.arrayContaining([
        'VerificationRequestDrafted',
        'VerificationRequestSent',
        'OutboundMessageDispatched',
        'OutboundMessageReceipted',
        'VerificationMessageDelivered',
        'VerificationAnswered',
        'InboundMessageRecorded',
      ]),
    );
    expect(types(cnTimeline)).toEqual(
      expect.arrayContaining([
        'VerificationRequestReceived',
        'InboundMessageRecorded',
        'VerificationAnswered',
        'OutboundMessageDispatched',
        'OutboundMessageReceipted',
      ]),
    );
    expect(vnTimeline.find((e) => e.type === 'OutboundMessageReceipted')!.line).toContain('accepted');
    // The officer's view withholds particulars unless asked for.
    expect(
      JSON.stringify((await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}`)).body),
    ).not.toContain('Lò Thị Mẫu');
  });

  it('China asks Vietnam to verify identity, nationality and family; Vietnam answers each; its identification crosses', async () => {
    const drafted = await call(cnNode, cnToken, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest'),
      counterpart: vn.agencyId,
      purposes: ['identity', 'nationality', 'family'],
    });
    expect(drafted).toMatchObject({ status: 201, body: { status: 'drafted' } });
    const caseId = drafted.body.caseId as string;
    await call(cnNode, cnToken, 'POST', `/api/verifications/${caseId}/send`, {});
    const asked = await waitFor('the request with its purposes on the Vietnamese node', async () => {
      const state = (await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}`)).body.state;
      return state?.status === 'received' ? state : undefined;
    });
    expect(asked.purposes).toEqual(['identity', 'nationality', 'family']);

    // An answer that leaves an asked purpose unanswered is refused, naming it; nothing changes.
    const incomplete = await call(vnNode, vnToken, 'POST', `/api/verifications/${caseId}/answer`, {
      ...example('AnswerVerificationRequest'),
      answers: { identity: 'confirmed', nationality: 'confirmed' },
    });
    expect(incomplete).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', field: 'answers.family' },
    });
    expect(incomplete.body.reason).toContain('answers.family');
    expect((await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}`)).body.state.status).toBe(
      'received',
    );

    const answers = { identity: 'confirmed', nationality: 'confirmed', family: 'traced' };
    expect(
      await call(vnNode, vnToken, 'POST', `/api/verifications/${caseId}/answer`, {
        ...example('AnswerVerificationRequest'),
        answers,
      }),
    ).toMatchObject({ status: 200, body: { status: 'answered' } });
    const answered = await waitFor('each answer on the Chinese node', async () => {
      const state = (await call(cnNode, cnToken, 'GET', `/api/verifications/${caseId}`)).body.state;
      return state?.status === 'answered' ? state : undefined;
    });
    expect(answered.answer).toMatchObject({ outcome: 'confirmed', answers });
    const line = (
      (await call(cnNode, cnToken, 'GET', `/api/verifications/${caseId}/timeline`)).body.timeline as {
        type: string;
        line: string;
      }[]
    ).find((e) => e.type === 'VerificationAnswered')!.line;
    expect(line).toContain('identity confirmed, nationality confirmed, family traced');
    // The verification board shows the purposes asked.
    const row = await waitFor('the case on the Chinese verification board', async () => {
      const items = (await call(cnNode, cnToken, 'GET', '/api/verifications?direction=outgoing')).body
        .items as { case_id: string; purpose: string; status: string }[];
      return items.find((i) => i.case_id === caseId && i.status === 'answered');
    });
    expect(row.purpose).toBe('identity, nationality, family');

    // China asks Vietnam to take her back; Vietnam identifies her as a victim, and China records it.
    const requested = await call(cnNode, cnToken, 'POST', '/api/repatriations', {
      ...example('RequestRepatriation'),
      counterpart: vn.agencyId,
    });
    expect(requested).toMatchObject({ status: 201 });
    const repatriation = requested.body.caseId as string;
    await waitFor(
      'the repatriation request on the Vietnamese node',
      async () =>
        (await call(vnNode, vnToken, 'GET', `/api/repatriations/${repatriation}`)).body.state?.status ===
        'requested',
    );
    const identification = example('IdentifyRepatriationVictim');
    expect(
      await call(
        vnNode,
        vnToken,
        'POST',
        `/api/repatriations/${repatriation}/identification`,
        identification,
      ),
    ).toMatchObject({ status: 200 });
    const theirs = await waitFor('the identification on the Chinese node', async () => {
      const state = (await call(cnNode, cnToken, 'GET', `/api/repatriations/${repatriation}`)).body.state;
      return state?.identification ? state : undefined;
    });
    expect(theirs.identification).toMatchObject({
      decision: 'identified',
      criteria: ['act', 'means', 'purpose'],
      decidedBy: vn.agencyId,
      authority: identification.authority,
      identifiedOn: identification.identifiedOn,
    });
    await waitFor('the receipt of the identification notice on the Vietnamese node', async () => {
      const timeline = (await call(vnNode, vnToken, 'GET', `/api/repatriations/${repatriation}/timeline`))
        .body.timeline as { type: string }[];
      return timeline.some((e) => e.type === 'OutboundMessageReceipted');
    });
    // The grounds are particulars: the officer's view withholds them unless asked for.
    expect(
      JSON.stringify((await call(cnNode, cnToken, 'GET', `/api/repatriations/${repatriation}`)).body),
    ).not.toContain('false job offer');
  });

  it('answers 401 without a token and 403 for the wrong role or agency, and changes nothing', async () => {
    const drafted = await call(vnNode, vnToken, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest'),
      counterpart: cn.agencyId,
    });
    const caseId = drafted.body.caseId as string;
    const auditor = await tokenFor(vn, { id: 'au-1', roles: ['auditor'] });
    const foreign = await tokenFor(vn, { id: 'lo-x', roles: ['liaison_officer'], agency: cn.agencyId });

    expect((await call(vnNode, undefined, 'POST', `/api/verifications/${caseId}/send`, {})).status).toBe(401);
    expect((await call(vnNode, 'garbage', 'POST', `/api/verifications/${caseId}/send`, {})).status).toBe(401);
    expect((await call(vnNode, auditor, 'POST', `/api/verifications/${caseId}/send`, {})).status).toBe(403);
    expect((await call(vnNode, foreign, 'POST', `/api/verifications/${caseId}/send`, {})).status).toBe(403);
    expect((await call(vnNode, undefined, 'GET', `/api/verifications/${caseId}`)).status).toBe(401);
    expect((await call(vnNode, vnToken, 'GET', `/api/verifications/${caseId}`)).body.state.status).toBe(
      'drafted',
    );
  });

  it('answers 400 naming the field, 404 for an unknown case and 409 for a refused transition', async () => {
    const bad = await call(vnNode, vnToken, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest'),
      deadline: 'soon',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toContain('deadline');
    expect(
      (
        await call(
          vnNode,
          vnToken,
          'POST',
          '/api/verifications/0193a7b2-0000-7000-8000-00000000dead/send',
          {},
        )
      ).status,
    ).toBe(404);
    const drafted = await call(vnNode, vnToken, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest'),
      counterpart: cn.agencyId,
    });
    const closed = await call(
      vnNode,
      vnToken,
      'POST',
      `/api/verifications/${drafted.body.caseId}/answer`,
      example('AnswerVerificationRequest'),
    );
    expect(closed.status).toBe(409);
  });

  it('serves boards from the read models and audit verification to the auditor only', async () => {
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const drafted = await call(vnNode, vnToken, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest'),
      counterpart: cn.agencyId,
      deadline,
    });
    const caseId = drafted.body.caseId as string;
    await call(vnNode, vnToken, 'POST', `/api/verifications/${caseId}/send`, {});
    const queue = await waitFor('the sent case in the verification queue', async () => {
      const items = (await call(vnNode, vnToken, 'GET', '/api/verifications?direction=outgoing')).body
        .items as { case_id: string; status: string; deadlineStatus: string }[];
      return items.find((i) => i.case_id === caseId && i.status !== 'drafted');
    });
    // Two weeks out: awaited, not yet due.
    expect(queue.deadlineStatus).toBe('on_time');
    expect((await call(vnNode, vnToken, 'GET', '/api/verifications?direction=sideways')).status).toBe(400);

    const auditor = await tokenFor(vn, { id: 'au-2', roles: ['auditor'] });
    const report = await call(vnNode, auditor, 'GET', '/api/audit/verify');
    expect(report).toMatchObject({ status: 200, body: { ok: true, failures: [] } });
    expect(report.body.eventsChecked).toBeGreaterThan(0);
    expect((await call(vnNode, vnToken, 'GET', '/api/audit/verify')).status).toBe(403);
  });
});
