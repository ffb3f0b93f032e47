import { CASES, CHILD, MAN, WOMAN } from './scenario-cases';
import { COUNTERPART, ScenarioWriter } from './scenario-writer';

const MA_LU_THANG = 'Ma Lù Thàng - Jinshuihe';

/** The persons a repatriation's minutes name: the victim (by the case id: no person id) and the children. */
const persons = (caseId: string, childIds: readonly string[] = []) => [
  { personId: WOMAN.personId ?? caseId, role: 'victim' as const },
  ...childIds.map((personId) => ({ personId, role: 'child' as const })),
];

/** Repatriations: a woman and child handed over at Ma Lu Thang, one overdue, one refused, two more. */
export async function writeRepatriations(w: ScenarioWriter): Promise<void> {
  const r = (id: string, type: string, data: unknown, now: string, queues?: string) =>
    w.ours('repatriation', id, type, data, now, queues);
  const them = (id: string, type: string, data: unknown, now: string) =>
    w.theirs('repatriation', id, type, data, now);
  const request = (caseId: string, deadline: string, children: unknown[] = []) => ({
    caseId,
    victim: WOMAN,
    children,
    circumstances: 'Rescued in a raid',
    deadline,
  });
  const gate = (borderGate: string, date: string) => ({
    borderGate,
    date,
    time: '09:00',
    receivingUnit: 'Border post',
  });

  const mother = CASES.repatriationWithChild;
  await them(
    mother,
    'ReceiveRepatriationRequest',
    request(mother, '2026-03-09T00:00:00Z', [{ childId: CASES.child, person: CHILD }]),
    '2026-03-02T04:00:00Z',
  );
  await r(
    mother,
    'StartRepatriationVerification',
    { verificationCaseId: 'local-17' },
    '2026-03-02T05:00:00Z',
  );
  await r(mother, 'AcceptRepatriation', { note: 'Identity confirmed' }, '2026-03-04T05:00:00Z', 'r1-accept');
  await r(
    mother,
    'ScheduleRepatriationHandover',
    gate(MA_LU_THANG, '2026-03-12'),
    '2026-03-05T05:00:00Z',
    'r1-schedule',
  );
  const handover = { handedOverAt: '2026-03-12T09:30:00+07:00', childIds: [CASES.child] };
  await w.countersignTheirMinutes(
    'repatriation',
    mother,
    { process: 'repatriation', borderGate: MA_LU_THANG, persons: persons(mother, [CASES.child]) },
    handover.handedOverAt,
    '2026-03-12T02:45:00Z',
    'r1-minutes',
  );
  await them(mother, 'ReceiveRepatriationHandover', handover, '2026-03-12T03:00:00Z');
  const reception = {
    facility: 'Lai Chau social protection centre',
    receivedAt: '2026-03-12T06:00:00Z',
    childIds: [CASES.child],
  };
  await r(mother, 'ConfirmRepatriationReception', reception, '2026-03-12T06:00:00Z', 'r1-reception');
  await r(
    mother,
    'ReferRepatriatedVictim',
    { services: ['shelter', 'medical'], referredTo: 'Women Union' },
    '2026-03-13T02:00:00Z',
  );

  const overdue = CASES.repatriationOverdue;
  await them(
    overdue,
    'ReceiveRepatriationRequest',
    request(overdue, '2026-03-13T00:00:00Z'),
    '2026-03-06T04:00:00Z',
  );

  const refused = CASES.repatriationRefused;
  await them(
    refused,
    'ReceiveRepatriationRequest',
    request(refused, '2026-03-14T00:00:00Z'),
    '2026-03-07T04:00:00Z',
  );
  await r(
    refused,
    'RefuseRepatriation',
    { reason: 'Not our national' },
    '2026-03-09T04:00:00Z',
    'r3-refusal',
  );

  const scheduled = CASES.repatriationScheduled;
  await w.ours(
    'repatriation',
    scheduled,
    'RequestRepatriation',
    { ...request(scheduled, '2026-03-25T00:00:00Z'), victim: MAN, counterpart: COUNTERPART },
    '2026-03-08T04:00:00Z',
    'r4-request',
  );
  await them(scheduled, 'RecordRepatriationDecision', { decision: 'accepted' }, '2026-03-10T04:00:00Z');
  await them(
    scheduled,
    'ReceiveRepatriationHandoverSchedule',
    { ...gate('Lào Cai - Hekou', '2026-04-02'), revision: 1 },
    '2026-03-11T04:00:00Z',
  );

  const february = CASES.repatriationFebruary;
  await them(
    february,
    'ReceiveRepatriationRequest',
    request(february, '2026-02-10T00:00:00Z'),
    '2026-02-02T04:00:00Z',
  );
  await r(february, 'AcceptRepatriation', {}, '2026-02-04T04:00:00Z', 'r5-accept');
  await them(
    february,
    'ReceiveRepatriationHandoverSchedule',
    { ...gate('Tây Trang - Pang Hoc', '2026-02-20'), revision: 1 },
    '2026-02-06T04:00:00Z',
  );
  await w.countersignTheirMinutes(
    'repatriation',
    february,
    { process: 'repatriation', borderGate: 'Tây Trang - Pang Hoc', persons: persons(february) },
    '2026-02-20T02:00:00Z',
    '2026-02-20T02:30:00Z',
    'r5-minutes',
  );
  await them(
    february,
    'ReceiveRepatriationHandover',
    { handedOverAt: '2026-02-20T02:00:00Z', childIds: [] },
    '2026-02-20T03:00:00Z',
  );
}

