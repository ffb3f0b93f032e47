/**
 * Test support for the round-trip property: for every payload type of a case, where the message
 * applies (the receiving node's case brought there through the real deciders and this mapping), and
 * the arbitrary valid payloads a counterpart may send.
 */
import { HandoverMinutes, OutboundKind } from '@xb/domain';
import { minutesBytesOf } from '../wire-mapping/minutes';
import { PayloadInput, PayloadType } from '@xb/envelope';
import fc from 'fast-check';
import { timestampOf } from '../wire-mapping/convert';
import { personIdOf } from '../wire-mapping/person';
import { Agency, CHILD, CN, deliver, NOW, VN, WOMAN } from './wire-conversation';
import * as a from './wire-arbitraries';

export const CASE = '0193a7e2-0000-4000-8000-00000000f00d';
const CHILD_ID = '0193a7e2-0000-4000-8000-00000000c0de';

/** The message's sender and receiver, brought to where the message applies. */
export interface RoundTripCase<P extends PayloadType> {
  readonly kind: OutboundKind;
  readonly from: 'VN' | 'CN';
  readonly setup?: (vn: Agency, cn: Agency) => void;
  /** Another verification round answers the answer: the header names a causation id. */
  readonly answersAnAnswer?: boolean;
  /** The message answers one the receiver sent: its id, from the receiver's case (the header's causation id). */
  readonly causationOf?: (receiver: Agency) => string;
  readonly payload: fc.Arbitrary<PayloadInput<P>>;
}

export type CasePayloadType = Exclude<PayloadType, 'xborder.v1.AuditSealHead' | 'xborder.v1.ErasureNotice'>;

const verificationRequested = (vn: Agency, cn: Agency) => {
  vn.act('verification', CASE, 'DraftVerificationRequest', {
    caseId: CASE,
    counterpart: CN,
    subject: { role: 'victim', person: WOMAN },
    purposes: ['identity', 'nationality', 'family'],
    details: 'Found at a bus station',
    deadline: '2026-11-30T04:00:00Z',
  });
  deliver(vn, cn, vn.act('verification', CASE, 'SendVerificationRequest', {}));
};

/** CN rescued the victim and asks VN, her home side, to take her (and her child) back. */
const repatriationRequested = (vn: Agency, cn: Agency) => {
  const request = {
    caseId: CASE,
    counterpart: VN,
    victim: WOMAN,
    children: [{ childId: CHILD_ID, person: CHILD }],
    circumstances: 'Rescued in Jinping county',
    deadline: '2026-12-20T00:00:00Z',
  };
  deliver(cn, vn, cn.act('repatriation', CASE, 'RequestRepatriation', request));
};
const repatriationAccepted = (vn: Agency, cn: Agency) => {
  repatriationRequested(vn, cn);
  deliver(vn, cn, vn.act('repatriation', CASE, 'AcceptRepatriation', {}));
};
const arrangement = { borderGate: 'Ma Lu Thang', date: '2026-12-02', time: '09:30', receivingUnit: 'BGC' };
const repatriationScheduled = (vn: Agency, cn: Agency) => {
  repatriationAccepted(vn, cn);
  deliver(vn, cn, vn.act('repatriation', CASE, 'ScheduleRepatriationHandover', arrangement));
};

/** VN holds the warrant and asks CN, which located the suspect. */
const suspectRequested = (vn: Agency, cn: Agency) => {
  const request = {
    caseId: CASE,
    counterpart: CN,
    suspect: WOMAN,
    warrantReference: '123/QD',
    warrantIssuedBy: 'Lai Chau police',
    warrantIssuedOn: '2026-10-30',
    offences: 'Art. 150',
    deadline: '2026-12-20T00:00:00Z',
  };
  deliver(vn, cn, vn.act('handover', CASE, 'RequestSuspectHandover', request));
};
const suspectAccepted = (vn: Agency, cn: Agency) => {
  suspectRequested(vn, cn);
  deliver(cn, vn, cn.act('handover', CASE, 'AcceptSuspectHandover', {}));
};

const terms = {
  name: 'Spring crackdown',
  startDate: '2026-12-01',
  endDate: '2027-02-28',
  units: [{ agencyId: VN, name: 'Lai Chau BGC' }],
  targets: ['brokers'],
};
const proposed = (vn: Agency, cn: Agency) =>
  deliver(
    vn,
    cn,
    vn.act('jointop', CASE, 'ProposeJointOperation', {
      caseId: CASE,
      counterpart: CN,
      terms,
      deadline: '2026-11-30T00:00:00Z',
    }),
  );
const agreed = (vn: Agency, cn: Agency) => {
  proposed(vn, cn);
  deliver(cn, vn, cn.act('jointop', CASE, 'AgreeJointOperation', {}));
};

