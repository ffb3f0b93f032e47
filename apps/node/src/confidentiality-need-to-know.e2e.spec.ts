/**
 * Need-to-know by role through the API (docs/confidentiality.md): an auditor sees particulars masked
 * unless a supervisor's grant names them (for the case, for a time, until revoked); a case restricted
 * to named officers shows others only that it exists; every grant, revocation and restriction is an
 * event of the audited trail, by the supervisor who made it.
 */
import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode } from './node-app';
import { prepareAgencies, startTestNode, storeOf, TestAgency, tokenFor } from './testing/node-pair';
import { callApi } from './testing/vn-cn-nodes';

let NOW: Date;
const VICTIM = {
  personId: uuidv7(),
  name: { original: 'Giàng Thị Sua', romanised: 'Giang Thi Sua' },
  dateOfBirth: { year: 2006, month: 2, day: 3 },
  sex: 'female',
  identityDocuments: [{ type: 'national_id', number: 'NK5512003381', issuingCountry: 'VN' }],
};

describe('need-to-know: roles, grants and restricted cases', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let node: RunningNode | undefined;
  let counterpart: RunningNode | undefined;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
    NOW = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    node = await startTestNode(vn, { clock: () => NOW });
    counterpart = await startTestNode(cn);
  });

  afterAll(async () => {
    await node?.stop();
    await counterpart?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const call = async (officer: string, roles: string[], method: string, url: string, body?: unknown) =>
    callApi(node!, await tokenFor(vn, { id: officer, roles: roles as never }), method, url, body);

  it('enforces each role, a grant and a restriction, and audits them', async () => {
    const example = COMMAND_ROUTES.find((r) => r.command === 'RequestRepatriation')!.example(NOW);
    const opened = await call('o-7', ['liaison_officer'], 'POST', '/api/repatriations', {
      ...example,
      counterpart: cn.agencyId,
      victim: VICTIM,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const view = `/api/repatriations/${caseId}`;
    const unhide = `${view}?particulars=true&reason=audit+2026-3`;
    const shows = (body: Record<string, unknown>) => JSON.stringify(body).includes('Giang Thi Sua');

    // By role: the liaison officer and the supervisor un-hide with a reason; the auditor sees it masked
    // and needs a grant; the key administrator reads no case.
    expect(shows((await call('o-7', ['liaison_officer'], 'GET', unhide)).body)).toBe(true);
    expect(shows((await call('s-1', ['supervisor'], 'GET', unhide)).body)).toBe(true);
    const masked = await call('a-1', ['auditor'], 'GET', view);
    expect([masked.status, shows(masked.body)]).toEqual([200, false]);
    expect(await call('a-1', ['auditor'], 'GET', unhide)).toMatchObject({
      status: 403,
      body: { code: 'GRANT_REQUIRED' },
    });
    expect((await call('k-1', ['key_administrator'], 'GET', view)).status).toBe(403);

    // A grant: only a supervisor makes one, for at most 90 days.
    const grant = {
      officerId: 'a-1',
      cases: [{ resource: 'repatriations', caseId }],
      until: new Date(NOW.getTime() + 86_400_000).toISOString(),
      reason: 'audit 2026/3',
    };
    expect((await call('o-7', ['liaison_officer'], 'POST', '/api/disclosure-grants', grant)).status).toBe(
      403,
    );
    expect(
      await call('s-1', ['supervisor'], 'POST', '/api/disclosure-grants', {
        ...grant,
        until: new Date(NOW.getTime() + 91 * 86_400_000).toISOString(),
      }),
    ).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'until' } });
    const granted = await call('s-1', ['supervisor'], 'POST', '/api/disclosure-grants', grant);
    expect(granted.status).toBe(201);
    const grantId = granted.body.grantId as string;
    const underGrant = await call('a-1', ['auditor'], 'GET', unhide);
    expect([underGrant.status, shows(underGrant.body)]).toEqual([200, true]);
    expect((await call('a-2', ['auditor'], 'GET', unhide)).status).toBe(403);
    expect((await call('a-1', ['auditor'], 'GET', '/api/disclosure-grants')).body.grants).toEqual([
      expect.objectContaining({ grantId, officerId: 'a-1', grantedBy: 'officer:s-1' }),
    ]);
    // Revoked: masked again; a second revocation is refused.
    const revoke = `/api/disclosure-grants/${grantId}/revoke`;
    expect((await call('s-1', ['supervisor'], 'POST', revoke, { reason: 'audit done' })).status).toBe(200);
    expect((await call('a-1', ['auditor'], 'GET', unhide)).status).toBe(403);
    expect((await call('s-1', ['supervisor'], 'POST', revoke, { reason: 'audit done' })).status).toBe(409);

    // Restricted to o-1: o-7 sees that the case exists and its status, nothing else; o-1 sees it.
    const restrict = `/api/restrictions/repatriations/${caseId}`;
    const restriction = { officers: ['o-1'], reason: 'child victim, prosecutor order' };
    expect((await call('o-7', ['liaison_officer'], 'POST', restrict, restriction)).status).toBe(403);
    expect((await call('s-1', ['supervisor'], 'POST', restrict, restriction)).status).toBe(200);
    const outside = await call('o-7', ['liaison_officer'], 'GET', unhide);
    expect(outside).toMatchObject({
      status: 200,
      body: { restricted: true, state: { status: 'requested' } },
    });
    expect(Object.keys(outside.body.state)).toEqual(['status']);
    expect((await call('o-7', ['liaison_officer'], 'GET', `${view}/timeline`)).body).toMatchObject({
      restricted: true,
      timeline: [],
    });
    expect(shows((await call('o-1', ['liaison_officer'], 'GET', unhide)).body)).toBe(true);
    expect(
      (await call('s-1', ['supervisor'], 'POST', `${restrict}/lift`, { reason: 'case closed' })).status,
    ).toBe(200);
    expect((await call('o-7', ['liaison_officer'], 'GET', view)).body.restricted).toBeUndefined();

    // Audited: each decision is an event of the trail, by the supervisor.
    const store = storeOf(vn);
    try {
      const decisions = [
        ...(await store.readStream('disclosure-grants')),
        ...(await store.readStream(`restriction-repatriation-${caseId}`)),
      ].map((e) => [e.type, e.metadata.actor]);
      expect(decisions).toEqual([
        ['DisclosureGranted', 'officer:s-1'],
        ['DisclosureGrantRevoked', 'officer:s-1'],
        ['CaseRestricted', 'officer:s-1'],
        ['CaseRestrictionLifted', 'officer:s-1'],
      ]);
    } finally {
      await store.close();
    }
  });
});