/** Suspect hand-overs: ours completed at Ma Lu Thang, theirs accepted. */
export async function writeSuspectHandovers(w: ScenarioWriter): Promise<void> {
  const request = (caseId: string, deadline: string) => ({
    caseId,
    suspect: MAN,
    warrantReference: 'LC-2026-031',
    warrantIssuedBy: 'Investigation Police Agency, Lai Chau Provincial Police',
    warrantIssuedOn: '2026-02-28',
    offences: 'Trafficking in persons',
    deadline,
  });
  const done = CASES.suspectHandedOver;
  await w.ours(
    'handover',
    done,
    'RequestSuspectHandover',
    { ...request(done, '2026-03-10T00:00:00Z'), counterpart: COUNTERPART },
    '2026-03-03T04:00:00Z',
    's1-request',
  );
  await w.theirs(
    'handover',
    done,
    'RecordSuspectHandoverDecision',
    { decision: 'accepted' },
    '2026-03-05T04:00:00Z',
  );
  const arrangement = {
    borderGate: MA_LU_THANG,
    date: '2026-03-14',
    time: '10:00',
    receivingUnit: 'Lai Chau police',
  };
  await w.ours(
    'handover',
    done,
    'ScheduleSuspectHandover',
    arrangement,
    '2026-03-06T04:00:00Z',
    's1-schedule',
  );
  await w.countersignTheirMinutes(
    'handover',
    done,
    {
      process: 'suspect_handover',
      borderGate: MA_LU_THANG,
      persons: [{ personId: MAN.personId ?? done, role: 'suspect' }],
      warrant: {
        reference: 'LC-2026-031',
        issuedBy: 'Investigation Police Agency, Lai Chau Provincial Police',
        issuedOn: '2026-02-28',
      },
    },
    '2026-03-14T03:00:00Z',
    '2026-03-14T03:30:00Z',
    's1-minutes',
  );
  await w.theirs(
    'handover',
    done,
    'ReceiveSuspectHandoverCompletion',
    { handedOverAt: '2026-03-14T03:00:00Z' },
    '2026-03-14T04:00:00Z',
  );

  const accepted = CASES.suspectAccepted;
  await w.theirs(
    'handover',
    accepted,
    'ReceiveSuspectHandoverRequest',
    request(accepted, '2026-03-25T00:00:00Z'),
    '2026-03-11T04:00:00Z',
  );
  await w.ours('handover', accepted, 'AcceptSuspectHandover', {}, '2026-03-12T04:00:00Z', 's2-accept');
}