/** VN asks CN to find a missing woman; CN takes the request on and, for a link, rescues her. */
const rescueRequested = (vn: Agency, cn: Agency) => {
  const request = {
    caseId: CASE,
    counterpart: CN,
    missingPerson: WOMAN,
    lastContact: { date: '2026-10-01', place: 'Hekou' },
    phoneNumbers: ['+84 912 000 001'],
    photos: [],
    circumstances: 'Left with a broker; last call from Hekou',
    deadline: '2026-12-20T00:00:00Z',
  };
  deliver(vn, cn, vn.act('rescue', CASE, 'RequestLocateRescue', request));
};
const rescueAcknowledged = (vn: Agency, cn: Agency) => {
  rescueRequested(vn, cn);
  deliver(cn, vn, cn.act('rescue', CASE, 'AcknowledgeLocateRescue', {}));
};
const rescued = (vn: Agency, cn: Agency) => {
  rescueAcknowledged(vn, cn);
  const outcome = { at: '2026-11-20T04:00:00Z', place: 'Jinping', person: WOMAN };
  deliver(cn, vn, cn.act('rescue', CASE, 'RecordPersonRescued', outcome));
};
/** VN holds the warrant and asks CN to find the suspect; CN takes it on and, for a link, arrests him. */
const wantedRequested = (vn: Agency, cn: Agency) => {
  const request = {
    caseId: CASE,
    counterpart: CN,
    suspect: WOMAN,
    warrantReference: '124/QD',
    warrantIssuedBy: 'Lai Chau police',
    warrantIssuedOn: '2026-10-30',
    offences: 'Art. 150',
    photos: [],
    deadline: '2026-12-20T00:00:00Z',
  };
  deliver(vn, cn, vn.act('wanted', CASE, 'RequestWantedPerson', request));
};
const wantedAcknowledged = (vn: Agency, cn: Agency) => {
  wantedRequested(vn, cn);
  deliver(cn, vn, cn.act('wanted', CASE, 'AcknowledgeWantedPerson', {}));
};
const wantedArrested = (vn: Agency, cn: Agency) => {
  wantedAcknowledged(vn, cn);
  deliver(
    cn,
    vn,
    cn.act('wanted', CASE, 'RecordWantedPersonArrest', { at: '2026-11-20T04:00:00Z', place: 'Hekou' }),
  );
};
const photos = fc.array(
  fc.record({ sha256: a.digest, mediaType: fc.constantFrom('image/jpeg', 'image/png', 'image/webp') }),
  { maxLength: 3 },
);
const phoneNumbers = fc.array(
  fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `+84 ${n}`),
  { maxLength: 3 },
);

const points = fc.array(a.enumValue(6), { minLength: 1, maxLength: 4 });
const forms = fc.array(a.enumValue(8), { maxLength: 3 });
const agencyId = fc.constantFrom(VN, CN, 'LA.MOS', 'VN.MPS.C02');
const termsArbitrary = fc
  .record({
    name: a.text,
    startsOn: a.calendarDate(),
    days: fc.integer({ min: 0, max: 120 }),
    units: fc.array(fc.record({ agencyId, unitName: a.optionalText, role: a.optionalText }), {
      minLength: 1,
      maxLength: 3,
    }),
    targets: a.texts,
    areas: a.texts,
    forms,
  })
  .map(({ days, startsOn, ...rest }) => {
    const end = new Date(Date.UTC(startsOn.year, startsOn.month - 1, startsOn.day + days));
    const endsOn = { year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() };
    return { ...rest, startsOn, endsOn };
  });
const personIds = fc.subarray([personIdOf(CASE, 'victim'), CHILD_ID], { minLength: 1 });
const notAfterNow = Date.parse(NOW);

const verificationRequest = fc.record({
  subjectRole: a.enumValue(3),
  person: a.person,
  points,
  answerBy: a.timestamp,
  fileReference: a.optionalText,
  circumstances: a.optionalText,
  traffickingForm: a.optionalEnum(8),
});

/**
 * Point answers to the request of `verificationRequested` (identity, nationality, family), as an
 * answer with `outcome` may give them: none (a sender before schema version 4), or each point asked
 * with a result of its own pair that agrees with the outcome (some of them while more is needed).
 */
const R = { confirmed: 1, notConfirmed: 2, traced: 3, notTraced: 4 };
const ASKED = [
  { point: 1, results: [R.confirmed, R.notConfirmed] },
  { point: 2, results: [R.confirmed, R.notConfirmed] },
  { point: 4, results: [R.traced, R.notTraced] },
];
const pointAnswersFor = (outcome: number): fc.Arbitrary<{ point: number; result: number }[]> => {
  const each = (pick: (results: number[]) => fc.Arbitrary<number>) =>
    fc.tuple(...ASKED.map(({ point, results }) => pick(results).map((result) => ({ point, result }))));
  const answered: fc.Arbitrary<{ point: number; result: number }[]> = (() => {
    switch (outcome) {
      case 1:
        return each(([yes]) => fc.constant(yes));
      case 2:
        return each(([, no]) => fc.constant(no));
      case 3:
        return each((results) => fc.constantFrom(...results));
      default:
        return each((results) => fc.constantFrom(...results)).chain((all) => fc.subarray(all));
    }
  })();
  return fc.oneof(fc.constant<{ point: number; result: number }[]>([]), answered);
};

