import fs from 'node:fs';
import { waitFor } from '@xb/testing';
import { RunningNode } from '../node-app';
import { OfficerClient } from '../demo/officer-client';
import { CaseOutcome, coSignMinutes, DemoNodes, runScenario, SCENARIO, ScenarioStep } from '../demo/scenario';
import { prepareAgencies, startTestNode, TestAgency, tokenFor } from '../testing/node-pair';

const stepsOf = (...titles: string[]) =>
  titles.map((start) => SCENARIO.find((step) => step.title.startsWith(start))!);

/** The Lao-Vietnamese gate between Dien Bien and Phongsaly. */
const LAO_GATE = 'Tay Trang - Pang Hok';
/** A gate-local date well ahead of any clock the test runs on (the verdict does not depend on it). */
const gateDate = () => new Date(Date.now() + 17 * 86_400_000).toISOString().slice(0, 10);
/** A hand-over arranged at the Lao gate, `time` in the local time of the side that sets it. */
const atLaoGate = (time: string, receivingUnit: string) => ({
  borderGate: LAO_GATE,
  date: gateDate(),
  time,
  receivingUnit,
});
/** `date time` on the Lao then the Vietnamese side: both UTC+7, each in its own zone. */
const laoAndVietnameseTime = (date: string, time: string) =>
  `${date} ${time} Asia/Vientiane / ${date} ${time} Asia/Ho_Chi_Minh`;

/** A step's case and the status each side ends in. */
const ended = (
  process: string,
  resource: string,
  caseId: string,
  ...expected: [OfficerClient, string][]
): CaseOutcome => ({
  process,
  resource,
  caseId,
  expected: expected.map(([client, status]) => ({ client, status })),
});

/** The case an earlier step of the run opened for `process`. */
const caseOf = (earlier: readonly CaseOutcome[], process: string) =>
  earlier.find((outcome) => outcome.process === process)!.caseId;

/**
 * With Laos, as the officers of each side work it: Vietnam asks Laos to find a woman reported missing by
 * her family; Lao police take the request on (the responder), report, locate and rescue her; Laos asks
 * Vietnam to verify her and to take her back (both linked to the rescue); Vietnam answers and accepts;
 * Laos sets the date at the gate (in both sides' local time), hands her over, and Vietnam receives her
 * and refers her to support.
 */
