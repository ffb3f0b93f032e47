/**
 * FOR TESTS: a generated year (2026) of Lai Chau's cooperation with two counterparts, Yunnan's border
 * police (CN) and Phongsaly's police (LA), written through the real deciders into an event store. Every
 * month repeats the same pattern (below, in local time, UTC+7), so the report's figures can be worked
 * out by hand; the times are chosen on the edges the periods must get right: 00:30-01:00 on the 1st
 * (UTC's previous day) and 23:30 on the 14th / 00:30 on the 15th (the statutory cut-off). No real person.
 *
 * every month        day 3 10:00 we ask CN to verify a victim (due day 10); CN answers day 6 (on time)
 *                    day 16 09:00 LA asks us to verify a suspect (due day 20 17:00); we answer day 19
 *                    in odd months (on time), day 22 in even months (late)
 *                    day 10 08:00 a hotline tip (due day 13), classified day 11, processed day 12 (not in December)
 * Jan Apr Jul Oct    day 1 01:00 CN hands a woman (adult) and her son (under 16) over to us at Ma Lu Thang;
 *                    we confirm reception at 09:00 and refer her to shelter and medical care on day 2;
 *                    day 5 CN sends a notice (due day 12), classified day 6, processed day 9
 * Feb May Aug Nov    day 20 10:00 we hand a boy born March 2009 (16-18) over to LA at Tay Trang; LA confirms at 15:00
 * Mar Jun Sep Dec    day 14 23:30 we hand a suspect over to CN; day 15 00:30 CN hands one over to us;
 *                    day 28 08:00 a hotline tip (due day 30), processed on the 2nd of the next month (late)
 * joint operations   CN's (Mar-May) agreed by us 3 Feb, CN's report 3 Jun: 5 rescued, 3 arrested, 2 cases;
 *                    ours with LA (Aug-Oct) agreed by LA 22 Jul, our report 3 Nov: 4 rescued, 2 arrested, 1 case
 * June               day 10 we send LA a notice
 * identification     each victim from CN is identified by us as a victim on day 1 at 10:00 (act, means, purpose)
 * May                day 4 CN asks us to locate a girl (born May 2011); we rescue her day 6 03:00
 *                    day 4 we ask LA to locate someone; LA reports not found day 8
 *                    day 5 we ask CN to arrest a wanted man; CN arrests him day 9 22:00
 *                    we host a liaison meeting with CN day 7: one action item each (due day 12);
 *                    ours done day 11 (on time), CN's day 13 (late)
 *                    LA's delegation, asked day 4, enters at Tây Trang day 10 08:00
 */
import { v7 as uuidv7 } from 'uuid';
import { draftMinutes } from '@xb/domain';
import type { AgreedHandover, PartialDate, PersonParticulars, Sex } from '@xb/domain';
import type { EventStore } from '@xb/event-store';
import { at, date, newCaseId, restartCaseIds, US, YearWriter } from './report-year-writer';

export { US } from './report-year-writer';
export const CN = 'CN.YN.BORDERPOLICE';
export const LA = 'LA.PHONGSALY';
export const MA_LU_THANG = 'Ma Lù Thàng - Jinshuihe';
export const TAY_TRANG = 'Tây Trang - Pang Hốc';

const person = (
  original: string,
  romanised: string,
  sex: Sex,
  dateOfBirth: PartialDate,
): PersonParticulars => ({
  name: { original, romanised },
  dateOfBirth,
  sex,
  identityDocuments: [],
});
const WOMAN = person('Lò Thị Mẫu', 'Lo Thi Mau', 'female', { year: 2001, month: 2, day: 3 });
const SON = person('Lò Văn Mẫu', 'Lo Van Mau', 'male', { year: 2022 });
const BOY = person('Vàng A Mẫu', 'Vang A Mau', 'male', { year: 2009, month: 3, day: 10 });
const SUSPECT = person('李样本', 'Li Yangben', 'male', { year: 1980 });