/** Another verification round: a request answering our "more information needed". */
export const ANOTHER_ROUND: RoundTripCase<'xborder.v1.VerificationRequest'> = {
  kind: 'VerificationAdditionalInformation',
  from: 'VN',
  answersAnAnswer: true,
  setup: (vn, cn) => {
    verificationRequested(vn, cn);
    const more = { outcome: 'more_information_needed', findings: "the father's name" };
    deliver(cn, vn, cn.act('verification', CASE, 'AnswerVerificationRequest', more));
  },
  payload: verificationRequest,
};

const MINUTES_ID = '0193a7e2-0000-4000-8000-00000000b1e5';
const signatureBytes = fc.uint8Array({ minLength: 1, maxLength: 300 });
/** The minutes CN (the handing side) draws up on the scheduled case, any documents, belongings and officers. */
const minutesBy = (documents: string[], belongings: string[], officers: [string, string][]) => ({
  minutesId: MINUTES_ID,
  handedOverAt: '2026-11-23T02:30:00Z',
  personIds: [CASE, CHILD_ID],
  documents,
  belongings,
  officers: [
    { agency: CN, name: 'Li Wei', position: 'Inspector' },
    { agency: VN, name: 'Nguyen Van An', position: 'Captain' },
    ...officers.map(([name, position], i) => ({ agency: i % 2 ? VN : CN, name, position })),
  ],
});
const proposedMinutes = (cn: Agency, data: ReturnType<typeof minutesBy>) => {
  const [proposed] = cn.act('repatriation', CASE, 'ProposeRepatriationMinutes', data);
  return (proposed.data as { minutes: HandoverMinutes }).minutes;
};
/** CN holds the suspect and hands them over: its minutes of the scheduled hand-over. */
const suspectScheduled = (vn: Agency, cn: Agency) => {
  suspectAccepted(vn, cn);
  deliver(cn, vn, cn.act('handover', CASE, 'ScheduleSuspectHandover', arrangement));
};
const proposedSuspectMinutes = (cn: Agency, data: ReturnType<typeof minutesBy>) => {
  // The suspect is named by the case's reference for them (here the case id: the request gave no id).
  const [proposed] = cn.act('handover', CASE, 'ProposeSuspectHandoverMinutes', {
    ...data,
    personIds: [CASE],
  });
  return (proposed.data as { minutes: HandoverMinutes }).minutes;
};
/**
 * At the gate, before the hand-over is recorded: CN (handing over) draws up and signs the minutes, VN
 * agrees them and countersigns; co-signed on both sides.
 */
const minutesCoSigned = (vn: Agency, cn: Agency, category: 'repatriation' | 'handover') => {
  const data = minutesBy(['passport'], ['bag'], []);
  const process = category === 'repatriation' ? 'Repatriation' : 'SuspectHandover';
  const minutes = category === 'repatriation' ? proposedMinutes(cn, data) : proposedSuspectMinutes(cn, data);
  const sign = { minutesId: MINUTES_ID, signature: 'c2ln' };
  deliver(cn, vn, cn.act(category, CASE, `Sign${process}Minutes`, sign));
  vn.act(category, CASE, `Countersign${process}Minutes`, { minutes });
  deliver(vn, cn, vn.act(category, CASE, `Sign${process}Minutes`, sign));
};
const repatriationCoSigned = (vn: Agency, cn: Agency) => {
  repatriationScheduled(vn, cn);
  minutesCoSigned(vn, cn, 'repatriation');
};
const minutesArbitrary = fc.tuple(
  fc.array(a.text, { maxLength: 3 }),
  fc.array(a.text, { maxLength: 3 }),
  fc.array(fc.tuple(a.text, a.text), { maxLength: 2 }),
);
const meeting = {
  caseId: CASE,
  counterpart: CN,
  kind: 'regular',
  level: 'border_post',
  agenda: ['Tips received this month'],
  place: 'Ma Lu Thang border post',
  startsAt: '2026-12-10T02:00:00Z',
  deadline: '2026-12-01T00:00:00Z',
};
const meetingProposed = (vn: Agency, cn: Agency) =>
  deliver(vn, cn, vn.act('liaison', CASE, 'ProposeLiaisonMeeting', meeting));