const LAO_RESCUE: readonly ScenarioStep[] = [
  {
    title: 'locate-and-rescue: Vietnam asks Laos to find a woman believed taken to Phongsaly',
    run: async ({ vn, la }, { open, step, reach, until }) => {
      const id = await open(vn, la, 'locate-rescues', 'RequestLocateRescue', {
        suspectedPlace: 'Boun Tai district, Phongsaly',
      });
      await reach(vn, 'locate-rescues', id, 'acknowledged');
      await step(vn, 'locate-rescues', id, 'progress', 'ReportLocateRescueProgress', {
        summary: 'Her mother had a call from a Phongsaly number.',
      });
      await step(la, 'locate-rescues', id, 'progress', 'ReportLocateRescueProgress');
      await step(la, 'locate-rescues', id, 'located', 'RecordPersonLocated');
      await reach(vn, 'locate-rescues', id, 'located');
      await step(la, 'locate-rescues', id, 'rescued', 'RecordPersonRescued');
      await reach(vn, 'locate-rescues', id, 'rescued');
      for (const side of [vn, la])
        await until(
          side,
          'locate-rescues',
          id,
          'both progress reports',
          (state) => Array.isArray(state.progress) && state.progress.length === 2,
        );
      return ended('locate-and-rescue', 'locate-rescues', id, [vn, 'rescued'], [la, 'rescued']);
    },
  },
  {
    title: 'verification: Laos asks Vietnam to verify the woman it rescued, linked to the rescue',
    run: async ({ vn, la }, { open, step, reach }, earlier) => {
      const id = await open(la, vn, 'verifications', 'DraftVerificationRequest');
      await step(la, 'verifications', id, 'send', 'SendVerificationRequest');
      await step(
        la,
        'locate-rescues',
        caseOf(earlier, 'locate-and-rescue'),
        'cases',
        'LinkCaseToLocateRescue',
        {
          process: 'verification',
          linkedCaseId: id,
        },
      );
      await reach(vn, 'verifications', id, 'received');
      await step(vn, 'verifications', id, 'answer', 'AnswerVerificationRequest');
      await reach(la, 'verifications', id, 'answered');
      return ended('verification', 'verifications', id, [la, 'answered'], [vn, 'answered']);
    },
  },
  {
    title: `repatriation: Laos hands the woman over to Vietnam at the ${LAO_GATE} gate`,
    run: async ({ vn, la }, { open, step, reach, until }, earlier) => {
      const id = await open(la, vn, 'repatriations', 'RequestRepatriation');
      await step(
        la,
        'locate-rescues',
        caseOf(earlier, 'locate-and-rescue'),
        'cases',
        'LinkCaseToLocateRescue',
        {
          process: 'repatriation',
          linkedCaseId: id,
        },
      );
      await reach(vn, 'repatriations', id, 'requested');
      await step(vn, 'repatriations', id, 'start-verification', 'StartRepatriationVerification', {
        verificationCaseId: caseOf(earlier, 'verification'),
      });
      await step(vn, 'repatriations', id, 'accept', 'AcceptRepatriation');
      await reach(la, 'repatriations', id, 'accepted');
      await step(
        la,
        'repatriations',
        id,
        'schedule',
        'ScheduleRepatriationHandover',
        atLaoGate('09:30', 'Tay Trang border post'),
      );
      await reach(vn, 'repatriations', id, 'scheduled');
      // Laos records the hand-over only once both sides signed the minutes at the gate.
      const handedOverAt = new Date().toISOString();
      await coSignMinutes(
        { handing: la, receiving: vn },
        { step, until },
        'repatriations',
        'Repatriation',
        id,
        handedOverAt,
      );
      await step(la, 'repatriations', id, 'handover', 'RecordRepatriationHandover', { handedOverAt });
      await reach(vn, 'repatriations', id, 'handed_over');
      await step(vn, 'repatriations', id, 'reception', 'ConfirmRepatriationReception', {
        receivedAt: new Date().toISOString(),
      });
      await step(vn, 'repatriations', id, 'referral', 'ReferRepatriatedVictim');
      await reach(la, 'repatriations', id, 'received');
      return ended('repatriation', 'repatriations', id, [la, 'received'], [vn, 'referred']);
    },
  },
];

/**
 * Vietnam asks Laos to arrest a broker on a warrant; Lao police take it on (the responder), report and
 * arrest him; Vietnam asks for his hand-over (linked); Laos accepts (the responder); Vietnam sets the
 * date at the gate (in both sides' local time) and Laos hands him over at it (the responder).
 */
const LAO_WANTED: readonly ScenarioStep[] = [
  {
    title: 'wanted person: Vietnam asks Laos to locate and arrest a broker on a warrant',
    run: async ({ vn, la }, { open, step, reach }) => {
      const id = await open(vn, la, 'wanted-persons', 'RequestWantedPerson', {
        lastKnownPlace: 'Phongsaly town',
      });
      await reach(vn, 'wanted-persons', id, 'acknowledged');
      await step(la, 'wanted-persons', id, 'progress', 'ReportWantedPersonProgress');
      await step(la, 'wanted-persons', id, 'arrested', 'RecordWantedPersonArrest');
      await reach(vn, 'wanted-persons', id, 'arrested');
      return ended('wanted person', 'wanted-persons', id, [vn, 'arrested'], [la, 'arrested']);
    },
  },
  {
    title: `suspect hand-over: Laos hands the broker over to Vietnam at the ${LAO_GATE} gate`,
    run: async ({ vn, la }, { open, step, reach, until }, earlier) => {
      const id = await open(vn, la, 'suspect-handovers', 'RequestSuspectHandover');
      await step(vn, 'wanted-persons', caseOf(earlier, 'wanted person'), 'cases', 'LinkCaseToWantedPerson', {
        process: 'handover',
        linkedCaseId: id,
      });
      await reach(vn, 'suspect-handovers', id, 'accepted');
      await step(
        vn,
        'suspect-handovers',
        id,
        'schedule',
        'ScheduleSuspectHandover',
        atLaoGate('10:00', 'Dien Bien criminal police'),
      );
      await reach(la, 'suspect-handovers', id, 'scheduled');
      // Lao officers draw up the minutes at the gate, Vietnam countersigns; Laos's responder then records
      // the hand-over.
      await coSignMinutes(
        { handing: la, receiving: vn },
        { step, until },
        'suspect-handovers',
        'SuspectHandover',
        id,
        new Date().toISOString(),
      );
      await reach(vn, 'suspect-handovers', id, 'handed_over');
      return ended('suspect hand-over', 'suspect-handovers', id, [vn, 'handed_over'], [la, 'handed_over']);
    },
  },
];

