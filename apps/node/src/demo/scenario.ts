import { waitFor } from '@xb/testing';
import { COMMAND_ROUTES } from '../api/command-routes';
import { OfficerClient } from './officer-client';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());
const FINAL_WAIT_MS = 60_000;

/** The demo's agencies, each reached through one of its officers at its node's API. */
export interface DemoNodes {
  /** VN.BGC.LAICHAU: the Vietnamese border guard of Lai Chau, driven by its officers. */
  readonly vn: OfficerClient;
  /** CN.YN.BORDERPOLICE: Yunnan border police; its responder answers Vietnam's requests. */
  readonly cn: OfficerClient;
  /** LA.PHONGSALY.POLICE: Phongsaly provincial police; its responder answers Vietnam's requests. */
  readonly la: OfficerClient;
}

export interface CaseOutcome {
  readonly process: string;
  readonly resource: string;
  readonly caseId: string;
  /** The final status each side of the case must reach. */
  readonly expected: readonly { readonly client: OfficerClient; readonly status: string }[];
}

/** What a step uses: the case moves only through the officers' API, as a person's browser would. */
export interface ScenarioTools {
  /** Waits until the case is `status` on that node. */
  readonly reach: (
    client: OfficerClient,
    resource: string,
    caseId: string,
    status: string,
  ) => Promise<unknown>;
  /** Opens a case at `from` with the route's example addressed to `to`; returns its id. */
  readonly open: (
    from: OfficerClient,
    to: OfficerClient,
    resource: string,
    command: string,
    extra?: Record<string, unknown>,
  ) => Promise<string>;
  /** Waits until `fact` holds of the case's state on that node (particulars un-hidden when asked). */
  readonly until: (
    client: OfficerClient,
    resource: string,
    caseId: string,
    what: string,
    fact: (state: Record<string, unknown>) => boolean,
    particulars?: boolean,
  ) => Promise<Record<string, unknown>>;
  /** Takes a step with the route's example body (plus `extra`). */
  readonly step: (
    client: OfficerClient,
    resource: string,
    caseId: string,
    action: string,
    command: string,
    extra?: Record<string, unknown>,
  ) => Promise<unknown>;
}

/** One part of the story: a title for the printed timeline and the case it runs to its final state. */
export interface ScenarioStep {
  readonly title: string;
  readonly run: (
    nodes: DemoNodes,
    tools: ScenarioTools,
    earlier: readonly CaseOutcome[],
  ) => Promise<CaseOutcome>;
}

const caseOf = (earlier: readonly CaseOutcome[], process: string) =>
  earlier.find((o) => o.process === process)!.caseId;

const minutesStatus = (state: Record<string, unknown>) =>
  (state.minutes as { status?: string } | undefined)?.status;

/**
 * Both sides sign one record of a hand-over at the gate, before the hand-over is recorded (it is refused
 * until then): the handing side's officer draws it up (its key signs it); the receiving side's officer
 * checks it against what they see and agrees it (its key countersigns). The minutes name the persons, so
 * the receiving side reads them with particulars un-hidden.
 */
export async function coSignMinutes(
  { handing, receiving }: { readonly handing: OfficerClient; readonly receiving: OfficerClient },
  { step, until }: Pick<ScenarioTools, 'step' | 'until'>,
  resource: 'repatriations' | 'suspect-handovers',
  process: 'Repatriation' | 'SuspectHandover',
  caseId: string,
  handedOverAt: string,
): Promise<void> {
  const [handingOfficer, receivingOfficer] = (example(`Propose${process}Minutes`) as { officers: object[] })
    .officers;
  await step(handing, resource, caseId, 'minutes', `Propose${process}Minutes`, {
    handedOverAt,
    officers: [
      { ...handingOfficer, agency: handing.agencyId },
      { ...receivingOfficer, agency: receiving.agencyId },
    ],
  });
  const received = await until(
    receiving,
    resource,
    caseId,
    'the minutes awaiting our agreement',
    (state) => minutesStatus(state) === 'awaiting_our_agreement',
    true,
  );
  await step(receiving, resource, caseId, 'minutes-countersign', `Countersign${process}Minutes`, {
    minutes: (received.minutes as { minutes: unknown }).minutes,
  });
  for (const side of [receiving, handing])
    await until(
      side,
      resource,
      caseId,
      'the minutes co-signed',
      (state) => minutesStatus(state) === 'co_signed',
    );
}