/** Writes the year into `store` (in time order within each case). */
export async function writeReportYear(store: EventStore): Promise<void> {
  const w = new YearWriter(store);
  restartCaseIds();
  for (let m = 1; m <= 12; m++) {
    await verifications(w, m);
    await hotlineTip(w, m, 10, '08:00', m === 12 ? undefined : at(m, 12, '10:00'), at(m, 13, '17:00'));
    if (m % 3 === 1) await victimFromChina(w, m);
    if (m % 3 === 1) await noticeFromChina(w, m);
    if (m % 3 === 2) await victimToLaos(w, m);
    if (m % 3 === 0) await suspects(w, m);
    if (m % 3 === 0) await hotlineTip(w, m, 28, '08:00', at(m + 1, 2, '10:00'), at(m, 30, '17:00'));
  }
  await jointOperations(w);
  const sent = newCaseId();
  const notice = {
    caseId: sent,
    counterpart: LA,
    category: 'criminal_method',
    title: 'Recruiting',
    content: 'Fake jobs',
  };
  await w.ours('notice', sent, 'SendInformationNotice', notice, at(6, 10, '10:00'));
  await cooperationInMay(w);
}

const GIRL = person('Giàng Thị Mẫu', 'Giang Thi Mau', 'female', { year: 2011, month: 5 });

/** The locate-and-rescue, wanted-person, liaison and mission cases of May (see the pattern above). */
async function cooperationInMay(w: YearWriter) {
  const search = {
    missingPerson: GIRL,
    lastContact: { date: date(4, 28), place: 'Hekou' },
    phoneNumbers: [],
    photos: [],
    circumstances: 'Called her mother',
    deadline: at(5, 20, '17:00'),
  };
  const theirs = newCaseId();
  await w.theirs(
    CN,
    'rescue',
    theirs,
    'ReceiveLocateRescueRequest',
    { caseId: theirs, ...search },
    at(5, 4, '09:00'),
  );
  await w.ours('rescue', theirs, 'AcknowledgeLocateRescue', {}, at(5, 4, '10:00'));
  const rescued = { at: at(5, 6, '03:00'), place: 'Sin Ho', person: GIRL };
  await w.ours('rescue', theirs, 'RecordPersonRescued', rescued, at(5, 6, '05:00'));
  const ours = newCaseId();
  await w.ours(
    'rescue',
    ours,
    'RequestLocateRescue',
    { caseId: ours, counterpart: LA, ...search },
    at(5, 4, '11:00'),
  );
  await w.theirs(LA, 'rescue', ours, 'RecordLocateRescueAcknowledgement', {}, at(5, 5, '10:00'));
  const notFound = { outcome: 'not_found', note: 'Moved on' };
  await w.theirs(LA, 'rescue', ours, 'RecordLocateRescueOutcome', notFound, at(5, 8, '10:00'));

  const wanted = newCaseId();
  const warrant = {
    caseId: wanted,
    counterpart: CN,
    suspect: SUSPECT,
    warrantReference: 'W-5-TN',
    warrantIssuedBy: 'Investigation agency',
    warrantIssuedOn: date(4, 20),
    offences: 'Trafficking in persons',
    photos: [],
    deadline: at(5, 25, '17:00'),
  };
  await w.ours('wanted', wanted, 'RequestWantedPerson', warrant, at(5, 5, '10:00'));
  await w.theirs(CN, 'wanted', wanted, 'RecordWantedPersonAcknowledgement', {}, at(5, 6, '10:00'));
  const arrest = { outcome: 'arrested', at: at(5, 9, '22:00'), place: 'Hekou' };
  await w.theirs(CN, 'wanted', wanted, 'RecordWantedPersonOutcome', arrest, at(5, 10, '08:00'));

  const meeting = newCaseId();
  const proposal = {
    caseId: meeting,
    counterpart: CN,
    kind: 'regular',
    level: 'provincial',
    agenda: ['Returns'],
    place: 'Lai Chau',
    startsAt: at(5, 7, '09:00'),
    deadline: at(5, 5, '17:00'),
  };
  await w.ours('liaison', meeting, 'ProposeLiaisonMeeting', proposal, at(5, 4, '09:00'));
  const agreed = { decision: 'agreed', place: 'Lai Chau', startsAt: at(5, 7, '09:00') };
  await w.theirs(CN, 'liaison', meeting, 'RecordLiaisonMeetingAnswer', agreed, at(5, 5, '09:00'));
  await w.ours(
    'liaison',
    meeting,
    'RecordLiaisonMeetingHeld',
    { heldAt: at(5, 7, '09:00') },
    at(5, 7, '12:00'),
  );
  const item = (number: number, owner: string) => ({
    number,
    description: `Item ${number}`,
    owner,
    deadline: at(5, 12, '17:00'),
  });
  const minutes = { summary: 'Agreed', actionItems: [item(1, US), item(2, CN)] };
  await w.ours('liaison', meeting, 'RecordLiaisonMeetingMinutes', minutes, at(5, 7, '16:00'));
  await w.ours('liaison', meeting, 'CompleteLiaisonActionItem', { number: 1 }, at(5, 11, '10:00'));
  const theirsDone = { number: 2, doneAt: at(5, 13, '10:00') };
  await w.theirs(CN, 'liaison', meeting, 'ReceiveLiaisonActionItemDone', theirsDone, at(5, 13, '10:05'));

  const mission = newCaseId();
  const group = {
    caseId: mission,
    kind: 'delegation',
    purpose: 'Exchange of experience',
    members: [{ person: SUSPECT, role: 'head' }],
    arrivesOn: date(5, 10),
    departsOn: date(5, 12),
    entryGate: { code: 'TAY_TRANG', name: TAY_TRANG },
    deadline: at(5, 8, '17:00'),
  };
  await w.theirs(LA, 'mission', mission, 'ReceiveMissionRequest', group, at(5, 4, '10:00'));
  await w.ours('mission', mission, 'AcceptMission', {}, at(5, 5, '10:00'));
  await w.ours('mission', mission, 'RecordMissionArrival', { at: at(5, 10, '08:00') }, at(5, 10, '08:10'));
}

