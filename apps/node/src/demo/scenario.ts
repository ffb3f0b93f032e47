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
  readonly reach: (client: OfficerClient, resource: string, caseId: string, status: string) => Promise<unknown>;
  /** Opens a case at `from` with the route's example addressed to `to`; returns its id. */
  readonly open: (
    from: OfficerClient,
    to: OfficerClient,
    resource: string,
    command: string,
    extra?: Record<string, unknown>,
  ) => Promise<string>;
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
  readonly run: (nodes: DemoNodes, tools: ScenarioTools, earlier: readonly CaseOutcome[]) => Promise<CaseOutcome>;
}

const caseOf = (earlier: readonly CaseOutcome[], process: string) =>
  earlier.find((o) => o.process === process)!.caseId;

/**
 * The demo's story, in order; a new process adds its step here. Vietnam's officers act at the VN node;
 * the Chinese and Lao officers' requests are made at their nodes' APIs, and their answers to Vietnam's
 * requests come from each node's responder.
 */
export const SCENARIO: readonly ScenarioStep[] = [
  {
    title:
      'verification: China asks Vietnam to verify the identity and nationality of a woman rescued in Hekou',
    run: async ({ vn, cn }, { open, step, reach }) => {
      const id = await open(cn, vn, 'verifications', 'DraftVerificationRequest');
      await step(cn, 'verifications', id, 'send', 'SendVerificationRequest');
      await reach(vn, 'verifications', id, 'received');
      // Vietnamese police check the household registry and ask the commune, then answer.
      await step(vn, 'verifications', id, 'answer', 'AnswerVerificationRequest');
      await reach(cn, 'verifications', id, 'answered');
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
    title: 'repatriation: China hands the woman and her son over to Vietnam at the Ma Lu Thang - Jinshuihe gate',
    run: async ({ vn, cn }, { open, step, reach }, earlier) => {
      const id = await open(cn, vn, 'repatriations', 'RequestRepatriation', {
        annex: {
          ...(example('RequestRepatriation').annex as Record<string, unknown>),
          verificationCaseId: caseOf(earlier, 'verification'),
        },
      });
      await reach(vn, 'repatriations', id, 'requested');
      // Vietnam's acceptance rests on the verification it answered in step 1.
      await step(vn, 'repatriations', id, 'start-verification', 'StartRepatriationVerification', {
        verificationCaseId: caseOf(earlier, 'verification'),
      });
      await step(vn, 'repatriations', id, 'accept', 'AcceptRepatriation');
      await reach(cn, 'repatriations', id, 'accepted');
      // China proposes the date at the gate; Vietnam's copy of the schedule is the agreed one.
      await step(cn, 'repatriations', id, 'schedule', 'ScheduleRepatriationHandover');
      await reach(vn, 'repatriations', id, 'scheduled');
      await step(cn, 'repatriations', id, 'handover', 'RecordRepatriationHandover', {
        handedOverAt: new Date().toISOString(),
      });
      await reach(vn, 'repatriations', id, 'handed_over');
      await step(vn, 'repatriations', id, 'reception', 'ConfirmRepatriationReception', {
        receivedAt: new Date().toISOString(),
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
    title: 'suspect hand-over: Vietnam asks China for a suspect wanted on a Lai Chau warrant',
    run: async ({ vn, cn }, { open, step, reach }) => {
      const id = await open(vn, cn, 'suspect-handovers', 'RequestSuspectHandover');
      await reach(vn, 'suspect-handovers', id, 'accepted');
      await step(vn, 'suspect-handovers', id, 'schedule', 'ScheduleSuspectHandover');
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
    title: 'verification with Laos: Phongsaly police ask Vietnam about a woman from Muong Te found in Phongsaly',
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

/** Runs the scenario's steps in order, printing each title; returns the cases and their expected ends. */
export async function runScenario(
  nodes: DemoNodes,
  say: (line: string) => void,
  steps: readonly ScenarioStep[] = SCENARIO,
): Promise<CaseOutcome[]> {
  const tools: ScenarioTools = {
    reach: (client, resource, caseId, status) =>
      waitFor(
        `${resource} ${caseId} to be ${status} on ${client.agencyId}`,
        async () => (await client.status(resource, caseId)) === status,
        { timeoutMs: FINAL_WAIT_MS, intervalMs: 100 },
      ),
    open: async (from, to, resource, command, extra = {}) =>
      (await from.post(`/api/${resource}`, { ...example(command), counterpart: to.agencyId, ...extra }))
        .caseId as string,
    step: (client, resource, caseId, action, command, extra = {}) =>
      client.post(`/api/${resource}/${caseId}/${action}`, { ...example(command), ...extra }),
  };
  const outcomes: CaseOutcome[] = [];
  for (const [index, step] of steps.entries()) {
    say(`-- ${index + 1}. ${step.title}`);
    outcomes.push(await step.run(nodes, tools, outcomes));
  }
  return outcomes;
}