/** Why the demo's officers un-hide particulars (docs/confidentiality.md: every view states a reason). */
export const PARTICULARS_REASON = 'Countersigning the hand-over minutes at the gate';

/** The path of a case's view; with particulars, un-hidden for the stated reason. */
export const casePath = (resource: string, caseId: string, particulars = false) =>
  `/api/${resource}/${caseId}${particulars ? `?particulars=true&reason=${encodeURIComponent(PARTICULARS_REASON)}` : ''}`;

/**
 * The demo's story, in order; a new process adds its step here. Vietnam's officers act at the VN node;
 * the Chinese and Lao officers' requests are made at their nodes' APIs, and their answers to Vietnam's
 * requests come from each node's responder.
 */
export const SCENARIO: readonly ScenarioStep[] = [
  {
    title:
      'locate-and-rescue: Vietnam asks China to find a woman from Phong Tho and her son, reported missing by her mother',
    run: async ({ vn, cn }, { open, step, reach }) => {
      const id = await open(vn, cn, 'locate-rescues', 'RequestLocateRescue');
      // China's responder takes the request on; its officers then search and report to Vietnam.
      await reach(cn, 'locate-rescues', id, 'acknowledged');
      await step(cn, 'locate-rescues', id, 'progress', 'ReportLocateRescueProgress');
      await step(cn, 'locate-rescues', id, 'located', 'RecordPersonLocated');
      await step(cn, 'locate-rescues', id, 'rescued', 'RecordPersonRescued');
      await reach(vn, 'locate-rescues', id, 'rescued');
      return {
        process: 'locate-and-rescue',
        resource: 'locate-rescues',
        caseId: id,
        expected: [
          { client: vn, status: 'rescued' },
          { client: cn, status: 'rescued' },
        ],
      };
    },
  },
  {
    title:
      'verification: China asks Vietnam to verify the identity, nationality and family of a woman rescued in Hekou',
    run: async ({ vn, cn }, { open, step, reach, until }, earlier) => {
      const id = await open(cn, vn, 'verifications', 'DraftVerificationRequest', {
        purposes: ['identity', 'nationality', 'family'],
      });
      await step(cn, 'verifications', id, 'send', 'SendVerificationRequest');
      const rescue = earlier.find((o) => o.process === 'locate-and-rescue');
      // The rescue Vietnam asked for leads here: China links the verification to it (both sides see it).
      if (rescue)
        await step(cn, 'locate-rescues', rescue.caseId, 'cases', 'LinkCaseToLocateRescue', {
          process: 'verification',
          linkedCaseId: id,
        });
      await reach(vn, 'verifications', id, 'received');
      // Vietnamese police check the household registry and ask the commune, then answer each purpose:
      // identity and nationality confirmed, her family traced.
      await step(vn, 'verifications', id, 'answer', 'AnswerVerificationRequest', {
        outcome: 'confirmed',
        answers: { identity: 'confirmed', nationality: 'confirmed', family: 'traced' },
      });
      await until(cn, 'verifications', id, 'each purpose answered', (state) => {
        const answers = (state.answer as { answers?: Record<string, string> } | undefined)?.answers;
        return (
          answers?.identity === 'confirmed' &&
          answers.nationality === 'confirmed' &&
          answers.family === 'traced'
        );
      });
      await step(cn, 'verifications', id, 'close', 'CloseVerification');
      return {
        process: 'verification',
        resource: 'verifications',
        caseId: id,
        expected: [
          { client: cn, status: 'closed' },
          { client: vn, status: 'answered' },
        ],
      };
    },
  },
  {
    title:
      'repatriation: China hands the woman and her son over to Vietnam at the Ma Lu Thang - Jinshuihe gate',
    run: async ({ vn, cn }, { open, step, reach, until }, earlier) => {
      const id = await open(cn, vn, 'repatriations', 'RequestRepatriation', {
        annex: {
          ...(example('RequestRepatriation').annex as Record<string, unknown>),
          verificationCaseId: caseOf(earlier, 'verification'),
        },
      });
      const rescue = earlier.find((o) => o.process === 'locate-and-rescue');
      if (rescue)
        await step(cn, 'locate-rescues', rescue.caseId, 'cases', 'LinkCaseToLocateRescue', {
          process: 'repatriation',
          linkedCaseId: id,
        });
      await reach(vn, 'repatriations', id, 'requested');
      // Vietnam's acceptance rests on the verification it answered.
      await step(vn, 'repatriations', id, 'start-verification', 'StartRepatriationVerification', {
        verificationCaseId: caseOf(earlier, 'verification'),
      });
      await step(vn, 'repatriations', id, 'accept', 'AcceptRepatriation');
      await reach(cn, 'repatriations', id, 'accepted');
      // China proposes the date at the gate; Vietnam's copy of the schedule is the agreed one.
      await step(cn, 'repatriations', id, 'schedule', 'ScheduleRepatriationHandover');
      await reach(vn, 'repatriations', id, 'scheduled');
      // At the gate both sides sign one record of the hand-over: China draws it up and signs, Vietnam
      // checks it against what it sees and countersigns (the minutes name the persons: particulars).
      const handedOverAt = new Date().toISOString();
      await coSignMinutes(
        { handing: cn, receiving: vn },
        { step, until },
        'repatriations',
        'Repatriation',
        id,
        handedOverAt,
      );
      await step(cn, 'repatriations', id, 'handover', 'RecordRepatriationHandover', { handedOverAt });
      await reach(vn, 'repatriations', id, 'handed_over');
      await step(vn, 'repatriations', id, 'reception', 'ConfirmRepatriationReception', {
        receivedAt: new Date().toISOString(),
      });
      // Vietnam identifies her as a victim of trafficking (the ground of the support she is referred
      // to) and the identification notice reaches China, which records it on its side of the case.
      await step(vn, 'repatriations', id, 'identification', 'IdentifyRepatriationVictim');
      await until(cn, 'repatriations', id, "Vietnam's identification of the victim", (state) => {
        const identification = state.identification as { decision?: string; decidedBy?: string } | undefined;
        return identification?.decision === 'identified' && identification.decidedBy === vn.agencyId;
      });
      await step(vn, 'repatriations', id, 'referral', 'ReferRepatriatedVictim');
      await reach(cn, 'repatriations', id, 'received');
      return {
        process: 'repatriation',
        resource: 'repatriations',
        caseId: id,
        expected: [
          { client: cn, status: 'received' },
          { client: vn, status: 'referred' },
        ],
      };
    },
  },
  {
    title: 'wanted person: Vietnam asks China to locate and arrest a broker wanted on a Lai Chau warrant',
    run: async ({ vn, cn }, { open, step, reach }) => {
      const id = await open(vn, cn, 'wanted-persons', 'RequestWantedPerson');
      // China's responder takes the request on; its officers report the search and the arrest.
      await reach(cn, 'wanted-persons', id, 'acknowledged');
      await step(cn, 'wanted-persons', id, 'progress', 'ReportWantedPersonProgress');
      await step(cn, 'wanted-persons', id, 'arrested', 'RecordWantedPersonArrest');
      await reach(vn, 'wanted-persons', id, 'arrested');
      return {
        process: 'wanted person',
        resource: 'wanted-persons',
        caseId: id,
        expected: [
          { client: vn, status: 'arrested' },
          { client: cn, status: 'arrested' },
        ],
      };
    },
  },
  {
    title:
      'suspect hand-over: Vietnam asks China to hand over the broker it arrested, with co-signed minutes',
    run: async ({ vn, cn }, { open, step, reach, until }, earlier) => {
      const id = await open(vn, cn, 'suspect-handovers', 'RequestSuspectHandover');
      const wanted = earlier.find((o) => o.process === 'wanted person');
      // The arrest Vietnam asked for leads into this hand-over: Vietnam links it (both sides see it).
      if (wanted)
        await step(vn, 'wanted-persons', wanted.caseId, 'cases', 'LinkCaseToWantedPerson', {
          process: 'handover',
          linkedCaseId: id,
        });
      await reach(vn, 'suspect-handovers', id, 'accepted');
      await step(vn, 'suspect-handovers', id, 'schedule', 'ScheduleSuspectHandover');
      await reach(cn, 'suspect-handovers', id, 'scheduled');
      // At the gate China's officer draws up the minutes (the suspect named by the case and the warrant),
      // its key signs them; Vietnam, taking custody, countersigns. Only then does China's responder
      // record the hand-over, at the time the minutes give.
      await coSignMinutes(
        { handing: cn, receiving: vn },
        { step, until },
        'suspect-handovers',
        'SuspectHandover',
        id,
        new Date().toISOString(),
      );
      await reach(cn, 'suspect-handovers', id, 'handed_over');
      await reach(vn, 'suspect-handovers', id, 'handed_over');
      return {
        process: 'suspect hand-over',
        resource: 'suspect-handovers',
        caseId: id,
        expected: [
          { client: vn, status: 'handed_over' },
          { client: cn, status: 'handed_over' },
        ],
      };
    },
  },
  {
    title: 'joint crackdown period with the two cases linked, closed by its joint result report',
    run: async ({ vn, cn }, { open, step, reach }, earlier) => {
      // A period that is running now (a report can close a period only once it has started).
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const proposal = example('ProposeJointOperation') as { terms: Record<string, unknown> };
      const id = await open(vn, cn, 'joint-operations', 'ProposeJointOperation', {
        terms: { ...proposal.terms, name: 'Winter joint crackdown', startDate: day(-80), endDate: day(10) },
      });
      await reach(vn, 'joint-operations', id, 'agreed');
      for (const [process, linked] of [
        ['repatriation', 'repatriation'],
        ['handover', 'suspect hand-over'],
      ])
        await step(vn, 'joint-operations', id, 'cases', 'LinkCaseToJointOperation', {
          process,
          linkedCaseId: caseOf(earlier, linked),
        });
      await step(vn, 'joint-operations', id, 'close', 'CloseJointOperation');
      await reach(cn, 'joint-operations', id, 'closed');
      return {
        process: 'joint crackdown',
        resource: 'joint-operations',
        caseId: id,
        expected: [
          { client: vn, status: 'closed' },
          { client: cn, status: 'closed' },
        ],
      };
    },
  },
  {
    title: 'liaison meeting at Ma Lu Thang: minutes with action items, each tracked on both sides until done',
    run: async ({ vn, cn }, { open, step, reach, until }) => {
      const id = await open(vn, cn, 'liaison-meetings', 'ProposeLiaisonMeeting');
      await reach(cn, 'liaison-meetings', id, 'proposed');
      await step(cn, 'liaison-meetings', id, 'agree', 'AgreeLiaisonMeeting');
      await reach(vn, 'liaison-meetings', id, 'agreed');
      await step(vn, 'liaison-meetings', id, 'held', 'RecordLiaisonMeetingHeld');
      await reach(cn, 'liaison-meetings', id, 'held');
      // China writes the minutes: item 1 is Vietnam's, item 2 China's.
      const { actionItems } = example('RecordLiaisonMeetingMinutes') as { actionItems: object[] };
      await step(cn, 'liaison-meetings', id, 'minutes', 'RecordLiaisonMeetingMinutes', {
        actionItems: actionItems.map((item, i) => ({ ...item, owner: [vn, cn][i].agencyId })),
      });
      await reach(vn, 'liaison-meetings', id, 'closed');
      const done = (number: number) => (state: Record<string, unknown>) =>
        (state.actionItems as { number: number; done: boolean }[]).some((i) => i.number === number && i.done);
      await step(vn, 'liaison-meetings', id, 'action-items-done', 'CompleteLiaisonActionItem', { number: 1 });
      await until(cn, 'liaison-meetings', id, 'action item 1 done', done(1));
      await step(cn, 'liaison-meetings', id, 'action-items-done', 'CompleteLiaisonActionItem', {
        number: 2,
        remarks: 'Checked against the Jinping shelters; two matches sent to Lai Chau.',
      });
      await until(vn, 'liaison-meetings', id, 'action item 2 done', done(2));
      return {
        process: 'liaison meeting',
        resource: 'liaison-meetings',
        caseId: id,
        expected: [
          { client: vn, status: 'closed' },
          { client: cn, status: 'closed' },
        ],
      };
    },
  },
  {
    title: 'information notice to China on a new recruitment method',
    run: async ({ vn, cn }, { open, reach }) => {
      const id = await open(vn, cn, 'notices', 'SendInformationNotice');
      await reach(cn, 'notices', id, 'processed');
      return {
        process: 'information notice',
        resource: 'notices',
        caseId: id,
        expected: [
          { client: vn, status: 'sent' },
          { client: cn, status: 'processed' },
        ],
      };
    },
  },
  {
    // Lai Chau does not border Laos: identity is verified where the person's household is registered,
    // whichever border she crossed (docs/operations.md, "The demo").
    title:
      'verification with Laos: Phongsaly police ask Vietnam about a woman from Muong Te found in Phongsaly',
    run: async ({ vn, la }, { open, step, reach }) => {
      const id = await open(la, vn, 'verifications', 'DraftVerificationRequest', {
        details: 'Found in Boun Tai district, Phongsaly; states she is from Muong Te district, Lai Chau.',
        annex: { fileReference: 'PSL-2026-031', traffickingForm: 'forced_labour' },
      });
      await step(la, 'verifications', id, 'send', 'SendVerificationRequest');
      await reach(vn, 'verifications', id, 'received');
      await step(vn, 'verifications', id, 'answer', 'AnswerVerificationRequest');
      await reach(la, 'verifications', id, 'answered');
      await step(la, 'verifications', id, 'close', 'CloseVerification');
      return {
        process: 'verification (Laos)',
        resource: 'verifications',
        caseId: id,
        expected: [
          { client: la, status: 'closed' },
          { client: vn, status: 'answered' },
        ],
      };
    },
  },
  {
    title: 'information notice to Laos on a route through Dien Bien into Phongsaly',
    run: async ({ vn, la }, { open, reach }) => {
      const id = await open(vn, la, 'notices', 'SendInformationNotice', {
        title: 'Brokers moving recruits through Tay Trang',
        content: 'Recruits are taken by motorbike to Tay Trang and across to Phongsaly at dawn.',
      });
      await reach(la, 'notices', id, 'processed');
      return {
        process: 'notice (Laos)',
        resource: 'notices',
        caseId: id,
        expected: [
          { client: vn, status: 'sent' },
          { client: la, status: 'processed' },
        ],
      };
    },
  },
];