async function verifications(w: YearWriter, m: number) {
  const ours = newCaseId();
  const subject = { role: 'victim', person: WOMAN };
  const draft = {
    caseId: ours,
    counterpart: CN,
    subject,
    purposes: ['identity'],
    details: 'No papers',
    deadline: at(m, 10, '10:00'),
  };
  await w.ours('verification', ours, 'DraftVerificationRequest', draft, at(m, 3, '09:50'));
  await w.ours('verification', ours, 'SendVerificationRequest', {}, at(m, 3, '10:00'));
  const answer = { outcome: 'confirmed', findings: 'Record found' };
  await w.theirs(CN, 'verification', ours, 'RecordVerificationAnswer', answer, at(m, 6, '10:00'));

  const theirs = newCaseId();
  const request = {
    caseId: theirs,
    subject: { role: 'suspect', person: SUSPECT },
    purposes: ['nationality'],
    details: 'Held',
    deadline: at(m, 20, '17:00'),
  };
  await w.theirs(LA, 'verification', theirs, 'ReceiveVerificationRequest', request, at(m, 16, '09:00'));
  await w.ours(
    'verification',
    theirs,
    'AnswerVerificationRequest',
    { ...answer, answers: { nationality: 'confirmed' } },
    at(m, m % 2 === 1 ? 19 : 22, '10:00'),
  );
}