describe('three nodes over the real Kafka: China and Laos ask Vietnam, Vietnam answers and receives', () => {
  let root: string;
  let agencies: TestAgency[];
  const nodes: RunningNode[] = [];
  let officers: DemoNodes;

  beforeAll(async () => {
    ({ root, agencies } = await prepareAgencies([
      'VN.BGC.LAICHAU',
      'CN.YN.BORDERPOLICE',
      'LA.PHONGSALY.POLICE',
    ]));
    // As in the demo, China and Laos answer Vietnam's requests through their responders.
    const roles = [
      'api,gateway,projector,sealer',
      ...Array(2).fill('api,gateway,projector,sealer,responder'),
    ];
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
    await waitFor(
      'the reception on the Chinese node',
      async () => (await cn.status('repatriations', repatriation.caseId)) === 'received',
    );
    expect(await finalStates(repatriation)).toEqual(['received', 'referred']);
    const vnCase = (await vn.get(`/api/repatriations/${repatriation.caseId}`)).state as Record<
      string,
      unknown
    >;
    expect(vnCase).toMatchObject({
      ourSide: 'receiving',
      counterpart: cn.agencyId,
      verificationCaseId: verification.caseId,
      schedule: expect.objectContaining({ borderGate: 'Ma Lu Thang - Jinshuihe' }),
      referral: {
        services: ['shelter', 'medical', 'legal', 'family_reunification'],
        referredTo: expect.any(String),
      },
    });
    expect(vnCase.children).toEqual([expect.objectContaining({ handedOver: true, received: true })]);
    const cnCase = (await cn.get(`/api/repatriations/${repatriation.caseId}`)).state as Record<
      string,
      unknown
    >;
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
        const state = (await side.get(`/api/locate-rescues/${rescue.caseId}`)).state as {
          linkedCases: unknown[];
        };
        return links.every((link) =>
          state.linkedCases.some((l) => expect.objectContaining(link).asymmetricMatch(l)),
        );
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
    expect(
      ((await vn.get(`/api/verifications/${verification.caseId}`)).state as { counterpart: string })
        .counterpart,
    ).toBe(la.agencyId);
  }, 120_000);

  it("China's notice for Vietnam only: Vietnam's forward to Laos is refused, China grants it on request, the forward then carries China's conditions", async () => {
    const { vn, cn, la } = officers;
    type NoticeView = {
      status: string;
      handling?: { dissemination: string; evidentialUse: string; conditions?: string };
      disseminationRequests?: { requestId: string; recipient: string; answer?: { granted: boolean } }[];
    };
    const notice = async (side: OfficerClient, id: string) =>
      (await side.get(`/api/notices/${id}`)).state as NoticeView;
    const { caseId } = (await cn.post('/api/notices', {
      counterpart: vn.agencyId,
      category: 'case_information',
      title: 'Broker network at Jinshuihe',
      content: 'Two brokers recruit at the Jinshuihe market and take women across at night.',
      handling: {
        dissemination: 'receiving_agency',
        evidentialUse: 'intelligence_only',
        conditions: 'For the Lai Chau border guard',
      },
      evaluation: { source: 'b', information: 'corroborated' },
    })) as { caseId: string };
    await waitFor(
      'the notice on the Vietnamese node',
      async () => (await vn.status('notices', caseId)) !== undefined,
    );
    expect((await notice(vn, caseId)).handling).toEqual({
      dissemination: 'receiving_agency',
      evidentialUse: 'intelligence_only',
      conditions: 'For the Lai Chau border guard',
    });

    // Refused: China restricted it to Vietnam's agency, and nothing is recorded.
    const before = (await vn.get(`/api/notices/${caseId}/timeline`)).timeline as unknown[];
    await expect(vn.post(`/api/notices/${caseId}/forward`, { counterpart: la.agencyId })).rejects.toThrow(
      /409 .*"code":"HANDLING_RESTRICTED".*"field":"counterpart"/,
    );
    expect(((await vn.get(`/api/notices/${caseId}/timeline`)).timeline as unknown[]).length).toBe(
      before.length,
    );

    // Vietnam asks China; China's officer grants with a condition; the grant comes back to Vietnam's case.
    await vn.post(`/api/notices/${caseId}/dissemination-requests`, {
      recipient: la.agencyId,
      purpose: 'The same brokers recruit in Phongsaly.',
    });
    let requestId = '';
    await waitFor('the request on the Chinese node', async () => {
      requestId = (await notice(cn, caseId)).disseminationRequests?.[0]?.requestId ?? '';
      return requestId !== '';
    });
    await cn.post(`/api/notices/${caseId}/dissemination-answers`, {
      requestId,
      granted: true,
      conditions: 'Not for use in court',
    });
    await waitFor(
      'the grant on the Vietnamese node',
      async () => (await notice(vn, caseId)).disseminationRequests?.[0]?.answer?.granted === true,
    );

    // Granted: the forward goes, and Laos receives it under China's code and both conditions.
    await vn.post(`/api/notices/${caseId}/forward`, { counterpart: la.agencyId });
    await waitFor(
      'the notice on the Lao node',
      async () => (await la.status('notices', caseId)) !== undefined,
    );
    expect((await notice(la, caseId)).handling).toEqual({
      dissemination: 'receiving_agency',
      evidentialUse: 'intelligence_only',
      conditions: 'For the Lai Chau border guard; Not for use in court',
    });
    // Both sides keep the exchange in their case (and so in their audit chain).
    for (const [side, types] of [
      [
        vn,
        [
          'InformationNoticeReceived',
          'DisseminationRequested',
          'DisseminationAnswerReceived',
          'InformationNoticeForwarded',
        ],
      ],
      [cn, ['InformationNoticeSent', 'DisseminationRequestReceived', 'DisseminationAnswered']],
    ] as const) {
      const timeline = (await side.get(`/api/notices/${caseId}/timeline`)).timeline as { type: string }[];
      expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining([...types]));
    }
    await waitFor('the forward receipted by Laos', async () => {
      const { trail } = (await vn.get(`/api/notices/${caseId}`)).state as {
        trail: { messages: Record<string, { kind: string; delivery: string }> };
      };
      return Object.values(trail.messages).some(
        (m) => m.kind === 'InformationNotice' && m.delivery === 'delivered',
      );
    });
  }, 120_000);

  /** The lines of a case's timeline on one node. */
  const timelineLines = async (client: OfficerClient, resource: string, caseId: string) =>
    ((await client.get(`/api/${resource}/${caseId}/timeline`)).timeline as { line: string }[]).map(
      (e) => e.line,
    );
  const linkedOn = (client: OfficerClient, resource: string, caseId: string, link: object) =>
    waitFor(`${JSON.stringify(link)} linked on ${client.agencyId}`, async () => {
      const state = (await client.get(`/api/${resource}/${caseId}`)).state as { linkedCases: unknown[] };
      return state.linkedCases.some((l) => expect.objectContaining(link).asymmetricMatch(l));
    });

  it('Vietnam asks Laos to locate and rescue a woman; Laos rescues her, has her verified and hands her over to Vietnam, linked; the gate time in both local times', async () => {
    const [rescue, verification, repatriation] = await runScenario(officers, () => undefined, LAO_RESCUE);
    expect(await finalStates(rescue)).toEqual(['rescued', 'rescued']);
    expect(await finalStates(verification)).toEqual(['answered', 'answered']);
    expect(await finalStates(repatriation)).toEqual(['received', 'referred']);
    const { vn, la } = officers;
    const vnRescue = (await vn.get(`/api/locate-rescues/${rescue.caseId}`)).state as Record<string, unknown>;
    const laRescue = (await la.get(`/api/locate-rescues/${rescue.caseId}`)).state as Record<string, unknown>;
    expect(vnRescue).toMatchObject({
      ourSide: 'requesting',
      counterpart: la.agencyId,
      requestedAgency: la.agencyId,
    });
    expect(laRescue).toMatchObject({
      ourSide: 'requested',
      counterpart: vn.agencyId,
      requestingAgency: vn.agencyId,
      acknowledgement: { assignedUnit: 'Duty unit' },
    });
    // Each side's progress report is on both nodes, kept with the side that sent it.
    for (const state of [vnRescue, laRescue])
      expect((state.progress as { by: string }[]).map((p) => p.by).sort()).toEqual([
        'requested',
        'requesting',
      ]);
    for (const side of [vn, la])
      for (const link of [
        { process: 'verification', linkedCaseId: verification.caseId },
        { process: 'repatriation', linkedCaseId: repatriation.caseId },
      ])
        await linkedOn(side, 'locate-rescues', rescue.caseId, link);

    // Laos set 09:30 at the gate in its own time; both nodes keep that schedule and show it in both zones.
    for (const side of [vn, la]) {
      const { schedule } = (await side.get(`/api/repatriations/${repatriation.caseId}`)).state as {
        schedule: { borderGate: string; date: string; time: string; proposedBy: string };
      };
      expect(schedule).toMatchObject({ borderGate: LAO_GATE, time: '09:30', proposedBy: la.agencyId });
      expect(await timelineLines(side, 'repatriations', repatriation.caseId)).toEqual(
        expect.arrayContaining([
          expect.stringContaining(`${LAO_GATE} on ${laoAndVietnameseTime(schedule.date, '09:30')}`),
        ]),
      );
    }
  }, 180_000);

  it('Vietnam asks Laos to arrest a wanted broker, then for his hand-over (linked); the gate time in both local times', async () => {
    const [wanted, handover] = await runScenario(officers, () => undefined, LAO_WANTED);
    expect(await finalStates(wanted)).toEqual(['arrested', 'arrested']);
    expect(await finalStates(handover)).toEqual(['handed_over', 'handed_over']);
    const { vn, la } = officers;
    expect((await la.get(`/api/wanted-persons/${wanted.caseId}`)).state).toMatchObject({
      ourSide: 'requested',
      counterpart: vn.agencyId,
      arrest: { place: expect.any(String) },
    });
    for (const side of [vn, la]) {
      await linkedOn(side, 'wanted-persons', wanted.caseId, {
        process: 'handover',
        linkedCaseId: handover.caseId,
      });
      const { schedule, holdingAgency } = (await side.get(`/api/suspect-handovers/${handover.caseId}`))
        .state as {
        schedule: { date: string; time: string; proposedBy: string };
        holdingAgency: string;
      };
      expect(holdingAgency).toBe(la.agencyId);
      expect(schedule).toMatchObject({ time: '10:00', proposedBy: vn.agencyId });
      // Vietnam set 10:00 in its own time: 10:00 in Phongsaly too (both UTC+7), the holding side first.
      expect(await timelineLines(side, 'suspect-handovers', handover.caseId)).toEqual(
        expect.arrayContaining([
          `Suspect hand-over scheduled at ${LAO_GATE} on ${laoAndVietnameseTime(schedule.date, '10:00')}`,
        ]),
      );
    }
  }, 180_000);
});
