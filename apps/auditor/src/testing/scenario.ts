/**
 * FOR TESTS: a quarter of cooperation between VN.BGC.LAICHAU (us), CN.YN.BORDERPOLICE and
 * LA.PHONGSALY.POLICE, as commands through the real deciders, so events have their real shapes. The
 * figures the 2026-Q3 report must show are counted by hand in commands.int.spec.ts. No real person is named.
 */
import { AgreedHandover, draftMinutes } from '@xb/domain';
import type { Command, PersonParticulars, ProcessCategory } from '@xb/domain';

export const US = 'VN.BGC.LAICHAU';
export const CN = 'CN.YN.BORDERPOLICE';
export const LA = 'LA.PHONGSALY.POLICE';

export interface Step {
  readonly category: ProcessCategory;
  readonly id: string;
  readonly command: Command;
}

const person = (romanised: string, sex: 'female' | 'male'): PersonParticulars => ({
  name: { original: romanised, romanised },
  sex,
  identityDocuments: [],
});
const VICTIM = person('Test Victim', 'female');
const CHILD = person('Test Child', 'male');
const SUSPECT = person('Test Suspect', 'male');

/** An officer's command at `now`, queuing message `newId` when it sends one. */
const local = (
  category: ProcessCategory,
  id: string,
  type: string,
  data: unknown,
  now: string,
  newId?: string,
): Step => ({
  category,
  id,
  command: {
    type,
    data,
    metadata: { now, actor: 'officer:7', agencyId: US, ...(newId ? { newIds: [newId] } : {}) },
  },
});
/** A counterpart's message `messageId` from `from`, applied at `now`. */
const inbound = (
  category: ProcessCategory,
  id: string,
  type: string,
  data: unknown,
  now: string,
  from: string,
  messageId: string,
): Step => ({
  category,
  id,
  command: { type, data, metadata: { now, actor: `agency:${from}`, agencyId: US, messageId } },
});

/**
 * The co-signed minutes a hand-over waits for, drawn up at the gate by the handing side: ours (proposed,
 * signed, countersigned by the counterpart `from`) or theirs (received, agreed, countersigned by us).
 * Officers are made-up names; persons are named by id only.
 */
const coSignedMinutes = (
  category: 'repatriation' | 'handover',
  id: string,
  agreed: Omit<AgreedHandover, 'caseId' | 'handingOverAgency' | 'receivingAgency'> & { borderGate: string },
  by: { handing: string; receiving: string; from: string },
  handedOverAt: string,
  now: string,
  ids: { minutesId: string; newId: string; messageId: string },
): Step[] => {
  const process = category === 'repatriation' ? 'Repatriation' : 'SuspectHandover';
  const officers = [
    { agency: by.handing, name: 'Test Officer A', position: 'Captain' },
    { agency: by.receiving, name: 'Test Officer B', position: 'Inspector' },
  ];
  const drawnUp = { minutesId: ids.minutesId, handedOverAt, documents: [], belongings: [], officers };
  const minutes = draftMinutes(
    { ...drawnUp, persons: agreed.persons },
    { ...agreed, caseId: id, handingOverAgency: by.handing, receivingAgency: by.receiving },
  );
  const ourSignature = { minutesId: ids.minutesId, signature: 'c2lnVk4=' };
  const theirs = { minutes, signature: 'c2lnQ04=' };
  return by.handing === US
    ? [
        local(category, id, `Propose${process}Minutes`, drawnUp, now),
        local(category, id, `Sign${process}Minutes`, ourSignature, now, ids.newId),
        inbound(
          category,
          id,
          `Receive${process}MinutesCountersignature`,
          theirs,
          now,
          by.from,
          ids.messageId,
        ),
      ]
    : [
        inbound(category, id, `Receive${process}MinutesProposal`, theirs, now, by.from, ids.messageId),
        local(category, id, `Countersign${process}Minutes`, { minutes }, now),
        local(category, id, `Sign${process}Minutes`, ourSignature, now, ids.newId),
      ];
};

const subject = { role: 'victim' as const, person: VICTIM };
const answer = { outcome: 'confirmed' as const, findings: 'Found in the household register' };
const gateML = { borderGate: 'Ma Lu Thang', time: '09:00', receivingUnit: 'Jinping border police' };
const gateLC = {
  borderGate: 'Lao Cai - Hekou',
  date: '2026-08-20',
  time: '08:00',
  receivingUnit: 'Lao Cai border post',
};
const terms = {
  name: 'Summer peak period 2026',
  startDate: '2026-07-01',
  endDate: '2026-09-30',
  units: [
    { agencyId: US, name: 'Lai Chau border guard' },
    { agencyId: CN, name: 'Jinping border police' },
  ],
  targets: ['bride-trafficking rings'],
};
const jointResults = {
  summary: 'joint results',
  victimsRescued: 4,
  suspectsArrested: 2,
  casesInvestigated: 3,
};