/** The tools of a step: every wait is bounded and waits on the case's state through the API. */
export function scenarioTools(): ScenarioTools {
  return {
    reach: (client, resource, caseId, status) =>
      waitFor(
        `${resource} ${caseId} to be ${status} on ${client.agencyId}`,
        async () => (await client.status(resource, caseId)) === status,
        { timeoutMs: FINAL_WAIT_MS, intervalMs: 100 },
      ),
    open: async (from, to, resource, command, extra = {}) =>
      (await from.post(`/api/${resource}`, { ...example(command), counterpart: to.agencyId, ...extra }))
        .caseId as string,
    until: (client, resource, caseId, what, fact, particulars = false) =>
      waitFor(
        `${resource} ${caseId}: ${what} on ${client.agencyId}`,
        async () => {
          const { state } = (await client.get(casePath(resource, caseId, particulars))) as {
            state?: Record<string, unknown>;
          };
          return state && fact(state) ? state : undefined;
        },
        { timeoutMs: FINAL_WAIT_MS, intervalMs: 100 },
      ),
    step: (client, resource, caseId, action, command, extra = {}) =>
      client.post(`/api/${resource}/${caseId}/${action}`, { ...example(command), ...extra }),
  };
}

/** Runs the scenario's steps in order, printing each title; returns the cases and their expected ends. */
export async function runScenario(
  nodes: DemoNodes,
  say: (line: string) => void,
  steps: readonly ScenarioStep[] = SCENARIO,
): Promise<CaseOutcome[]> {
  const tools = scenarioTools();
  const outcomes: CaseOutcome[] = [];
  for (const [index, step] of steps.entries()) {
    say(`-- ${index + 1}. ${step.title}`);
    outcomes.push(await step.run(nodes, tools, outcomes));
  }
  return outcomes;
}
