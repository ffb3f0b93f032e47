import { CASES } from './scenario-cases';
import { COUNTERPART, OUR_AGENCY, ScenarioWriter } from './scenario-writer';

const terms = (name: string, startDate: string, endDate: string) => ({
  name,
  startDate,
  endDate,
  units: [
    { agencyId: OUR_AGENCY, name: 'Lai Chau Border Guard' },
    { agencyId: COUNTERPART, name: 'Yunnan Border Police' },
  ],
  targets: ['Trafficking of women across Ma Lu Thang'],
});

/** A joint operation agreed, with linked cases, closed with the report; another still proposed. */
export async function writeJointOperations(w: ScenarioWriter): Promise<void> {
  const op = CASES.jointOperationClosed;
  const proposal = {
    caseId: op,
    terms: terms('Spring 2026', '2026-02-15', '2026-03-15'),
    deadline: '2026-02-10T00:00:00Z',
  };
  await w.theirs('jointop', op, 'ReceiveJointOperationProposal', proposal, '2026-02-01T04:00:00Z');
  await w.ours('jointop', op, 'AgreeJointOperation', {}, '2026-02-05T04:00:00Z', 'j1-agreement');
  const link = { process: 'repatriation', linkedCaseId: CASES.repatriationWithChild };
  await w.ours('jointop', op, 'LinkCaseToJointOperation', link, '2026-03-13T04:00:00Z', 'j1-link');
  await w.theirs(
    'jointop',
    op,
    'ReceiveJointOperationCaseLink',
    { process: 'handover', linkedCaseId: CASES.suspectHandedOver },
    '2026-03-14T05:00:00Z',
  );
  const report = {
    summary: 'Two networks dismantled',
    victimsRescued: 3,
    suspectsArrested: 2,
    casesInvestigated: 4,
  };
  await w.theirs('jointop', op, 'ReceiveJointOperationReport', { report }, '2026-03-16T04:00:00Z');
  // A receipt after the close must not move the closing time.
  await w.delivered('jointop', op, 'j1-link', '2026-03-17T04:00:00Z');

  const pending = CASES.jointOperationProposed;
  const ours = {
    caseId: pending,
    counterpart: COUNTERPART,
    terms: terms('Summer 2026', '2026-06-01', '2026-08-31'),
    deadline: '2026-04-01T00:00:00Z',
  };
  await w.ours('jointop', pending, 'ProposeJointOperation', ours, '2026-03-18T04:00:00Z', 'j2-proposal');
}

/** Notices: one processed then closed, one unprocessed past its deadline, a hotline tip, one we sent. */
export async function writeNotices(w: ScenarioWriter): Promise<void> {
  const n = (id: string, type: string, data: unknown, now: string, queues?: string) =>
    w.ours('notice', id, type, data, now, queues);
  const notice = (caseId: string, processingDeadline: string) => ({
    caseId,
    category: 'case_information',
    title: 'Broker seen near the gate',
    content: 'Details in the attachment',
    processingDeadline,
  });

  const processed = CASES.noticeProcessed;
  await w.theirs(
    'notice',
    processed,
    'ReceiveInformationNotice',
    notice(processed, '2026-03-08T00:00:00Z'),
    '2026-03-05T04:00:00Z',
  );
  await n(
    processed,
    'ClassifyInformationNotice',
    { category: 'case_information', priority: 'urgent' },
    '2026-03-05T06:00:00Z',
  );
  const outcome = { outcome: 'linked_to_case', note: 'Matches our case', linkedCaseId: 'LC-17' };
  await n(processed, 'ProcessInformationNotice', outcome, '2026-03-06T04:00:00Z');
  await n(processed, 'CloseInformationNotice', {}, '2026-03-07T04:00:00Z');

  const unprocessed = CASES.noticeUnprocessed;
  await w.theirs(
    'notice',
    unprocessed,
    'ReceiveInformationNotice',
    notice(unprocessed, '2026-03-12T00:00:00Z'),
    '2026-03-09T04:00:00Z',
  );

  const tip = CASES.hotlineTip;
  const hotline = {
    caseId: tip,
    channel: 'phone',
    callerKind: 'relative',
    urgency: 'priority',
    title: 'Caller reports a missing sister',
    content: 'Left home in January',
    receivedAt: '2026-03-15T02:00:00Z',
    processingDeadline: '2026-03-22T00:00:00Z',
  };
  await n(tip, 'RecordHotlineTip', hotline, '2026-03-15T02:10:00Z');
  await n(
    tip,
    'ClassifyInformationNotice',
    { category: 'hotline_tip', priority: 'routine' },
    '2026-03-15T03:00:00Z',
  );

  const sent = CASES.noticeSent;
  const ours = {
    caseId: sent,
    counterpart: COUNTERPART,
    category: 'criminal_method',
    title: 'New recruiting method',
    content: 'Fake factory jobs',
  };
  await n(sent, 'SendInformationNotice', ours, '2026-03-10T04:00:00Z', 'n4-notice');
}