export const SCENARIO: readonly Step[] = [
  // Joint operation proposed in June for Q3, agreed, a case linked; closed in Q4.
  local(
    'jointop',
    '0193a7b2-0000-7000-8000-00000000a001',
    'ProposeJointOperation',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000a001',
      counterpart: CN,
      terms,
      deadline: '2026-06-30T00:00:00Z',
    },
    '2026-06-20T02:00:00Z',
    'm-j1',
  ),
  inbound(
    'jointop',
    '0193a7b2-0000-7000-8000-00000000a001',
    'RecordJointOperationAgreement',
    { decision: 'agreed' },
    '2026-06-25T02:00:00Z',
    CN,
    'in-j1',
  ),
  // Verification to CN answered on time.
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b001',
    'DraftVerificationRequest',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000b001',
      counterpart: CN,
      subject,
      purposes: ['identity'],
      details: 'Met at the border',
      deadline: '2026-07-15T00:00:00Z',
    },
    '2026-07-01T01:00:00Z',
  ),
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b001',
    'SendVerificationRequest',
    {},
    '2026-07-01T02:00:00Z',
    'm-v1',
  ),
  inbound(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b001',
    'RecordVerificationAnswer',
    answer,
    '2026-07-10T02:00:00Z',
    CN,
    'in-v1',
  ),
  // Repatriation: we rescued a CN national with a child and hand them over at Ma Lu Thang.
  local(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c001',
    'RequestRepatriation',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000c001',
      counterpart: CN,
      victim: VICTIM,
      children: [{ childId: '0193a7b2-0000-7000-8000-00000000e001', person: CHILD }],
      circumstances: 'Rescued in a raid',
      deadline: '2026-07-31T00:00:00Z',
    },
    '2026-07-02T02:00:00Z',
    'm-r1',
  ),
  local(
    'jointop',
    '0193a7b2-0000-7000-8000-00000000a001',
    'LinkCaseToJointOperation',
    { process: 'repatriation', linkedCaseId: '0193a7b2-0000-7000-8000-00000000c001' },
    '2026-07-03T02:00:00Z',
    'm-j2',
  ),
  inbound(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c001',
    'RecordRepatriationDecision',
    { decision: 'accepted' },
    '2026-07-05T02:00:00Z',
    CN,
    'in-r1',
  ),
  local(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c001',
    'ScheduleRepatriationHandover',
    { ...gateML, date: '2026-07-20' },
    '2026-07-12T02:00:00Z',
    'm-r2',
  ),
  ...coSignedMinutes(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c001',
    {
      process: 'repatriation',
      borderGate: 'Ma Lu Thang',
      persons: [
        { personId: '0193a7b2-0000-7000-8000-00000000c001', role: 'victim' },
        { personId: '0193a7b2-0000-7000-8000-00000000e001', role: 'child' },
      ],
    },
    { handing: US, receiving: CN, from: CN },
    '2026-07-20T02:30:00Z',
    '2026-07-20T02:45:00Z',
    { minutesId: '0193a7b2-0000-7000-8000-00000000f001', newId: 'm-r3m', messageId: 'in-r3m' },
  ),
  local(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c001',
    'RecordRepatriationHandover',
    { handedOverAt: '2026-07-20T02:30:00Z', childIds: ['0193a7b2-0000-7000-8000-00000000e001'] },
    '2026-07-20T03:00:00Z',
    'm-r3',
  ),
  // Suspect hand-over: CN holds a suspect we want; handed over to us at Ma Lu Thang.
  local(
    'handover',
    '0193a7b2-0000-7000-8000-00000000d001',
    'RequestSuspectHandover',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000d001',
      counterpart: CN,
      suspect: SUSPECT,
      warrantReference: 'LC-2026-17',
      warrantIssuedBy: 'Lai Chau Provincial Procuracy',
      warrantIssuedOn: '2026-06-01',
      offences: 'trafficking',
      deadline: '2026-07-31T00:00:00Z',
    },
    '2026-07-03T03:00:00Z',
    'm-h1',
  ),
  inbound(
    'handover',
    '0193a7b2-0000-7000-8000-00000000d001',
    'RecordSuspectHandoverDecision',
    { decision: 'accepted' },
    '2026-07-08T02:00:00Z',
    CN,
    'in-h1',
  ),
  local(
    'handover',
    '0193a7b2-0000-7000-8000-00000000d001',
    'ScheduleSuspectHandover',
    { ...gateML, date: '2026-09-15' },
    '2026-09-01T02:00:00Z',
    'm-h2',
  ),
  ...coSignedMinutes(
    'handover',
    '0193a7b2-0000-7000-8000-00000000d001',
    {
      process: 'suspect_handover',
      borderGate: 'Ma Lu Thang',
      persons: [{ personId: '0193a7b2-0000-7000-8000-00000000d001', role: 'suspect' }],
      warrant: { reference: 'LC-2026-17', issuedBy: 'Lai Chau Provincial Procuracy', issuedOn: '2026-06-01' },
    },
    { handing: CN, receiving: US, from: CN },
    '2026-09-15T02:00:00Z',
    '2026-09-15T03:00:00Z',
    { minutesId: '0193a7b2-0000-7000-8000-00000000f002', newId: 'm-h2m', messageId: 'in-h2m' },
  ),
  inbound(
    'handover',
    '0193a7b2-0000-7000-8000-00000000d001',
    'ReceiveSuspectHandoverCompletion',
    { handedOverAt: '2026-09-15T02:00:00Z' },
    '2026-09-15T04:00:00Z',
    CN,
    'in-h2',
  ),
  // Verification to CN answered late.
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b002',
    'DraftVerificationRequest',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000b002',
      counterpart: CN,
      subject,
      purposes: ['nationality'],
      details: 'Claims CN nationality',
      deadline: '2026-08-05T00:00:00Z',
    },
    '2026-08-01T01:00:00Z',
  ),
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b002',
    'SendVerificationRequest',
    {},
    '2026-08-01T02:00:00Z',
    'm-v2',
  ),
  inbound(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b002',
    'RecordVerificationAnswer',
    answer,
    '2026-08-09T02:00:00Z',
    CN,
    'in-v2',
  ),
  // Repatriation: CN rescued a VN national with two children; we receive at Lao Cai.
  inbound(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c002',
    'ReceiveRepatriationRequest',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000c002',
      victim: VICTIM,
      children: [
        { childId: '0193a7b2-0000-7000-8000-00000000e001', person: CHILD },
        { childId: '0193a7b2-0000-7000-8000-00000000e002', person: CHILD },
      ],
      circumstances: 'Rescued by CN police',
      deadline: '2026-08-15T00:00:00Z',
    },
    '2026-08-01T03:00:00Z',
    CN,
    'in-r2',
  ),
  local(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c002',
    'AcceptRepatriation',
    {},
    '2026-08-05T02:00:00Z',
    'm-r4',
  ),
  inbound(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c002',
    'ReceiveRepatriationHandoverSchedule',
    { ...gateLC, revision: 1 },
    '2026-08-10T02:00:00Z',
    CN,
    'in-r3',
  ),
  ...coSignedMinutes(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c002',
    {
      process: 'repatriation',
      borderGate: 'Lao Cai - Hekou',
      persons: [
        { personId: '0193a7b2-0000-7000-8000-00000000c002', role: 'victim' },
        { personId: '0193a7b2-0000-7000-8000-00000000e001', role: 'child' },
        { personId: '0193a7b2-0000-7000-8000-00000000e002', role: 'child' },
      ],
    },
    { handing: CN, receiving: US, from: CN },
    '2026-08-20T01:00:00Z',
    '2026-08-20T01:30:00Z',
    { minutesId: '0193a7b2-0000-7000-8000-00000000f003', newId: 'm-r4m', messageId: 'in-r4m' },
  ),
  inbound(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c002',
    'ReceiveRepatriationHandover',
    {
      handedOverAt: '2026-08-20T01:00:00Z',
      childIds: ['0193a7b2-0000-7000-8000-00000000e001', '0193a7b2-0000-7000-8000-00000000e002'],
    },
    '2026-08-20T02:00:00Z',
    CN,
    'in-r4',
  ),
  local(
    'repatriation',
    '0193a7b2-0000-7000-8000-00000000c002',
    'ConfirmRepatriationReception',
    {
      facility: 'Lao Cai social protection centre',
      receivedAt: '2026-08-20T06:00:00Z',
      childIds: ['0193a7b2-0000-7000-8000-00000000e001', '0193a7b2-0000-7000-8000-00000000e002'],
    },
    '2026-08-20T07:00:00Z',
    'm-r5',
  ),
  // Verification from LA answered by us on time.
  inbound(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b003',
    'ReceiveVerificationRequest',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000b003',
      subject,
      purposes: ['identity'],
      details: 'Asks about a VN national',
      deadline: '2026-09-10T00:00:00Z',
    },
    '2026-09-01T02:00:00Z',
    LA,
    'in-v3',
  ),
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b003',
    'AnswerVerificationRequest',
    { ...answer, answers: { identity: 'confirmed' } },
    '2026-09-05T02:00:00Z',
    'm-v3',
  ),
  // Q4: another request sent, and the joint operation closed with its results.
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b004',
    'DraftVerificationRequest',
    {
      caseId: '0193a7b2-0000-7000-8000-00000000b004',
      counterpart: CN,
      subject,
      purposes: ['identity'],
      details: 'Another',
      deadline: '2026-10-20T00:00:00Z',
    },
    '2026-10-02T01:00:00Z',
  ),
  local(
    'verification',
    '0193a7b2-0000-7000-8000-00000000b004',
    'SendVerificationRequest',
    {},
    '2026-10-02T02:00:00Z',
    'm-v4',
  ),
  local(
    'jointop',
    '0193a7b2-0000-7000-8000-00000000a001',
    'CloseJointOperation',
    { report: jointResults },
    '2026-10-01T02:00:00Z',
    'm-j3',
  ),
];
