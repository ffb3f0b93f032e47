/**
 * China to Vietnam over the real broker: China rescued a Vietnamese woman and her son and asks Vietnam to
 * take them back; Vietnam accepts; China schedules the hand-over (its local time, shown in both); China
 * draws up the hand-over minutes, its gateway signs them with the agency key and sends them; Vietnam's
 * gateway checks the signature, its officer agrees the minutes as received, its gateway countersigns;
 * both cases keep both signatures, and the auditor verifies both offline from each side's exported case.
 * Then the same for a suspect hand-over, Vietnam to China: China holds the suspect under Vietnam's
 * warrant and proposes the minutes; Vietnam, taking custody, countersigns; only then does China record
 * the hand-over (refused 409 before).
 */
import fs from 'node:fs';
import path from 'node:path';
import { eventStoreFile } from '@xb/config';
import { agencyKeyPaths } from '@xb/envelope';
import { waitFor } from '@xb/testing';
import { memoryIo } from '../../../auditor/src/cli/io';
import { runAuditor } from '../../../auditor/src/main';
import { RunningNode } from '../node-app';
import { TestAgency } from '../testing/node-pair';
import { callApi, startVnCnNodes, stopVnCnNodes } from '../testing/vn-cn-nodes';
import { COMMAND_ROUTES } from './command-routes';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());

