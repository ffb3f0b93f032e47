import fs from 'node:fs';
import { waitFor } from '@xb/testing';
import { RunningNode } from '../node-app';
import { OfficerClient } from '../demo/officer-client';
import { CaseOutcome, DemoNodes, runScenario, SCENARIO } from '../demo/scenario';
import { prepareAgencies, startTestNode, TestAgency, tokenFor } from '../testing/node-pair';

const stepsOf = (...titles: string[]) =>
  titles.map((start) => SCENARIO.find((step) => step.title.startsWith(start))!);

describe('three nodes over the real Kafka: China and Laos ask Vietnam, Vietnam answers and receives', () => {
  let root: string;
  let agencies: TestAgency[];
  const nodes: RunningNode[] = [];
  let officers: DemoNodes;

  beforeAll(async () => {
    ({ root, agencies } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE', 'LA.PHONGSALY.POLICE']));
    // As in the demo, China and Laos answer Vietnam's requests through their responders.
    const roles = ['api,gateway,projector,sealer', ...Array(2).fill('api,gateway,projector,sealer,responder')];
    for (const [i, agency] of agencies.entries())
      nodes.push(await startTestNode({ ...agency, env: { ...agency.env, XB_ROLES: roles[i] } }));
    const clients = await Promise.all(
      agencies.map(
        async (agency, i) =>
          new OfficerClient(
            agency.agencyId,
            nodes[i].url!,
            await tokenFor(agency, {
              id: `officer-${i}`,
              roles: ['liaison_officer', 'border_guard_command', 'auditor'],
            }),
          ),
      ),
    );
    officers = { vn: clients[0], cn: clients[1], la: clients[2] };
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    fs.rmSync(root, { recursive: true, force: true });
  });

  const finalStates = async (outcome: CaseOutcome) =>
    Promise.all(outcome.expected.map(({ client }) => client.status(outcome.resource, outcome.caseId)));

  it('Vietnam asks China to find a woman; China rescues her, asks Vietnam to verify her, hands her and her son over under co-signed minutes; Vietnam receives and refers', async () => {
    const [rescue, verification, repatriation] = await runScenario(
      officers,
      () => undefined,
      stepsOf('locate-and-rescue', 'verification: China asks Vietnam', 'repatriation: China hands'),
    );
    expect(await finalStates(rescue)).toEqual(['rescued', 'rescued']);
    expect(await finalStates(verification)).toEqual(['closed', 'answered']);
    const { vn, cn } = officers;
    // The verification was China's request and Vietnam's answer, on both sides.
    const vnVerification = (await vn.get(`/api/verifications/${verification.caseId}`)).state as Record<
      string,
      unknown
    >;
    expect(vnVerification).toMatchObject({ ourSide: 'responder', counterpart: cn.agencyId });
    const cnVerification = (await cn.get(`/api/verifications/${verification.caseId}`)).state as Record<
      string,
      unknown
    >;
    // China asked identity, nationality and family; Vietnam answered each.
    expect(cnVerification).toMatchObject({
      ourSide: 'requester',
      purposes: ['identity', 'nationality', 'family'],
      answer: expect.objectContaining({
        outcome: 'confirmed',
        answers: { identity: 'confirmed', nationality: 'confirmed', family: 'traced' },
      }),
    });

    // China's side ends at Vietnam's confirmed reception (the referral is Vietnam's own step).
    await waitFor('the reception on the Chinese node', async () =>
      (await cn.status('repatriations', repatriation.caseId)) === 'received');
    expect(await finalStates(repatriation)).toEqual(['received', 'referred']);
    const vnCase = (await vn.get(`/api/repatriations/${repatriation.caseId}`)).state as Record<string, unknown>;
    expect(vnCase).toMatchObject({
      ourSide: 'receiving',
      counterpart: cn.agencyId,
      verificationCaseId: verification.caseId,
      schedule: expect.objectContaining({ borderGate: 'Ma Lu Thang - Jinshuihe' }),
      referral: { services: ['shelter', 'medical', 'legal', 'family_reunification'], referredTo: expect.any(String) },
    });
    expect(vnCase.children).toEqual([expect.objectContaining({ handedOver: true, received: true })]);
    const cnCase = (await cn.get(`/api/repatriations/${repatriation.caseId}`)).state as Record<string, unknown>;
    expect(cnCase).toMatchObject({
      ourSide: 'requesting',
      reception: { facility: 'Lai Chau social protection centre', receivedAt: expect.any(String) },
    });
    expect(cnCase.children).toEqual([expect.objectContaining({ handedOver: true, received: true })]);
    // Vietnam identified her as a victim of trafficking, and China holds that decision too.
    for (const state of [vnCase, cnCase])
      expect(state.identification).toMatchObject({ decision: 'identified', decidedBy: vn.agencyId });
    // One set of minutes, co-signed by both agencies, kept on both nodes.
    for (const state of [vnCase, cnCase])
      expect(state.minutes).toMatchObject({
        status: 'co_signed',
        signatures: expect.arrayContaining([
          expect.objectContaining({ agency: cn.agencyId }),
          expect.objectContaining({ agency: vn.agencyId }),
        ]),
      });
    // The rescue Vietnam asked for leads into the verification and the repatriation, on both sides.
    const links = [
      { process: 'verification', linkedCaseId: verification.caseId },
      { process: 'repatriation', linkedCaseId: repatriation.caseId },
    ];
    for (const side of [vn, cn])
      await waitFor(`both links on ${side.agencyId}`, async () => {
        const state = (await side.get(`/api/locate-rescues/${rescue.caseId}`)).state as { linkedCases: unknown[] };
        return links.every((link) => state.linkedCases.some((l) => expect.objectContaining(link).asymmetricMatch(l)));
      });
  }, 180_000);

  it('Vietnam asks China to arrest a wanted broker, then for his hand-over, linked on both sides', async () => {
    const [wanted, handover] = await runScenario(
      officers,
      () => undefined,
      stepsOf('wanted person', 'suspect hand-over'),
    );
    expect(await finalStates(wanted)).toEqual(['arrested', 'arrested']);
    expect(await finalStates(handover)).toEqual(['handed_over', 'handed_over']);
    for (const side of [officers.vn, officers.cn])
      await waitFor(`the hand-over linked on ${side.agencyId}`, async () => {
        const state = (await side.get(`/api/wanted-persons/${wanted.caseId}`)).state as {
          linkedCases: { process: string; linkedCaseId: string }[];
        };
        return state.linkedCases.some((l) => l.process === 'handover' && l.linkedCaseId === handover.caseId);
      });
  }, 120_000);

  it('a liaison meeting closes with minutes whose action items both sides see done', async () => {
    const [meeting] = await runScenario(officers, () => undefined, stepsOf('liaison meeting'));
    expect(await finalStates(meeting)).toEqual(['closed', 'closed']);
    for (const side of [officers.vn, officers.cn]) {
      const state = (await side.get(`/api/liaison-meetings/${meeting.caseId}`)).state as {
        actionItems: { number: number; done: boolean; owner: string }[];
      };
      expect(state.actionItems.map(({ number, done, owner }) => ({ number, done, owner }))).toEqual([
        { number: 1, done: true, owner: officers.vn.agencyId },
        { number: 2, done: true, owner: officers.cn.agencyId },
      ]);
    }
  }, 120_000);

  it('Laos asks Vietnam to verify a woman from Lai Chau, and Vietnam sends Laos a notice it processes', async () => {
    const [verification, notice] = await runScenario(
      officers,
      () => undefined,
      stepsOf('verification with Laos', 'information notice to Laos'),
    );
    expect(await finalStates(verification)).toEqual(['closed', 'answered']);
    expect(await finalStates(notice)).toEqual(['sent', 'processed']);
    const { vn, la } = officers;
    const timeline = (await la.get(`/api/verifications/${verification.caseId}/timeline`)).timeline as {
      type: string;
    }[];
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['VerificationRequestSent', 'OutboundMessageReceipted', 'VerificationAnswered']),
    );
    expect(((await vn.get(`/api/verifications/${verification.caseId}`)).state as { counterpart: string }).counterpart).toBe(
      la.agencyId,
    );
  }, 120_000);
});