const meetingHeld = (vn: Agency, cn: Agency) => {
  meetingProposed(vn, cn);
  deliver(cn, vn, cn.act('liaison', CASE, 'AgreeLiaisonMeeting', {}));
  const held = { heldAt: '2026-12-10T02:00:00Z' };
  deliver(vn, cn, vn.act('liaison', CASE, 'RecordLiaisonMeetingHeld', held, '2026-12-10T06:00:00Z'));
};
const meetingClosed = (vn: Agency, cn: Agency) => {
  meetingHeld(vn, cn);
  const actionItems = [
    { number: 1, description: 'Share the list', owner: CN, deadline: '2027-01-10T00:00:00Z' },
  ];
  const minutes = { summary: 'Agreed to share lists', actionItems };
  deliver(vn, cn, vn.act('liaison', CASE, 'RecordLiaisonMeetingMinutes', minutes, '2026-12-10T06:00:00Z'));
};
const delegation = {
  caseId: CASE,
  counterpart: CN,
  kind: 'delegation',
  purpose: 'Exchange of experience',
  members: [{ person: WOMAN, rank: 'Major' }],
  arrivesOn: '2026-12-05',
  departsOn: '2026-12-07',
  entryGate: { code: 'VN-CN.MALUTHANG' },
  deadline: '2026-12-01T00:00:00Z',
};
const missionRequested = (vn: Agency, cn: Agency) =>
  deliver(vn, cn, vn.act('mission', CASE, 'RequestMission', delegation));
const missionAccepted = (vn: Agency, cn: Agency) => {
  missionRequested(vn, cn);
  deliver(cn, vn, cn.act('mission', CASE, 'AcceptMission', {}));
};
const missionDeparted = (vn: Agency, cn: Agency) => {
  missionAccepted(vn, cn);
  const later = '2026-12-08T00:00:00Z';
  deliver(
    cn,
    vn,
    cn.act('mission', CASE, 'RecordMissionArrival', { at: '2026-12-05T02:00:00Z' }, later),
    later,
  );
  deliver(
    cn,
    vn,
    cn.act('mission', CASE, 'RecordMissionDeparture', { at: '2026-12-07T09:00:00Z' }, later),
    later,
  );
};
const actionItems = fc
  .array(fc.record({ description: a.text, ownerAgencyId: fc.constantFrom(VN, CN), dueBy: a.timestamp }), {
    maxLength: 3,
  })
  .map((items) => items.map((item, index) => ({ number: index + 1, ...item })));
const missionRequest = fc
  .record({
    kind: a.enumValue(2),
    purpose: a.text,
    supportedCaseKind: fc.constantFrom(1, 2, 3, 5),
    supportedCaseId: a.uuid,
    members: fc.array(fc.record({ person: a.person, rank: a.optionalText, role: a.optionalText }), {
      minLength: 1,
      maxLength: 2,
    }),
    arrivesOn: a.calendarDate(),
    days: fc.integer({ min: 0, max: 30 }),
    entryGate: a.gate,
    respondBy: a.timestamp,
    linked: fc.boolean(),
  })
  .map(({ days, arrivesOn, linked, supportedCaseKind, supportedCaseId, ...rest }) => {
    const end = new Date(Date.UTC(arrivesOn.year, arrivesOn.month - 1, arrivesOn.day + days));
    const departsOn = { year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() };
    // A working group names the case it supports; a delegation may.
    const supported = linked || rest.kind === 1 ? { supportedCaseKind, supportedCaseId } : {};
    return { ...rest, ...supported, arrivesOn, departsOn };
  });

const LA = 'LA.PHONGSALY.POLICE';
/** CN sent VN a notice; VN asks CN to let it go on to Laos. */
const noticeReceived = (vn: Agency, cn: Agency) => {
  const notice = {
    caseId: CASE,
    counterpart: VN,
    category: 'case_information',
    title: 'Network',
    content: 'Seen at the gate',
  };
  deliver(cn, vn, cn.act('notice', CASE, 'SendInformationNotice', notice));
};
const disseminationRequested = (vn: Agency, cn: Agency) => {
  noticeReceived(vn, cn);
  deliver(
    vn,
    cn,
    vn.act('notice', CASE, 'RequestDissemination', { recipient: LA, purpose: 'Same network in Laos' }),
  );
};