async function hotlineTip(
  w: YearWriter,
  m: number,
  day: number,
  time: string,
  processedAt: string | undefined,
  due: string,
) {
  const id = newCaseId();
  const tip = {
    caseId: id,
    channel: 'phone',
    callerKind: 'relative',
    urgency: 'priority',
    title: 'Caller',
    content: 'A neighbour left',
    receivedAt: at(m, day, time),
    processingDeadline: due,
  };
  await w.ours('notice', id, 'RecordHotlineTip', tip, at(m, day, time));
  await w.ours(
    'notice',
    id,
    'ClassifyInformationNotice',
    { category: 'hotline_tip', priority: 'routine' },
    at(m, day + 1, '09:00'),
  );
  if (processedAt)
    await w.ours(
      'notice',
      id,
      'ProcessInformationNotice',
      { outcome: 'actioned', note: 'Checked' },
      processedAt,
    );
}

async function noticeFromChina(w: YearWriter, m: number) {
  const id = newCaseId();
  const notice = {
    caseId: id,
    category: 'case_information',
    title: 'Broker',
    content: 'Seen',
    processingDeadline: at(m, 12, '17:00'),
  };
  await w.theirs(CN, 'notice', id, 'ReceiveInformationNotice', notice, at(m, 5, '10:00'));
  await w.ours(
    'notice',
    id,
    'ClassifyInformationNotice',
    { category: 'case_information', priority: 'urgent' },
    at(m, 6, '10:00'),
  );
  await w.ours(
    'notice',
    id,
    'ProcessInformationNotice',
    { outcome: 'actioned', note: 'Done' },
    at(m, 9, '10:00'),
  );
}

const gate = (borderGate: string, month: number, day: number) => ({
  borderGate,
  date: date(month, day),
  time: '01:00',
  receivingUnit: 'Border post',
});

/**
 * At the gate, before the hand-over is recorded, the minutes both sides sign: drawn up and signed by the
 * handing side, agreed and countersigned by the other (made-up officers; persons by id only).
 */
async function coSignMinutes(
  w: YearWriter,
  category: 'repatriation' | 'handover',
  id: string,
  agreed: Omit<AgreedHandover, 'caseId' | 'handingOverAgency' | 'receivingAgency'> & { borderGate: string },
  by: { handing: string; receiving: string },
  handedOverAt: string,
  now: string,
) {
  const process = category === 'repatriation' ? 'Repatriation' : 'SuspectHandover';
  const minutesId = uuidv7();
  const officers = [
    { agency: by.handing, name: 'Officer A', position: 'Captain' },
    { agency: by.receiving, name: 'Officer B', position: 'Inspector' },
  ];
  const drawnUp = { minutesId, handedOverAt, documents: [], belongings: [], officers };
  const minutes = draftMinutes(
    { ...drawnUp, persons: agreed.persons },
    { ...agreed, caseId: id, handingOverAgency: by.handing, receivingAgency: by.receiving },
  );
  const ours = { minutesId, signature: 'c2lnVk4=' };
  const theirs = { minutes, signature: 'c2lnQ04=' };
  if (by.handing === US) {
    await w.ours(category, id, `Propose${process}Minutes`, drawnUp, now);
    await w.ours(category, id, `Sign${process}Minutes`, ours, now);
    await w.theirs(by.receiving, category, id, `Receive${process}MinutesCountersignature`, theirs, now);
  } else {
    await w.theirs(by.handing, category, id, `Receive${process}MinutesProposal`, theirs, now);
    await w.ours(category, id, `Countersign${process}Minutes`, { minutes }, now);
    await w.ours(category, id, `Sign${process}Minutes`, ours, now);
  }
}
const victim = (id: string, childIds: readonly string[] = []) => [
  { personId: id, role: 'victim' as const },
  ...childIds.map((personId) => ({ personId, role: 'child' as const })),
];

