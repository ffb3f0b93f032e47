import fs from 'node:fs';
import { waitFor } from '@xb/testing';
import { RunningNode } from '../node-app';
import { prepareAgencies, startTestNode, TestAgency, tokenFor } from '../testing/node-pair';
import { COMMAND_ROUTES } from './command-routes';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());

interface Side {
  readonly agency: TestAgency;
  readonly node: RunningNode;
  readonly token: string;
}

/**
 * Locate-and-rescue and wanted-person requests between two nodes over the real broker, each in both
 * directions, to the follow-on case they lead into (verification, repatriation, suspect hand-over),
 * with the link recorded on both nodes' cases.
 */
describe('two nodes over the real Kafka: locate-and-rescue and wanted-person requests, both ways', () => {
  let root: string;
  let vn: Side;
  let cn: Side;

  beforeAll(async () => {
    const prepared = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']);
    root = prepared.root;
    const [vnAgency, cnAgency] = prepared.agencies;
    const [vnNode, cnNode] = await Promise.all([startTestNode(vnAgency), startTestNode(cnAgency)]);
    vn = {
      agency: vnAgency,
      node: vnNode,
      token: await tokenFor(vnAgency, { id: 'lo-vn', roles: ['liaison_officer'] }),
    };
    cn = {
      agency: cnAgency,
      node: cnNode,
      token: await tokenFor(cnAgency, { id: 'lo-cn', roles: ['liaison_officer'] }),
    };
  });

  afterAll(async () => {
    await Promise.all([vn?.node.stop(), cn?.node.stop()]);
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const call = async (side: Side, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${side.node.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${side.token}` },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever JSON came back
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the case's state as the API shows it
  const stateOf = async (side: Side, resource: string, caseId: string): Promise<Record<string, any>> =>
    (await call(side, 'GET', `/api/${resource}/${caseId}`)).body.state ?? {};
  const reach = (side: Side, resource: string, caseId: string, status: string) =>
    waitFor(`${resource} ${caseId} ${status} on ${side.agency.agencyId}`, async () => {
      const state = await stateOf(side, resource, caseId);
      return state.status === status ? state : undefined;
    });
  const step = async (side: Side, resource: string, caseId: string, action: string, body: unknown) => {
    const answer = await call(side, 'POST', `/api/${resource}/${caseId}/${action}`, body);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const open = async (side: Side, resource: string, body: unknown) => {
    const answer = await call(side, 'POST', `/api/${resource}`, body);
    expect(answer.status).toBe(201);
    return answer.body.caseId as string;
  };
  const linkedOn = (side: Side, resource: string, caseId: string, linkedCaseId: string) =>
    waitFor(`the link to ${linkedCaseId} on ${side.agency.agencyId}`, async () => {
      const state = await stateOf(side, resource, caseId);
      const links = (state.linkedCases ?? []) as { linkedCaseId: string; process: string }[];
      return links.find((link) => link.linkedCaseId === linkedCaseId);
    });

  /** `requester` asks `requested` to find a missing woman; the search goes on until she is rescued. */
  const rescueUntilRescued = async (requester: Side, requested: Side) => {
    const caseId = await open(requester, 'locate-rescues', {
      ...example('RequestLocateRescue'),
      counterpart: requested.agency.agencyId,
    });
    await reach(requested, 'locate-rescues', caseId, 'requested');
    await step(requested, 'locate-rescues', caseId, 'acknowledge', example('AcknowledgeLocateRescue'));
    await reach(requester, 'locate-rescues', caseId, 'acknowledged');
    // Progress from both sides: the family heard from her again; the police checked the village.
    await step(requester, 'locate-rescues', caseId, 'progress', { summary: 'She called her mother again.' });
    await step(requested, 'locate-rescues', caseId, 'progress', example('ReportLocateRescueProgress'));
    await step(requested, 'locate-rescues', caseId, 'located', example('RecordPersonLocated'));
    await reach(requester, 'locate-rescues', caseId, 'located');
    await step(requested, 'locate-rescues', caseId, 'rescued', example('RecordPersonRescued'));
    const rescued = await reach(requester, 'locate-rescues', caseId, 'rescued');
    await waitFor('both progress reports on both nodes', async () =>
      (await stateOf(requester, 'locate-rescues', caseId)).progress?.length === 2 &&
      (await stateOf(requested, 'locate-rescues', caseId)).progress?.length === 2
        ? true
        : undefined,
    );
    expect(rescued.rescued).toMatchObject({ place: expect.any(String) });
    // The officer's view withholds her particulars and the family's phone numbers unless asked for.
    const shown = JSON.stringify(rescued);
    expect(shown).not.toContain('Lò Thị Mẫu');
    expect(shown).not.toContain('912 000 001');
    return caseId;
  };

  it('VN asks CN to locate and rescue; CN rescues her and asks VN to take her back (repatriation, linked)', async () => {
    const rescueId = await rescueUntilRescued(vn, cn);
    const repatriationId = await open(cn, 'repatriations', {
      ...example('RequestRepatriation'),
      counterpart: vn.agency.agencyId,
    });
    await step(cn, 'locate-rescues', rescueId, 'cases', {
      process: 'repatriation',
      linkedCaseId: repatriationId,
    });
    expect(await linkedOn(vn, 'locate-rescues', rescueId, repatriationId)).toEqual({
      process: 'repatriation',
      linkedCaseId: repatriationId,
    });
    await linkedOn(cn, 'locate-rescues', rescueId, repatriationId);
    // The follow-on case itself reached Vietnam and goes on as any repatriation.
    await reach(vn, 'repatriations', repatriationId, 'requested');
    await step(vn, 'repatriations', repatriationId, 'accept', example('AcceptRepatriation'));
    await reach(cn, 'repatriations', repatriationId, 'accepted');

    const board = await waitFor('the case and its link on the Vietnamese board', async () => {
      const items = (await call(vn, 'GET', '/api/console/boards/locate-rescues')).body.items as {
        case_id: string;
        status: string;
        direction: string;
      }[];
      return items.find((item) => item.case_id === rescueId && item.status === 'rescued');
    });
    expect(board.direction).toBe('outgoing');
    const timeline = (await call(vn, 'GET', `/api/locate-rescues/${rescueId}/timeline`)).body.timeline as {
      type: string;
    }[];
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'LocateRescueRequested',
        'LocateRescueAcknowledged',
        'LocateRescueProgressReported',
        'MissingPersonLocated',
        'MissingPersonRescued',
        'LocateRescueCaseLinked',
      ]),
    );
  });

  it('CN asks VN to locate and rescue; VN rescues her and asks CN to verify her (verification, linked)', async () => {
    const rescueId = await rescueUntilRescued(cn, vn);
    const verificationId = await open(vn, 'verifications', {
      ...example('DraftVerificationRequest'),
      counterpart: cn.agency.agencyId,
    });
    await step(vn, 'verifications', verificationId, 'send', {});
    await step(vn, 'locate-rescues', rescueId, 'cases', {
      process: 'verification',
      linkedCaseId: verificationId,
    });
    await linkedOn(cn, 'locate-rescues', rescueId, verificationId);
    await reach(cn, 'verifications', verificationId, 'received');
  });

  /** `requester` holds a warrant and asks `requested` to arrest the suspect, then to hand him over. */
  const wantedUntilHandover = async (requester: Side, requested: Side) => {
    const wantedId = await open(requester, 'wanted-persons', {
      ...example('RequestWantedPerson'),
      counterpart: requested.agency.agencyId,
    });
    await reach(requested, 'wanted-persons', wantedId, 'requested');
    await step(requested, 'wanted-persons', wantedId, 'acknowledge', example('AcknowledgeWantedPerson'));
    await reach(requester, 'wanted-persons', wantedId, 'acknowledged');
    await step(requested, 'wanted-persons', wantedId, 'progress', example('ReportWantedPersonProgress'));
    await step(requested, 'wanted-persons', wantedId, 'arrested', example('RecordWantedPersonArrest'));
    const arrested = await reach(requester, 'wanted-persons', wantedId, 'arrested');
    expect(arrested.progress).toHaveLength(1);
    // The arrest leads into the suspect hand-over: the warrant's side requests it and links it.
    const handoverId = await open(requester, 'suspect-handovers', {
      ...example('RequestSuspectHandover'),
      counterpart: requested.agency.agencyId,
    });
    await step(requester, 'wanted-persons', wantedId, 'cases', {
      process: 'handover',
      linkedCaseId: handoverId,
    });
    await linkedOn(requested, 'wanted-persons', wantedId, handoverId);
    await reach(requested, 'suspect-handovers', handoverId, 'requested');
    await step(requested, 'suspect-handovers', handoverId, 'accept', example('AcceptSuspectHandover'));
    await reach(requester, 'suspect-handovers', handoverId, 'accepted');
    return wantedId;
  };

  it('VN asks CN for a wanted person; CN arrests him; the suspect hand-over follows, linked', async () => {
    const wantedId = await wantedUntilHandover(vn, cn);
    const items = (await call(cn, 'GET', '/api/console/boards/wanted-persons')).body.items as {
      case_id: string;
      direction: string;
    }[];
    expect(items.find((item) => item.case_id === wantedId)?.direction).toBe('incoming');
  });

  it('CN asks VN for a wanted person; VN arrests him; the suspect hand-over follows, linked', async () => {
    await wantedUntilHandover(cn, vn);
  });

  it('refuses a link before the rescue (409) and changes nothing', async () => {
    const caseId = await open(vn, 'locate-rescues', {
      ...example('RequestLocateRescue'),
      counterpart: cn.agency.agencyId,
    });
    const refused = await call(
      vn,
      'POST',
      `/api/locate-rescues/${caseId}/cases`,
      example('LinkCaseToLocateRescue'),
    );
    expect(refused.status).toBe(409);
    expect((await stateOf(vn, 'locate-rescues', caseId)).linkedCases).toEqual([]);
  });
});