export const ROUND_TRIP_CASES: { readonly [P in CasePayloadType]: RoundTripCase<P> } = {
  'xborder.v1.VerificationRequest': {
    kind: 'VerificationRequest',
    from: 'VN',
    payload: verificationRequest,
  },
  'xborder.v1.VerificationAnswer': {
    kind: 'VerificationAnswer',
    from: 'CN',
    setup: verificationRequested,
    payload: fc
      .record(
        {
          outcome: a.enumValue(4),
          pointAnswers: fc.constant([]),
          confirmedPoints: fc.array(a.enumValue(6), { maxLength: 3 }),
          unconfirmedPoints: fc.array(a.enumValue(6), { maxLength: 3 }),
          verifiedPerson: a.person,
          informationNeeded: a.texts,
          fileReference: a.optionalText,
          remarks: a.optionalText,
        },
        { requiredKeys: ['outcome'] },
      )
      .chain((answer) =>
        pointAnswersFor(answer.outcome).map((pointAnswers) => ({ ...answer, pointAnswers })),
      ),
  },
  'xborder.v1.VictimIdentificationNotice': {
    kind: 'VictimIdentification',
    from: 'CN',
    setup: repatriationRequested,
    payload: fc
      .record({
        identified: fc.boolean(),
        child: fc.boolean(),
        others: fc.subarray([1, 2, 3, 4]),
        grounds: a.text,
        identifyingAuthority: a.optionalText,
        identifiedOn: a.calendarDate(),
      })
      .map(({ identified, child, others, ...rest }) => ({
        decision: identified ? 1 : 2,
        // Identified needs the act and the purpose, and the means unless a child; each criterion once.
        criteria: identified ? [1, 3, child ? 4 : 2] : others,
        ...rest,
      })),
  },
  'xborder.v1.VerificationWithdrawal': {
    kind: 'VerificationWithdrawal',
    from: 'VN',
    setup: verificationRequested,
    payload: fc.record({ reason: a.text }),
  },
  'xborder.v1.RepatriationRequest': {
    kind: 'RepatriationRequest',
    from: 'CN',
    payload: fc.record(
      {
        victim: a.person,
        verificationCaseId: a.uuid,
        traffickingForm: a.optionalEnum(8),
        rescuedAt: a.timestamp,
        rescuedWhere: a.optionalText,
        proposedGate: a.gate,
        proposedDate: a.calendarDate(),
        supportNeeds: fc.array(a.enumValue(7), { maxLength: 3 }),
        fileReference: a.optionalText,
        remarks: a.optionalText,
        respondBy: a.timestamp,
      },
      // Senders since schema version 2 state the deadline (without one this node sets its own).
      { requiredKeys: ['victim', 'respondBy'] },
    ),
  },
  'xborder.v1.RepatriationDecision': {
    kind: 'RepatriationDecision',
    from: 'VN',
    setup: repatriationRequested,
    payload: fc
      .tuple(a.decision, a.optionalText)
      .map(([decision, receivingUnit]) => ({ ...decision, receivingUnit })),
  },
  'xborder.v1.RepatriationChildAdded': {
    kind: 'RepatriationChildAdded',
    from: 'CN',
    setup: repatriationRequested,
    payload: fc.record({ child: a.accompanyingChild }),
  },
  'xborder.v1.RepatriationHandoverScheduled': {
    kind: 'HandoverScheduling',
    from: 'VN',
    setup: repatriationAccepted,
    payload: a.schedule,
  },
  'xborder.v1.RepatriationMinutesProposal': {
    kind: 'RepatriationMinutesProposal',
    from: 'CN',
    setup: repatriationScheduled,
    payload: fc
      .tuple(minutesArbitrary, signatureBytes)
      .map(([[documents, belongings, officers], signature]) => {
        // Drawn up by a CN node of its own (the real sender's case stays unsigned): the same deciders.
        const [vn, cn] = [new Agency(VN), new Agency(CN)];
        repatriationScheduled(vn, cn);
        return {
          minutes: minutesBytesOf(proposedMinutes(cn, minutesBy(documents, belongings, officers))),
          signature,
        };
      }),
  },
  'xborder.v1.RepatriationMinutesCountersignature': {
    kind: 'RepatriationMinutesCountersignature',
    from: 'VN',
    setup: (vn, cn) => {
      repatriationScheduled(vn, cn);
      proposedMinutes(cn, minutesBy(['passport'], ['bag'], []));
      deliver(
        cn,
        vn,
        cn.act('repatriation', CASE, 'SignRepatriationMinutes', { minutesId: MINUTES_ID, signature: 'c2ln' }),
      );
    },
    payload: signatureBytes.map((signature) => {
      const [vn, cn] = [new Agency(VN), new Agency(CN)];
      repatriationScheduled(vn, cn);
      return {
        minutes: minutesBytesOf(proposedMinutes(cn, minutesBy(['passport'], ['bag'], []))),
        signature,
      };
    }),
  },
  'xborder.v1.RepatriationHandoverDone': {
    kind: 'HandoverCompleted',
    from: 'CN',
    setup: repatriationCoSigned,
    payload: fc.record(
      {
        handedOverAt: a.timestamp,
        gate: a.gate,
        personIds,
        receivedBy: a.officer,
        minutesReference: a.optionalText,
      },
      { requiredKeys: ['handedOverAt', 'gate', 'personIds'] },
    ),
  },
  'xborder.v1.RepatriationReceptionConfirmed': {
    kind: 'ReceptionConfirmed',
    from: 'VN',
    setup: repatriationCoSigned,
    payload: fc.record({
      receivedAt: a.timestamp,
      receivingUnit: a.text,
      referral: a.optionalEnum(4),
      remarks: a.optionalText,
      personIds: fc.oneof(fc.constant<string[]>([]), personIds),
    }),
  },
  'xborder.v1.RepatriationCancellation': {
    kind: 'RepatriationCancellation',
    from: 'VN',
    setup: repatriationRequested,
    payload: fc.record({ reason: a.text }),
  },
  'xborder.v1.SuspectHandoverRequest': {
    kind: 'SuspectHandoverRequest',
    from: 'VN',
    payload: fc.record(
      {
        suspect: a.person,
        warrant: fc.record(
          {
            issuingAuthority: a.text,
            number: a.text,
            issuedOn: a.calendarDate(notAfterNow),
            offence: a.text,
            documentSha256: a.digest,
          },
          { requiredKeys: ['issuingAuthority', 'number', 'issuedOn', 'offence'] },
        ),
        locatedAt: a.optionalText,
        proposedGate: a.gate,
        verificationCaseId: a.uuid,
        fileReference: a.optionalText,
        remarks: a.optionalText,
        respondBy: a.timestamp,
      },
      { requiredKeys: ['suspect', 'warrant', 'respondBy'] },
    ),
  },
  'xborder.v1.SuspectHandoverDecision': {
    kind: 'SuspectHandoverDecision',
    from: 'CN',
    setup: suspectRequested,
    payload: a.decision,
  },
  'xborder.v1.SuspectHandoverScheduled': {
    kind: 'SuspectHandoverScheduling',
    from: 'CN',
    setup: suspectAccepted,
    payload: a.schedule,
  },
  'xborder.v1.SuspectHandoverDone': {
    kind: 'SuspectHandoverCompleted',
    from: 'CN',
    setup: (vn, cn) => {
      suspectScheduled(vn, cn);
      minutesCoSigned(vn, cn, 'handover');
    },
    payload: fc.record(
      {
        handedOverAt: a.timestamp,
        gate: a.gate,
        personId: a.uuid,
        receivedBy: a.officer,
        minutesReference: a.optionalText,
        exhibitsCount: fc.integer({ min: 0, max: 20 }),
      },
      { requiredKeys: ['handedOverAt', 'gate', 'personId'] },
    ),
  },
  'xborder.v1.SuspectHandoverCancellation': {
    kind: 'SuspectHandoverCancellation',
    from: 'CN',
    setup: suspectRequested,
    payload: fc.record({ reason: a.text }),
  },
  'xborder.v1.JointOperationProposal': {
    kind: 'JointOperationProposal',
    from: 'VN',
    payload: fc.record(
      { terms: termsArbitrary, remarks: a.optionalText, respondBy: a.timestamp },
      { requiredKeys: ['terms', 'respondBy'] },
    ),
  },
  'xborder.v1.JointOperationAgreement': {
    kind: 'JointOperationAgreement',
    from: 'CN',
    setup: proposed,
    payload: fc.record({ terms: termsArbitrary, minutesReference: a.optionalText }),
  },
  'xborder.v1.JointOperationDeclined': {
    kind: 'JointOperationAgreement',
    from: 'CN',
    setup: proposed,
    payload: fc.record({ reason: a.text }),
  },
  'xborder.v1.JointOperationCaseLinked': {
    kind: 'JointOperationCaseLink',
    from: 'CN',
    setup: agreed,
    payload: fc.record({
      caseKind: fc.constantFrom(1, 2, 3, 5),
      caseId: a.uuid,
      fileReference: a.optionalText,
      summary: a.optionalText,
    }),
  },
  'xborder.v1.JointOperationResultReport': {
    kind: 'JointOperationReport',
    from: 'CN',
    setup: agreed,
    payload: fc.record({
      results: fc.record({
        casesDetected: fc.nat(50),
        suspectsArrested: fc.nat(50),
        suspectsHandedOver: fc.nat(50),
        victimsRescued: fc.nat(50),
        victimsRepatriated: fc.nat(50),
        childVictims: fc.nat(50),
      }),
      linkedCaseIds: fc.array(a.uuid, { maxLength: 3 }),
      assessment: a.optionalText,
      proposals: a.optionalText,
    }),
  },
  'xborder.v1.CaseInformation': {
    kind: 'InformationNotice',
    from: 'VN',
    payload: fc.record({
      subject: a.text,
      body: a.text,
      persons: fc.array(a.person, { maxLength: 2 }),
      relatedCaseIds: fc.array(a.uuid, { maxLength: 3 }),
      traffickingForm: a.optionalEnum(8),
      documentSha256s: fc.array(a.digest, { maxLength: 2 }),
    }),
  },
  'xborder.v1.CriminalMethod': {
    kind: 'InformationNotice',
    from: 'CN',
    payload: fc.record(
      {
        title: a.text,
        description: a.text,
        traffickingForm: a.optionalEnum(8),
        indicators: a.texts,
        routes: a.texts,
        observedSince: a.calendarDate(),
      },
      { requiredKeys: ['title', 'description'] },
    ),
  },
  'xborder.v1.HotlineTipOff': {
    kind: 'InformationNotice',
    from: 'VN',
    payload: fc.record({
      receivedAt: a.timestamp,
      callerKind: a.optionalEnum(5),
      content: a.text,
      location: a.optionalText,
      urgency: a.enumValue(3),
      persons: fc.array(a.person, { maxLength: 2 }),
      callReference: a.optionalText,
    }),
  },
  'xborder.v1.LocateRescueRequest': {
    kind: 'LocateRescueRequest',
    from: 'VN',
    payload: fc.record({
      missingPerson: a.person,
      lastContact: fc.record({ date: a.calendarDate(), place: a.text, means: a.optionalText }),
      phoneNumbers,
      suspectedPlace: a.optionalText,
      photos,
      circumstances: a.text,
      respondBy: a.timestamp,
    }),
  },
  'xborder.v1.LocateRescueAcknowledgement': {
    kind: 'LocateRescueAcknowledgement',
    from: 'CN',
    setup: rescueRequested,
    payload: fc.record({ assignedUnit: a.optionalText, remarks: a.optionalText }),
  },
  'xborder.v1.LocateRescueProgress': {
    kind: 'LocateRescueProgress',
    from: 'CN',
    setup: rescueAcknowledged,
    payload: fc.record({ summary: a.text }),
  },
  'xborder.v1.LocateRescueOutcome': {
    kind: 'LocateRescueOutcome',
    from: 'CN',
    setup: rescueAcknowledged,
    payload: fc.oneof(
      fc.record({ result: fc.constant(1), at: a.timestamp, place: a.text, remarks: a.optionalText }),
      fc.record({
        result: fc.constant(2),
        at: a.timestamp,
        place: a.text,
        person: a.person,
        heldAt: a.optionalText,
        remarks: a.optionalText,
      }),
      fc.record({ result: fc.constant(3), remarks: a.text }),
    ),
  },
  'xborder.v1.LocateRescueCaseLinked': {
    kind: 'LocateRescueCaseLink',
    from: 'CN',
    setup: rescued,
    payload: fc.record({ caseKind: fc.constantFrom(1, 2), caseId: a.uuid }),
  },
  'xborder.v1.WantedPersonRequest': {
    kind: 'WantedPersonRequest',
    from: 'VN',
    payload: fc.record({
      suspect: a.person,
      warrant: fc.record(
        {
          issuingAuthority: a.text,
          number: a.text,
          issuedOn: a.calendarDate(),
          offence: a.text,
          documentSha256: a.digest,
        },
        { requiredKeys: ['issuingAuthority', 'number', 'issuedOn', 'offence'] },
      ),
      lastKnownPlace: a.optionalText,
      photos,
      respondBy: a.timestamp,
    }),
  },
  'xborder.v1.WantedPersonAcknowledgement': {
    kind: 'WantedPersonAcknowledgement',
    from: 'CN',
    setup: wantedRequested,
    payload: fc.record({ assignedUnit: a.optionalText, remarks: a.optionalText }),
  },
  'xborder.v1.WantedPersonProgress': {
    kind: 'WantedPersonProgress',
    from: 'VN',
    setup: wantedAcknowledged,
    payload: fc.record({ summary: a.text }),
  },
  'xborder.v1.WantedPersonOutcome': {
    kind: 'WantedPersonOutcome',
    from: 'CN',
    setup: wantedAcknowledged,
    payload: fc.oneof(
      fc.record({
        result: fc.constant(1),
        arrestedAt: a.timestamp,
        place: a.text,
        heldAt: a.optionalText,
        remarks: a.optionalText,
      }),
      fc.record({ result: fc.constant(2), remarks: a.text }),
    ),
  },
  'xborder.v1.WantedPersonCaseLinked': {
    kind: 'WantedPersonCaseLink',
    from: 'VN',
    setup: wantedArrested,
    payload: fc.record({ caseKind: fc.constant(3), caseId: a.uuid }),
  },
  'xborder.v1.LiaisonMeetingProposal': {
    kind: 'LiaisonMeetingProposal',
    from: 'VN',
    payload: fc.record({
      kind: a.enumValue(3),
      level: a.enumValue(3),
      agenda: fc.array(a.text, { minLength: 1, maxLength: 3 }),
      place: a.text,
      startsAt: a.timestamp,
      respondBy: a.timestamp,
      hostAgencyId: fc.constantFrom(VN, CN),
    }),
  },
  'xborder.v1.LiaisonMeetingAgreement': {
    kind: 'LiaisonMeetingAnswer',
    from: 'CN',
    setup: meetingProposed,
    payload: fc.constant({ place: meeting.place, startsAt: timestampOf(meeting.startsAt) }),
  },
  'xborder.v1.LiaisonMeetingCounterProposal': {
    kind: 'LiaisonMeetingAnswer',
    from: 'CN',
    setup: meetingProposed,
    payload: fc.record({
      place: a.text,
      startsAt: a.timestamp,
      reason: a.optionalText,
      respondBy: a.timestamp,
    }),
  },
  'xborder.v1.LiaisonMeetingHeld': {
    kind: 'LiaisonMeetingHeld',
    from: 'CN',
    setup: (vn, cn) => {
      meetingProposed(vn, cn);
      deliver(cn, vn, cn.act('liaison', CASE, 'AgreeLiaisonMeeting', {}));
    },
    payload: fc.record({ heldAt: a.timestamp, attendees: a.texts }),
  },
  'xborder.v1.LiaisonMeetingMinutes': {
    kind: 'LiaisonMeetingMinutes',
    from: 'CN',
    setup: meetingHeld,
    payload: fc.record({ summary: a.text, actionItems, minutesReference: a.optionalText }),
  },
  'xborder.v1.LiaisonActionItemDone': {
    kind: 'LiaisonActionItemDone',
    from: 'CN',
    setup: meetingClosed,
    payload: fc.record({ number: fc.constant(1), doneAt: a.timestamp, remarks: a.optionalText }),
  },
  'xborder.v1.MissionRequest': { kind: 'MissionRequest', from: 'VN', payload: missionRequest },
  'xborder.v1.MissionDecision': {
    kind: 'MissionDecision',
    from: 'CN',
    setup: missionRequested,
    payload: fc.oneof(
      fc.record({ decision: fc.constant(1), remarks: a.optionalText }),
      fc.record({ decision: fc.constant(2), remarks: a.text }),
    ),
  },
  'xborder.v1.MissionMovement': {
    kind: 'MissionMovement',
    from: 'CN',
    setup: missionAccepted,
    payload: fc.record({ movement: fc.constant(1), at: a.timestamp, gate: a.gate }),
  },
  'xborder.v1.MissionOutcomeReport': {
    kind: 'MissionOutcome',
    from: 'VN',
    setup: missionDeparted,
    payload: fc.record({ summary: a.text, linkedCaseIds: fc.array(a.uuid, { maxLength: 3 }) }),
  },
  'xborder.v1.SuspectHandoverMinutesProposal': {
    kind: 'SuspectHandoverMinutesProposal',
    from: 'CN',
    setup: suspectScheduled,
    payload: fc
      .tuple(minutesArbitrary, signatureBytes)
      .map(([[documents, belongings, officers], signature]) => {
        const [vn, cn] = [new Agency(VN), new Agency(CN)];
        suspectScheduled(vn, cn);
        const data = minutesBy(documents, belongings, officers);
        return { minutes: minutesBytesOf(proposedSuspectMinutes(cn, data)), signature };
      }),
  },
  'xborder.v1.SuspectHandoverMinutesCountersignature': {
    kind: 'SuspectHandoverMinutesCountersignature',
    from: 'VN',
    setup: (vn, cn) => {
      suspectScheduled(vn, cn);
      proposedSuspectMinutes(cn, minutesBy(['warrant (copy)'], ['phone'], []));
      const sign = { minutesId: MINUTES_ID, signature: 'c2ln' };
      deliver(cn, vn, cn.act('handover', CASE, 'SignSuspectHandoverMinutes', sign));
    },
    payload: signatureBytes.map((signature) => {
      const [vn, cn] = [new Agency(VN), new Agency(CN)];
      suspectScheduled(vn, cn);
      const data = minutesBy(['warrant (copy)'], ['phone'], []);
      return { minutes: minutesBytesOf(proposedSuspectMinutes(cn, data)), signature };
    }),
  },
  'xborder.v1.DisseminationRequest': {
    kind: 'DisseminationRequest',
    from: 'VN',
    setup: noticeReceived,
    payload: fc.record({ recipientAgencyId: fc.constantFrom(LA, 'TH.RTP.CHIANGRAI'), purpose: a.text }),
  },
  'xborder.v1.DisseminationAnswer': {
    kind: 'DisseminationAnswer',
    from: 'CN',
    setup: disseminationRequested,
    causationOf: (vn) =>
      vn.state<{ disseminationRequests: { requestId: string }[] }>('notice', CASE).disseminationRequests[0]
        .requestId,
    payload: fc.record({
      recipientAgencyId: fc.constant(LA),
      granted: fc.boolean(),
      conditions: a.optionalText,
      reason: a.optionalText,
    }),
  },
};