async function victimFromChina(w: YearWriter, m: number) {
  const id = newCaseId();
  const son = newCaseId();
  const request = {
    caseId: id,
    victim: WOMAN,
    children: [{ childId: son, person: SON }],
    circumstances: 'Rescued',
    deadline: at(m, 1, '12:00'),
  };
  await w.theirs(CN, 'repatriation', id, 'ReceiveRepatriationRequest', request, at(m, 1, '00:10'));
  await w.ours('repatriation', id, 'AcceptRepatriation', {}, at(m, 1, '00:20'));
  await w.ours(
    'repatriation',
    id,
    'ScheduleRepatriationHandover',
    gate(MA_LU_THANG, m, 1),
    at(m, 1, '00:30'),
  );
  await coSignMinutes(
    w,
    'repatriation',
    id,
    { process: 'repatriation', borderGate: MA_LU_THANG, persons: victim(id, [son]) },
    { handing: CN, receiving: US },
    at(m, 1, '01:00'),
    at(m, 1, '01:02'),
  );
  await w.theirs(
    CN,
    'repatriation',
    id,
    'ReceiveRepatriationHandover',
    { handedOverAt: at(m, 1, '01:00'), childIds: [son] },
    at(m, 1, '01:05'),
  );
  const reception = {
    facility: 'Lai Chau social protection centre',
    receivedAt: at(m, 1, '09:00'),
    childIds: [son],
  };
  await w.ours('repatriation', id, 'ConfirmRepatriationReception', reception, at(m, 1, '09:00'));
  const identification = {
    decision: 'identified',
    criteria: ['act', 'means', 'purpose'],
    grounds: 'Sold to a broker',
  };
  await w.ours('repatriation', id, 'IdentifyRepatriationVictim', identification, at(m, 1, '10:00'));
  await w.ours(
    'repatriation',
    id,
    'ReferRepatriatedVictim',
    { services: ['shelter', 'medical'], referredTo: 'Women Union' },
    at(m, 2, '09:00'),
  );
}

async function victimToLaos(w: YearWriter, m: number) {
  const id = newCaseId();
  const request = {
    caseId: id,
    counterpart: LA,
    victim: BOY,
    children: [],
    circumstances: 'Found at a market',
    deadline: at(m, 10, '17:00'),
  };
  await w.ours('repatriation', id, 'RequestRepatriation', request, at(m, 5, '10:00'));
  await w.theirs(
    LA,
    'repatriation',
    id,
    'RecordRepatriationDecision',
    { decision: 'accepted' },
    at(m, 7, '10:00'),
  );
  await w.ours('repatriation', id, 'ScheduleRepatriationHandover', gate(TAY_TRANG, m, 20), at(m, 8, '10:00'));
  await coSignMinutes(
    w,
    'repatriation',
    id,
    { process: 'repatriation', borderGate: TAY_TRANG, persons: victim(id) },
    { handing: US, receiving: LA },
    at(m, 20, '10:00'),
    at(m, 20, '10:05'),
  );
  await w.ours(
    'repatriation',
    id,
    'RecordRepatriationHandover',
    { handedOverAt: at(m, 20, '10:00'), childIds: [] },
    at(m, 20, '10:10'),
  );
  const reception = { facility: 'Phongsaly centre', receivedAt: at(m, 20, '15:00'), childIds: [] };
  await w.theirs(LA, 'repatriation', id, 'RecordReceptionConfirmation', reception, at(m, 20, '15:05'));
}

