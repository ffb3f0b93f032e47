import { readStreamIfAny } from '@xb/event-store';
import { DeadlineEscalated, escalationStreamOf } from '@xb/read-models';
import { waitFor } from '@xb/testing';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode } from './node-app';
import { storeOf, startTestNode, TestAgency } from './testing/node-pair';
import { callApi, startVnCnNodes, stopVnCnNodes } from './testing/vn-cn-nodes';

const DAY_MS = 86_400_000;
const METRIC = 'xb_deadlines_escalated_total{process="rescue",kind="rescue_acknowledgement"}';

/** An escalation as "my work" lists it. */
type Escalation = DeadlineEscalated & { readonly resource: string };

/**
 * Deadline escalation on a running node whose clock is injected: Vietnam asks China to locate and
 * rescue a woman and China does not acknowledge; once Vietnam's clock passes the request's deadline,
 * the node records one escalation for the duty officer, lists it in "my work", on the case's timeline
 * and in /metrics, and a restarted node (a new process over the same store) does not record it again.
 */
describe('deadline escalation on a running node, with its clock injected', () => {
  jest.setTimeout(240_000);
  let root: string;
  let vn: TestAgency;
  let vnNode: RunningNode | undefined;
  let cnNode: RunningNode;
  let running: RunningNode;
  let vnToken: string;
  /** Vietnam's clock runs this far ahead of the wall clock (moved on by the test). */
  let vnAhead = 0;
  const vnNow = () => new Date(Date.now() + vnAhead);
  // The escalation looks often, so the test waits on the fact, not on the default minute.
  const vnOptions = { clock: vnNow, escalationCheckMs: 100 };

  beforeAll(async () => {
    ({ root, vn, vnNode, cnNode, vnToken } = await startVnCnNodes({ vn: vnOptions, officer: 'escalation' }));
    running = vnNode;
  });
  afterAll(() => stopVnCnNodes({ root, vnNode, cnNode }));

  const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(vnNow());
  const escalations = async () =>
    (await callApi(running, vnToken, 'GET', '/api/console/my-work')).body.escalations as Escalation[];
  const metric = async () =>
    (await (await fetch(`${running.url}/metrics`)).text()).split('\n').find((l) => l.startsWith(METRIC));
  /**
   * Vietnam's request to China, acknowledgement due a day from Vietnam's now; with `delivered`, waits
   * for China's receipt (China has it and does not acknowledge: its node runs no responder).
   */
  const requestUnanswered = async (wait: 'delivered' | 'recorded') => {
    const deadline = new Date(vnNow().getTime() + DAY_MS).toISOString();
    const opened = await callApi(running, vnToken, 'POST', '/api/locate-rescues', {
      ...example('RequestLocateRescue'),
      counterpart: cnNode.config.agencyId,
      deadline,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const state = await waitFor(
      `the request ${caseId} ${wait}`,
      async () => {
        const { body } = await callApi(running, vnToken, 'GET', `/api/locate-rescues/${caseId}`);
        const trail = body.state?.trail as { messages: Record<string, { delivery: string }> } | undefined;
        const delivered = Object.values(trail?.messages ?? {}).some((m) => m.delivery === 'delivered');
        return body.state?.status === 'requested' && (wait === 'recorded' || delivered)
          ? body.state
          : undefined;
      },
      { timeoutMs: 90_000 },
    );
    return { caseId, deadline, ref: state.requestMessageId as string };
  };
  const escalationOf = (caseId: string, deadline: string, ref: string) => ({
    category: 'rescue',
    caseId,
    kind: 'rescue_acknowledgement',
    ref,
    due: deadline,
    resource: 'locate-rescues',
  });
  /** The escalation events of one deadline, read from Vietnam's store beside its node. */
  const recordedIn = async (caseId: string, ref: string) => {
    const store = storeOf(vn);
    try {
      return (await readStreamIfAny(store, escalationStreamOf(caseId, 'rescue_acknowledgement', ref))) ?? [];
    } finally {
      await store.close();
    }
  };

  it('given an unacknowledged request, when the deadline passes on the node clock, then it is escalated once, also across a restart', async () => {
    const first = await requestUnanswered('delivered');
    // The deadline is still ahead on Vietnam's clock: the case is due soon, nothing is escalated.
    await waitFor('the request among the deadlines due soon', async () => {
      const { deadlines } = (await callApi(running, vnToken, 'GET', '/api/console/my-work')).body;
      return (deadlines as { caseId: string }[]).some((d) => d.caseId === first.caseId);
    });
    expect(await escalations()).toEqual([]);
    expect(await recordedIn(first.caseId, first.ref)).toEqual([]);

    // Two days later on Vietnam's clock, China has still not acknowledged.
    vnAhead = 2 * DAY_MS;
    const listed = await waitFor('the escalation in my work', async () =>
      (await escalations()).find((e) => e.caseId === first.caseId),
    );
    expect(listed).toEqual({
      ...escalationOf(first.caseId, first.deadline, first.ref),
      escalatedAt: expect.any(String),
    });
    // Escalated at the node's time, after the deadline: not the wall clock's.
    expect(Date.parse(listed.escalatedAt)).toBeGreaterThan(Date.parse(first.deadline));
    expect(await metric()).toBe(`${METRIC} 1`);
    const recorded = await recordedIn(first.caseId, first.ref);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].metadata).toMatchObject({ actor: 'system:escalation' });
    const { timeline } = (
      await callApi(running, vnToken, 'GET', `/api/locate-rescues/${first.caseId}/timeline`)
    ).body;
    expect((timeline as { line: string }[]).map((e) => e.line)).toContain(
      `deadline passed: rescue_acknowledgement due ${first.deadline}, escalated to the duty officer`,
    );

    // A new process over the same store: its escalation passes find the first deadline recorded already.
    await running.stop();
    vnNode = running = await startTestNode(vn, vnOptions);
    const second = await requestUnanswered('recorded');
    vnAhead = 4 * DAY_MS;
    await waitFor(
      'both escalations in my work after the restart',
      async () => {
        const open = await escalations();
        return [first, second].every(({ caseId }) => open.some((e) => e.caseId === caseId));
      },
      { timeoutMs: 90_000 },
    );
    // The new process counted only the deadline it recorded itself.
    expect(await metric()).toBe(`${METRIC} 1`);
    // Stopping waits for the escalation pass under way: every pass that saw the second deadline has
    // also tried the first one, and the store still holds each escalation once.
    vnNode = undefined;
    await running.stop();
    expect(await running.node.metrics.deadlinesEscalated.get()).toMatchObject({
      values: [
        expect.objectContaining({ value: 1, labels: { process: 'rescue', kind: 'rescue_acknowledgement' } }),
      ],
    });
    expect(await recordedIn(first.caseId, first.ref)).toHaveLength(1);
    expect(await recordedIn(second.caseId, second.ref)).toHaveLength(1);
  });
});