describe('co-signed hand-over minutes, China to Vietnam, over the real Kafka', () => {
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
  const stateOf = async (node: RunningNode, token: string, caseId: string, resource = 'repatriations') =>
    (await call(node, token, 'GET', `/api/${resource}/${caseId}?particulars=true&reason=hand-over%20minutes`))
      .body.state;
  /** Both agencies' public keys, as an auditor elsewhere would hold them. */
  const auditorKeys = () => {
    const keysDir = path.join(root, 'auditor-keys');
    if (fs.existsSync(keysDir)) return keysDir;
    fs.mkdirSync(keysDir);
    for (const agency of [vn, cn])
      fs.copyFileSync(agencyKeyPaths(agency.dataDir).publicKey, path.join(keysDir, `${agency.agencyId}.asc`));
    return keysDir;
  };
  /** Exports the case from each side's store and has the auditor verify its minutes offline. */
  const auditorVerdicts = async (caseId: string) => {
    const verdicts: string[] = [];
    for (const agency of [cn, vn]) {
      const file = path.join(root, `${agency.agencyId}-${caseId}.json`);
      const args = [
        'case',
        'export',
        '--store',
        eventStoreFile(agency.dataDir),
        '--case',
        caseId,
        '--out',
        file,
      ];
      expect(await runAuditor(args, memoryIo())).toBe(0);
      const io = memoryIo();
      const code = await runAuditor(['minutes', 'verify', '--case', file, '--keys', auditorKeys()], io);
      verdicts.push(`${code} ${io.stdout.join('\n')}`);
    }
    return verdicts;
  };

  it('runs the repatriation, both sides sign the same minutes, the auditor verifies both', async () => {
    const requested = await call(cnNode, cnToken, 'POST', '/api/repatriations', {
      ...example('RequestRepatriation'),
      counterpart: vn.agencyId,
    });
    expect(requested.status).toBe(201);
    const caseId = requested.body.caseId as string;
    await waitFor(
      'the request in Vietnam',
      async () => (await stateOf(vnNode, vnToken, caseId))?.status === 'requested',
    );
    expect((await call(vnNode, vnToken, 'POST', `/api/repatriations/${caseId}/accept`, {})).status).toBe(200);
    await waitFor(
      'the acceptance in China',
      async () => (await stateOf(cnNode, cnToken, caseId))?.status === 'accepted',
    );
    expect(
      (
        await call(
          cnNode,
          cnToken,
          'POST',
          `/api/repatriations/${caseId}/schedule`,
          example('ScheduleRepatriationHandover'),
        )
      ).status,
    ).toBe(200);
    await waitFor(
      'the schedule in Vietnam',
      async () => (await stateOf(vnNode, vnToken, caseId))?.status === 'scheduled',
    );

    const minutesBody = {
      ...example('ProposeRepatriationMinutes'),
      officers: [
        { agency: cn.agencyId, name: 'Li Wei', position: 'Inspector' },
        { agency: vn.agencyId, name: 'Nguyen Van An', position: 'Captain' },
      ],
    };
    expect(
      (await call(cnNode, cnToken, 'POST', `/api/repatriations/${caseId}/minutes`, minutesBody)).status,
    ).toBe(200);
    const received = await waitFor('the signed minutes in Vietnam', async () => {
      const state = await stateOf(vnNode, vnToken, caseId);
      return state?.minutes?.status === 'awaiting_our_agreement' ? state.minutes : undefined;
    });
    expect(received.signatures).toEqual([expect.objectContaining({ agency: cn.agencyId })]);
    // Agreeing other minutes than received is refused, with the field.
    const changed = await call(vnNode, vnToken, 'POST', `/api/repatriations/${caseId}/minutes-countersign`, {
      minutes: { ...received.minutes, belongings: [] },
    });
    expect(changed.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(changed.body)).toContain('MINUTES_DIFFER');
    expect(
      (
        await call(vnNode, vnToken, 'POST', `/api/repatriations/${caseId}/minutes-countersign`, {
          minutes: received.minutes,
        })
      ).status,
    ).toBe(200);
    for (const [node, token] of [
      [cnNode, cnToken],
      [vnNode, vnToken],
    ] as const)
      await waitFor(
        'both signatures on each side',
        async () => (await stateOf(node, token, caseId))?.minutes?.status === 'co_signed',
      );

    const timeline = (await call(vnNode, vnToken, 'GET', `/api/repatriations/${caseId}/timeline`)).body
      .timeline as { line: string }[];
    const lines = timeline.map((entry) => entry.line).join('\n');
    expect(lines).toMatch(/Hand-over scheduled at .* 09:30 Asia\/Shanghai \/ .* 08:30 Asia\/Ho_Chi_Minh/);
    expect(lines).toContain(`Hand-over minutes countersigned by ${vn.agencyId} and sent`);
    const cnTimeline = (await call(cnNode, cnToken, 'GET', `/api/repatriations/${caseId}/timeline`)).body
      .timeline as { line: string }[];
    expect(cnTimeline.map((entry) => entry.line).join('\n')).toContain(
      `Hand-over minutes countersigned by ${vn.agencyId}: co-signed by both sides`,
    );

    for (const verdict of await auditorVerdicts(caseId)) expect(verdict).toMatch(/^0 [^]*CO-SIGNED/);
  });

  it('runs a suspect hand-over: China hands over and proposes, Vietnam countersigns, the auditor verifies both', async () => {
    const resource = 'suspect-handovers';
    const requested = await call(vnNode, vnToken, 'POST', `/api/${resource}`, {
      ...example('RequestSuspectHandover'),
      counterpart: cn.agencyId,
    });
    expect(requested.status).toBe(201);
    const caseId = requested.body.caseId as string;
    const reach = (node: RunningNode, token: string, status: string) =>
      waitFor(
        `${status} on ${node.url}`,
        async () => (await stateOf(node, token, caseId, resource))?.status === status,
      );
    await reach(cnNode, cnToken, 'requested');
    expect((await call(cnNode, cnToken, 'POST', `/api/${resource}/${caseId}/accept`, {})).status).toBe(200);
    await reach(vnNode, vnToken, 'accepted');
    const schedule = example('ScheduleSuspectHandover');
    expect(
      (await call(vnNode, vnToken, 'POST', `/api/${resource}/${caseId}/schedule`, schedule)).status,
    ).toBe(200);
    await reach(cnNode, cnToken, 'scheduled');

    // The side that receives the suspect may not draw the minutes up.
    const minutesBody = {
      ...example('ProposeSuspectHandoverMinutes'),
      officers: [
        { agency: cn.agencyId, name: 'Li Wei', position: 'Inspector' },
        { agency: vn.agencyId, name: 'Nguyen Van An', position: 'Captain' },
      ],
    };
    const byReceiver = await call(vnNode, vnToken, 'POST', `/api/${resource}/${caseId}/minutes`, minutesBody);
    expect(byReceiver.status).toBeGreaterThanOrEqual(400);
    expect(
      (await call(cnNode, cnToken, 'POST', `/api/${resource}/${caseId}/minutes`, minutesBody)).status,
    ).toBe(200);
    const received = await waitFor('the signed minutes in Vietnam', async () => {
      const state = await stateOf(vnNode, vnToken, caseId, resource);
      return state?.minutes?.status === 'awaiting_our_agreement' ? state.minutes : undefined;
    });
    expect(received.minutes).toMatchObject({
      process: 'suspect_handover',
      handingOverAgency: cn.agencyId,
      receivingAgency: vn.agencyId,
      warrant: { reference: example('RequestSuspectHandover').warrantReference },
    });
    // Signed by China only: the hand-over is not recorded yet (409, MINUTES_NOT_COSIGNED on minutes).
    const early = await call(cnNode, cnToken, 'POST', `/api/${resource}/${caseId}/handover`, {
      handedOverAt: received.minutes.handedOverAt,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'MINUTES_NOT_COSIGNED', field: 'minutes' });
    const countersign = { minutes: received.minutes };
    expect(
      (await call(vnNode, vnToken, 'POST', `/api/${resource}/${caseId}/minutes-countersign`, countersign))
        .status,
    ).toBe(200);
    for (const [node, token] of [
      [cnNode, cnToken],
      [vnNode, vnToken],
    ] as const)
      await waitFor(
        'both signatures on each side',
        async () => (await stateOf(node, token, caseId, resource))?.minutes?.status === 'co_signed',
      );
    const handedOver = { handedOverAt: received.minutes.handedOverAt };
    expect(
      (await call(cnNode, cnToken, 'POST', `/api/${resource}/${caseId}/handover`, handedOver)).status,
    ).toBe(200);
    await reach(vnNode, vnToken, 'handed_over');

    const timeline = (await call(vnNode, vnToken, 'GET', `/api/${resource}/${caseId}/timeline`)).body
      .timeline as {
      line: string;
    }[];
    expect(timeline.map((entry) => entry.line).join('\n')).toContain(
      `Hand-over minutes countersigned by ${vn.agencyId} and sent`,
    );
    for (const verdict of await auditorVerdicts(caseId)) expect(verdict).toMatch(/^0 [^]*CO-SIGNED/);

    // Nothing awaits the agency key on either side: /health and /metrics say so.
    for (const node of [cnNode, vnNode]) {
      const health = (await (await fetch(`${node.url}/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: 'ready', minutes: { awaitingSignature: 0, failing: [] } });
      const metrics = await (await fetch(`${node.url}/metrics`)).text();
      expect(metrics).toMatch(/^xb_minutes_awaiting_signature 0$/m);
      expect(metrics).toMatch(/^xb_minutes_signature_failures_total 0$/m);
    }
  });
});