async function suspects(w: YearWriter, m: number) {
  const warrant = {
    suspect: SUSPECT,
    warrantReference: `W-${m}`,
    warrantIssuedBy: 'Investigation agency',
    warrantIssuedOn: date(m, 1),
    offences: 'Trafficking in persons',
  };
  const held = newCaseId();
  await w.theirs(
    CN,
    'handover',
    held,
    'ReceiveSuspectHandoverRequest',
    { caseId: held, ...warrant, deadline: at(m, 8, '17:00') },
    at(m, 1, '10:00'),
  );
  await w.ours('handover', held, 'AcceptSuspectHandover', {}, at(m, 2, '10:00'));
  await w.ours(
    'handover',
    held,
    'ScheduleSuspectHandover',
    { ...gate(MA_LU_THANG, m, 14), time: '23:30' },
    at(m, 3, '10:00'),
  );
  const minutesOf = (id: string) => ({
    process: 'suspect_handover' as const,
    borderGate: MA_LU_THANG,
    persons: [{ personId: id, role: 'suspect' as const }],
    warrant: { reference: `W-${m}`, issuedBy: 'Investigation agency', issuedOn: date(m, 1) },
  });
  const handing = { handing: US, receiving: CN };
  await coSignMinutes(w, 'handover', held, minutesOf(held), handing, at(m, 14, '23:30'), at(m, 14, '23:35'));
  await w.ours(
    'handover',
    held,
    'RecordSuspectHandover',
    { handedOverAt: at(m, 14, '23:30') },
    at(m, 14, '23:40'),
  );

  const wanted = newCaseId();
  await w.ours(
    'handover',
    wanted,
    'RequestSuspectHandover',
    { caseId: wanted, counterpart: CN, ...warrant, deadline: at(m, 9, '17:00') },
    at(m, 2, '10:00'),
  );
  await w.theirs(
    CN,
    'handover',
    wanted,
    'RecordSuspectHandoverDecision',
    { decision: 'accepted' },
    at(m, 4, '10:00'),
  );
  await w.theirs(
    CN,
    'handover',
    wanted,
    'ReceiveSuspectHandoverSchedule',
    { ...gate(MA_LU_THANG, m, 15), time: '00:30', revision: 1 },
    at(m, 5, '10:00'),
  );
  const receiving = { handing: CN, receiving: US };
  await coSignMinutes(
    w,
    'handover',
    wanted,
    minutesOf(wanted),
    receiving,
    at(m, 15, '00:30'),
    at(m, 15, '00:35'),
  );
  await w.theirs(
    CN,
    'handover',
    wanted,
    'ReceiveSuspectHandoverCompletion',
    { handedOverAt: at(m, 15, '00:30') },
    at(m, 15, '00:40'),
  );
}

const terms = (name: string, startDate: string, endDate: string, partner: string) => ({
  name,
  startDate,
  endDate,
  units: [
    { agencyId: US, name: 'Lai Chau Border Guard' },
    { agencyId: partner, name: 'Partner police' },
  ],
  targets: ['Trafficking of women'],
});

async function jointOperations(w: YearWriter) {
  const spring = newCaseId();
  const proposal = {
    caseId: spring,
    terms: terms('Spring 2026', '2026-03-01', '2026-05-31', CN),
    deadline: at(2, 10, '17:00'),
  };
  await w.theirs(CN, 'jointop', spring, 'ReceiveJointOperationProposal', proposal, at(2, 1, '10:00'));
  await w.ours('jointop', spring, 'AgreeJointOperation', {}, at(2, 3, '10:00'));
  const springReport = { summary: 'Two rings', victimsRescued: 5, suspectsArrested: 3, casesInvestigated: 2 };
  await w.theirs(
    CN,
    'jointop',
    spring,
    'ReceiveJointOperationReport',
    { report: springReport },
    at(6, 3, '10:00'),
  );

  const autumn = newCaseId();
  const ours = {
    caseId: autumn,
    counterpart: LA,
    terms: terms('Autumn 2026', '2026-08-01', '2026-10-31', LA),
    deadline: at(7, 30, '17:00'),
  };
  await w.ours('jointop', autumn, 'ProposeJointOperation', ours, at(7, 20, '10:00'));
  await w.theirs(
    LA,
    'jointop',
    autumn,
    'RecordJointOperationAgreement',
    { decision: 'agreed' },
    at(7, 22, '10:00'),
  );
  const autumnReport = { summary: 'One ring', victimsRescued: 4, suspectsArrested: 2, casesInvestigated: 1 };
  await w.ours('jointop', autumn, 'CloseJointOperation', { report: autumnReport }, at(11, 3, '10:00'));
}
