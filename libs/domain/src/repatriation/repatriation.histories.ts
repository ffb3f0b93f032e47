import { applied as inb, CHILD, PERSON, queued as out, THEM, US } from '../testing/fixtures';
import { minutesHistory } from '../testing/minutes-histories';
import { AgreedHandover, draftMinutes, HandoverMinutes, instantOfLocal, localTimesOf } from '../shared';
import { RepatriationEvent } from './events';

/** The local times a schedule event records: the gate time set by `by`, on the requesting then receiving side. */
export const timesOf = (date: string, time: string, by: string, requesting: string, receiving: string) =>
  localTimesOf(instantOfLocal(date, time, by), [requesting, receiving]);

// Shared by the repatriation specs: a request and the histories of both sides.
export const DEADLINE = '2026-11-30T10:00:00Z';
export const request = {
  caseId: '0193a7b2-0000-7000-8000-000000000201',
  victim: PERSON,
  children: [{ childId: '0193a7b2-0000-7000-8000-000000000c01', person: CHILD }],
  circumstances: 'rescued in a raid',
  deadline: DEADLINE,
};
export const gate = {
  borderGate: 'Ma Lu Thang',
  date: '2026-12-02',
  time: '09:30',
  receivingUnit: 'Border post Ma Lu Thang',
};

// We rescued the victim and request (requesting side); THEM receives.
export const requested: RepatriationEvent = {
  type: 'RepatriationRequested',
  data: { ...request, requestingAgency: US, receivingAgency: THEM, ...out('m-req', 'RepatriationRequest') },
};
export const acceptedByThem: RepatriationEvent = {
  type: 'RepatriationAccepted',
  data: { decision: 'accepted', ...inb('in-dec') },
};
export const scheduledByUs: RepatriationEvent = {
  type: 'RepatriationHandoverScheduled',
  data: {
    schedule: { ...gate, revision: 1, proposedBy: US },
    // 09:30 at the gate in Vietnam is 10:30 in China.
    localTimes: [
      { agency: US, zone: 'Asia/Ho_Chi_Minh', local: '2026-12-02T09:30:00+07:00' },
      { agency: THEM, zone: 'Asia/Shanghai', local: '2026-12-02T10:30:00+08:00' },
    ],
    ...out('m-s1', 'HandoverScheduling'),
  },
};
export const handedOver: RepatriationEvent = {
  type: 'RepatriationHandedOver',
  data: {
    handedOverAt: '2026-11-23T03:00:00Z',
    childIds: ['0193a7b2-0000-7000-8000-000000000c01'],
    ...out('m-ho', 'HandoverCompleted'),
  },
};
export const reception = {
  facility: 'Lai Chau social protection centre',
  receivedAt: '2026-11-23T03:30:00Z',
  childIds: ['0193a7b2-0000-7000-8000-000000000c01'],
};

// THEM rescued a victim and asks us (receiving side).
export const received: RepatriationEvent = {
  type: 'RepatriationRequestReceived',
  data: { ...request, requestingAgency: THEM, receivingAgency: US, ...inb('in-req') },
};
export const verifying: RepatriationEvent = {
  type: 'RepatriationVerificationStarted',
  data: { verificationCaseId: 'v-9' },
};
export const acceptedByUs: RepatriationEvent = {
  type: 'RepatriationAccepted',
  data: { decision: 'accepted', ...out('m-dec', 'RepatriationDecision', 'in-req') },
};
export const scheduledByThem: RepatriationEvent = {
  type: 'RepatriationHandoverScheduled',
  data: {
    schedule: { ...gate, revision: 1, proposedBy: THEM },
    // 09:30 in China is 08:30 in Vietnam.
    localTimes: [
      { agency: THEM, zone: 'Asia/Shanghai', local: '2026-12-02T09:30:00+08:00' },
      { agency: US, zone: 'Asia/Ho_Chi_Minh', local: '2026-12-02T08:30:00+07:00' },
    ],
    ...inb('in-s1'),
  },
};
export const handedOverToUs: RepatriationEvent = {
  type: 'RepatriationHandedOver',
  data: {
    handedOverAt: '2026-11-23T03:00:00Z',
    childIds: ['0193a7b2-0000-7000-8000-000000000c01'],
    ...inb('in-ho'),
  },
};
export const receivedByUs: RepatriationEvent = {
  type: 'RepatriationReceptionConfirmed',
  data: { ...reception, ...out('m-rc', 'ReceptionConfirmed') },
};

// The co-signed hand-over minutes, which a hand-over waits for (docs/protocol.md section 5a).
export const CHILD_ID = request.children[0].childId;
export const MINUTES_ID = '0193a7b2-0000-7000-8000-0000000000a1';
export const officers = [
  { agency: US, name: 'Nguyen Van An', position: 'Captain' },
  { agency: THEM, name: 'Li Wei', position: 'Inspector' },
];
export const proposal = {
  minutesId: MINUTES_ID,
  handedOverAt: '2026-11-23T02:30:00.000Z',
  personIds: [request.caseId, CHILD_ID],
  documents: ['passport (copy)'],
  belongings: ['one bag', 'phone'],
  officers,
};

export const agreed = (handing: string, receiving: string): AgreedHandover & { borderGate: string } => ({
  caseId: request.caseId,
  process: 'repatriation',
  handingOverAgency: handing,
  receivingAgency: receiving,
  borderGate: 'Ma Lu Thang',
  persons: [
    { personId: request.caseId, role: 'victim' },
    { personId: CHILD_ID, role: 'child' },
  ],
});
export const persons = agreed(US, THEM).persons;
/** The minutes we draw up when we hand over (we requested). */
export const ours: HandoverMinutes = draftMinutes({ ...proposal, persons }, agreed(US, THEM));
/** The minutes the counterpart draws up when it hands over to us. */
export const theirs: HandoverMinutes = draftMinutes({ ...proposal, persons }, agreed(THEM, US));

export const {
  proposed,
  signedByUs,
  receivedTheirs,
  agreedByUs,
  coSignedByThem,
  countersignedByUs,
  coSignedAsHanding,
  coSignedAsReceiving,
} = minutesHistory('Repatriation', ours, theirs);
