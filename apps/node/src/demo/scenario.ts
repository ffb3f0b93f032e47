import { waitFor } from '@xb/testing';
import { COMMAND_ROUTES } from '../api/command-routes';
import { OfficerClient } from './officer-client';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());
const FINAL_WAIT_MS = 60_000;

export interface CaseOutcome {
  readonly process: string;
  readonly resource: string;
  readonly caseId: string;
  /** The final status each side must reach. */
  readonly expected: Readonly<Record<'ours' | 'theirs', string>>;
}

/**
 * The demo's scenario, driven by a Vietnamese officer at the VN node's API while the counterpart node's
 * responder answers: a verification request answered; a woman and her child repatriated through a
 * border gate; a suspect handed over; a joint crackdown period with linked cases closed by its report;
 * and an information notice processed.
 */
export async function runScenario(
  vn: OfficerClient,
  cn: OfficerClient,
  say: (line: string) => void,
): Promise<CaseOutcome[]> {
  const counterpart = cn.agencyId;
  const reach = async (client: OfficerClient, resource: string, caseId: string, status: string) =>
    waitFor(
      `${resource} ${caseId} to be ${status} on ${client.agencyId}`,
      async () => (await client.status(resource, caseId)) === status,
      { timeoutMs: FINAL_WAIT_MS, intervalMs: 100 },
    );
  const open = async (resource: string, command: string, extra: Record<string, unknown> = {}) =>
    (await vn.post(`/api/${resource}`, { ...example(command), counterpart, ...extra })).caseId as string;

  say('-- 1. verification request: is the woman rescued in Hekou a Vietnamese national?');
  const verification = await open('verifications', 'DraftVerificationRequest');
  await vn.post(`/api/verifications/${verification}/send`, {});
  await reach(vn, 'verifications', verification, 'answered');
  await vn.post(`/api/verifications/${verification}/close`, example('CloseVerification'));

  say('-- 2. repatriation of a woman and her son through the Ma Lu Thang border gate');
  const repatriation = await open('repatriations', 'RequestRepatriation');
  await reach(vn, 'repatriations', repatriation, 'accepted');
  await vn.post(`/api/repatriations/${repatriation}/schedule`, example('ScheduleRepatriationHandover'));
  await reach(cn, 'repatriations', repatriation, 'scheduled');
  await vn.post(`/api/repatriations/${repatriation}/handover`, {
    ...example('RecordRepatriationHandover'),
    handedOverAt: new Date().toISOString(),
  });
  await reach(vn, 'repatriations', repatriation, 'received');

  say('-- 3. suspect hand-over on a warrant');
  const handover = await open('suspect-handovers', 'RequestSuspectHandover');
  await reach(vn, 'suspect-handovers', handover, 'accepted');
  await vn.post(`/api/suspect-handovers/${handover}/schedule`, example('ScheduleSuspectHandover'));
  await reach(vn, 'suspect-handovers', handover, 'handed_over');

  say('-- 4. joint crackdown period with the two cases linked, closed by its joint result report');
  // A period that is running now (a report can close a period only once it has started).
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const proposal = example('ProposeJointOperation') as { terms: Record<string, unknown> };
  const jointop = await open('joint-operations', 'ProposeJointOperation', {
    terms: { ...proposal.terms, name: 'Winter joint crackdown', startDate: day(-80), endDate: day(10) },
  });
  await reach(vn, 'joint-operations', jointop, 'agreed');
  await vn.post(`/api/joint-operations/${jointop}/cases`, {
    process: 'repatriation',
    linkedCaseId: repatriation,
  });
  await vn.post(`/api/joint-operations/${jointop}/cases`, { process: 'handover', linkedCaseId: handover });
  await vn.post(`/api/joint-operations/${jointop}/close`, example('CloseJointOperation'));
  await reach(cn, 'joint-operations', jointop, 'closed');

  say('-- 5. information notice on a new recruitment method');
  const notice = await open('notices', 'SendInformationNotice');
  await reach(cn, 'notices', notice, 'processed');

  return [
    {
      process: 'verification',
      resource: 'verifications',
      caseId: verification,
      expected: { ours: 'closed', theirs: 'answered' },
    },
    {
      process: 'repatriation',
      resource: 'repatriations',
      caseId: repatriation,
      expected: { ours: 'received', theirs: 'referred' },
    },
    {
      process: 'suspect hand-over',
      resource: 'suspect-handovers',
      caseId: handover,
      expected: { ours: 'handed_over', theirs: 'handed_over' },
    },
    {
      process: 'joint crackdown',
      resource: 'joint-operations',
      caseId: jointop,
      expected: { ours: 'closed', theirs: 'closed' },
    },
    {
      process: 'information notice',
      resource: 'notices',
      caseId: notice,
      expected: { ours: 'sent', theirs: 'processed' },
    },
  ];
}
