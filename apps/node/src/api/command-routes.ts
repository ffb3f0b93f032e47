import { Command, Decider, deciderOf, DomainEvent, ProcessCategory } from '@xb/domain';
import { outboundMessageDecider } from '@xb/exchange';
import { Role } from '../auth/roles';

/**
 * Every officer command the API offers, one row each: `POST /api/<resource>` opens a case (the node
 * chooses its id), `POST /api/<resource>/{caseId}/<action>` takes a step. The OpenAPI document, the
 * controller and the demo all read this table, so a command is added in one place.
 */
/** A case's process, or `exchange`: an outbound message's delivery (libs/exchange outbound-message). */
export type RouteCategory = ProcessCategory | 'exchange';

export interface CommandRoute {
  readonly resource: string;
  /** Absent for the command that opens a case. */
  readonly action?: string;
  readonly category: RouteCategory;
  readonly command: string;
  readonly roles: readonly Role[];
  readonly summary: string;
  /**
   * A valid body as of `now`, shown in the API docs and used by the demo (made-up particulars of no
   * real person). Dated from the caller's clock, never the wall clock, so that a test with a fixed clock
   * gets an example valid on its day.
   */
  readonly example: (now: Date) => Record<string, unknown>;
}

type Example = Record<string, unknown> | ((now: Date) => Record<string, unknown>);

const LIAISON: readonly Role[] = ['liaison_officer'];
const CASEWORK: readonly Role[] = ['liaison_officer', 'border_guard_command'];

const PERSON = {
  name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' },
  dateOfBirth: { year: 2004, month: 3 },
  sex: 'female',
  claimedNationality: 'VN',
  ethnicGroup: 'Thai',
  homeAddress: 'Ban Mu, Xa Ma Ly Pho, Phong Tho, Lai Chau',
  identityDocuments: [{ type: 'national_id', number: '012345678901', issuingCountry: 'VN' }],
  languages: ['vi'],
};
const CHILD_ID = '0193a7b2-0000-7000-8000-0000000000c1';
const CHILD = {
  childId: CHILD_ID,
  person: {
    name: { original: 'Lò Văn Bình', romanised: 'Lo Van Binh' },
    dateOfBirth: { year: 2024 },
    sex: 'male',
    identityDocuments: [],
  },
};
// Who is asked: victims are found across the border and verified and received at home, so China asks
// Vietnam; Vietnam asks China for suspects, crackdowns and notices.
const VIETNAM = 'VN.BGC.LAICHAU';
const COUNTERPART = 'CN.YN.BORDERPOLICE';
// A notice passed on goes to a third agency (docs/confidentiality.md, handling codes).
const THIRD_AGENCY = 'LA.PHONGSALY.POLICE';
const EXAMPLE_REQUEST_ID = '0193a7b2-0000-7000-8000-0000000000d1';
// Examples are dated from the caller's clock, so they stay valid: deadlines and hand-overs lie ahead,
// what is recorded as done lies just behind.
const at = (now: Date, days: number) =>
  new Date(Math.floor(now.getTime() / 60_000) * 60_000 + days * 86_400_000).toISOString();
const deadline = (now: Date) => at(now, 14);
const schedule = (now: Date) => ({
  borderGate: 'Ma Lu Thang - Jinshuihe',
  date: at(now, 17).slice(0, 10),
  time: '09:30',
  receivingUnit: 'Ma Lu Thang border post',
});

const route =
  (category: RouteCategory, resource: string, roles: readonly Role[]) =>
  (command: string, action: string | undefined, summary: string, example: Example = {}): CommandRoute => ({
    resource,
    ...(action ? { action } : {}),
    category,
    command,
    roles,
    summary,
    example: typeof example === 'function' ? example : () => example,
  });

const verification = route('verification', 'verifications', LIAISON);
const repatriation = route('repatriation', 'repatriations', CASEWORK);
const handover = route('handover', 'suspect-handovers', CASEWORK);
const jointop = route('jointop', 'joint-operations', CASEWORK);
const notice = route('notice', 'notices', LIAISON);
const rescue = route('rescue', 'locate-rescues', CASEWORK);
const wanted = route('wanted', 'wanted-persons', CASEWORK);
const RESCUED_PERSON = {
  ...PERSON,
  name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' },
  accompanyingChildren: [{ person: CHILD.person, relationship: 'child' }],
};
const SUSPECT = {
  ...PERSON,
  name: { original: 'Nguyễn Văn Test', romanised: 'Nguyen Van Test' },
  sex: 'male',
};
const liaison = route('liaison', 'liaison-meetings', CASEWORK);
const mission = route('mission', 'missions', CASEWORK);

export const COMMAND_ROUTES: readonly CommandRoute[] = [
  verification(
    'DraftVerificationRequest',
    undefined,
    'Draft a verification request to a counterpart',
    (now) => ({
      counterpart: VIETNAM,
      subject: { role: 'victim', person: PERSON },
      // Any of identity, nationality, family, documents, criminal_record; each is answered on its own.
      purposes: ['identity', 'nationality', 'family'],
      details:
        'Rescued by Hekou police on 2026-11-20 with her son; states she is from Ma Ly Pho, Phong Tho, Lai Chau.',
      deadline: deadline(now),
      // What the case's rules do not act on but the message carries (docs/protocol.md, section 5).
      annex: { fileReference: 'HK-2026-117', traffickingForm: 'forced_marriage' },
    }),
  ),
  verification('SendVerificationRequest', 'send', 'Send the drafted request'),
  verification('AnswerVerificationRequest', 'answer', "Answer a counterpart's request", {
    outcome: 'confirmed',
    findings:
      'Identity and Vietnamese nationality confirmed against the household registry and by the Ma Ly Pho commune police; her parents live in Ban Mu.',
    // One answer per purpose asked: identity and nationality confirmed / not_confirmed, family traced /
    // not_traced, documents genuine / not_genuine, criminal_record found / none.
    answers: { identity: 'confirmed', nationality: 'confirmed', family: 'traced' },
  }),
  verification(
    'ProvideAdditionalInformation',
    'additional-information',
    'Give the information the counterpart asked for',
    (now) => ({ information: 'Mother: Lo Thi Hoa, same village.', deadline: deadline(now) }),
  ),
  verification('WithdrawVerificationRequest', 'withdraw', 'Withdraw the request', {
    reason: 'Person identified by other means.',
  }),
  verification('CloseVerification', 'close', 'Close the case', { note: 'Answer used for the repatriation.' }),

  repatriation(
    'RequestRepatriation',
    undefined,
    'Ask the counterpart to take a rescued victim (and children) back',
    (now) => ({
      counterpart: VIETNAM,
      victim: PERSON,
      children: [CHILD],
      circumstances: 'Rescued by Hekou police with her son; both are in the Hekou shelter.',
      deadline: deadline(now),
      annex: {
        traffickingForm: 'forced_marriage',
        rescuedWhere: 'Hekou, Yunnan',
        supportNeeds: ['shelter', 'child_care'],
        fileReference: 'HK-2026-118',
      },
    }),
  ),
  repatriation('StartRepatriationVerification', 'start-verification', 'Start verifying the victim', {}),
  repatriation('AcceptRepatriation', 'accept', 'Accept the repatriation', {
    note: 'Identity and nationality verified; she and her son will be received.',
  }),
  repatriation('RefuseRepatriation', 'refuse', 'Refuse the repatriation', {
    reason: 'Not a national of the receiving country.',
  }),
  repatriation('AddAccompanyingChild', 'children', 'Add a child travelling with the victim', CHILD),
  repatriation(
    'ScheduleRepatriationHandover',
    'schedule',
    'Schedule or reschedule the hand-over at a border gate',
    schedule,
  ),
  repatriation('RecordRepatriationHandover', 'handover', 'Record the hand-over at the gate', (now) => ({
    handedOverAt: at(now, -0.05),
    childIds: [CHILD_ID],
  })),
  repatriation(
    'ConfirmRepatriationReception',
    'reception',
    'Confirm the support facility received the victim',
    (now) => ({
      facility: 'Lai Chau social protection centre',
      receivedAt: at(now, -0.01),
      childIds: [CHILD_ID],
    }),
  ),
  repatriation('ReferRepatriatedVictim', 'referral', 'Refer the victim to support services', {
    services: ['shelter', 'medical', 'legal', 'family_reunification'],
    referredTo: 'Lai Chau Women\u2019s Union',
  }),
  repatriation('CancelRepatriation', 'cancel', 'Cancel before the hand-over', {
    reason: 'Victim chose to stay with relatives.',
  }),
  repatriation(
    'IdentifyRepatriationVictim',
    'identification',
    'Decide whether the person is a victim of trafficking, on the agreed criteria and grounds; the counterpart is told',
    (now) => ({
      decision: 'identified',
      criteria: ['act', 'means', 'purpose'],
      grounds: 'Recruited with a false job offer, taken across the border and sold into a forced marriage.',
      authority: 'Lai Chau provincial police, anti-trafficking unit',
      identifiedOn: at(now, 0).slice(0, 10),
    }),
  ),
  repatriation(
    'ProposeRepatriationMinutes',
    'minutes',
    'Draw up the hand-over minutes (the node then signs them with the agency key and sends them)',
    (now) => ({
      handedOverAt: at(now, -0.05),
      documents: ['Identity card (copy)', 'Birth certificate of the child'],
      belongings: ['One travel bag', 'One mobile phone'],
      officers: [
        { agency: COUNTERPART, name: 'Li Wei', position: 'Inspector, Jinshuihe border police' },
        { agency: 'VN.BGC.LAICHAU', name: 'Nguyen Van An', position: 'Captain, Ma Lu Thang border post' },
      ],
    }),
  ),
  repatriation(
    'CountersignRepatriationMinutes',
    'minutes-countersign',
    'Agree the counterpart\u2019s minutes as received (the case view: minutes.minutes); the node then countersigns them',
    { minutes: { note: 'the minutes exactly as received' } },
  ),

  handover('RequestSuspectHandover', undefined, 'Request a wanted person held by the counterpart', (now) => ({
    counterpart: COUNTERPART,
    suspect: { ...PERSON, name: { original: 'Nguyễn Văn Test', romanised: 'Nguyen Van Test' }, sex: 'male' },
    warrantReference: 'LCH-2026-0042',
    warrantIssuedBy: 'Lai Chau Provincial People\u2019s Procuracy',
    warrantIssuedOn: '2026-10-02',
    offences: 'Trafficking in persons (Criminal Code art. 150)',
    deadline: deadline(now),
  })),
  handover('AcceptSuspectHandover', 'accept', 'Accept to hand the suspect over', {
    note: 'Held at Jinshuihe.',
  }),
  handover('RefuseSuspectHandover', 'refuse', 'Refuse the hand-over', {
    reason: 'Suspect is prosecuted locally.',
  }),
  handover('ScheduleSuspectHandover', 'schedule', 'Schedule or reschedule the hand-over', schedule),
  handover('RecordSuspectHandover', 'handover', 'Record the suspect handed over', (now) => ({
    handedOverAt: at(now, -0.05),
  })),
  handover('CancelSuspectHandover', 'cancel', 'Cancel the hand-over', { reason: 'Warrant withdrawn.' }),
  handover(
    'ProposeSuspectHandoverMinutes',
    'minutes',
    'Holding side: draw up the hand-over minutes (the node then signs them with the agency key and sends them)',
    (now) => ({
      handedOverAt: at(now, -0.05),
      documents: ['Arrest warrant LCH-2026-0042 (certified copy)', 'Record of arrest'],
      belongings: ['One mobile phone (exhibit 1)', 'Cash, 3,000 CNY (exhibit 2)'],
      officers: [
        { agency: COUNTERPART, name: 'Li Wei', position: 'Inspector, Jinshuihe border police' },
        { agency: VIETNAM, name: 'Nguyen Van An', position: 'Captain, Ma Lu Thang border post' },
      ],
    }),
  ),
  handover(
    'CountersignSuspectHandoverMinutes',
    'minutes-countersign',
    'Receiving side: agree the counterpart\u2019s minutes as received (the case view: minutes.minutes); the node then countersigns them',
    { minutes: { note: 'the minutes exactly as received' } },
  ),

  jointop('ProposeJointOperation', undefined, 'Propose a joint crackdown period', (now) => ({
    counterpart: COUNTERPART,
    terms: {
      name: 'Joint crackdown on the Ma Lu Thang route',
      startDate: at(now, 30).slice(0, 10),
      endDate: at(now, 120).slice(0, 10),
      units: [
        { agencyId: 'VN.BGC.LAICHAU', name: 'Lai Chau border guard' },
        { agencyId: COUNTERPART, name: 'Yunnan border police' },
      ],
      targets: ['Marriage brokering rings on the Ma Lu Thang route'],
    },
    deadline: deadline(now),
  })),
  jointop('AgreeJointOperation', 'agree', 'Agree the proposed period', {}),
  jointop('DeclineJointOperation', 'decline', 'Decline the proposal', {
    reason: 'Units committed elsewhere.',
  }),
  jointop('LinkCaseToJointOperation', 'cases', 'Link a case to the period', {
    process: 'repatriation',
    linkedCaseId: '0193a7b2-0000-7000-8000-000000000001',
  }),
  jointop('CloseJointOperation', 'close', 'Close with the joint result report', {
    report: {
      summary: 'Two rings dismantled.',
      victimsRescued: 7,
      suspectsArrested: 3,
      casesInvestigated: 4,
    },
  }),

  notice(
    'SendInformationNotice',
    undefined,
    'Send case information, a new criminal method or a tip to a counterpart',
    {
      counterpart: COUNTERPART,
      category: 'criminal_method',
      title: 'Recruitment through fake factory jobs',
      content: 'Brokers post factory jobs in Hekou on social media and take recruits across at night.',
    },
  ),
  notice('ClassifyInformationNotice', 'classify', 'Classify a received notice or tip', {
    category: 'hotline_tip',
    priority: 'urgent',
    topics: ['recruitment'],
  }),
  notice('ProcessInformationNotice', 'process', 'Record how the notice was processed', {
    outcome: 'actioned',
    note: 'Passed to the district police.',
  }),
  notice('CloseInformationNotice', 'close', 'Close the notice', {}),
  notice(
    'ForwardInformationNotice',
    'forward',
    "Pass a counterpart's notice on to a third agency: only as its handling code allows or its originator granted",
    { counterpart: THIRD_AGENCY },
  ),
  notice(
    'RequestDissemination',
    'dissemination-requests',
    "Ask the originator of a counterpart's notice to let it go on to a third agency",
    { recipient: THIRD_AGENCY, purpose: 'The same broker network recruits in Phongsaly.' },
  ),
  notice(
    'AnswerDisseminationRequest',
    'dissemination-answers',
    "Grant or refuse a counterpart's request to pass our notice on (its conditions travel with it)",
    {
      requestId: EXAMPLE_REQUEST_ID,
      granted: true,
      conditions: 'For the Phongsaly police only; not for use in court.',
    },
  ),
  route('notice', 'hotline-tips', ['liaison_officer'])(
    'RecordHotlineTip',
    undefined,
    'Record a tip-off received on the hotline',
    (now) => ({
      channel: 'phone',
      callerKind: 'relative',
      urgency: 'immediate',
      title: 'Girl taken across near Dao San',
      content: 'Caller reports a 16-year-old taken across the border by a relative last night.',
      receivedAt: at(now, -0.1),
      processingDeadline: at(now, 1),
    }),
  ),
  route('notice', 'hotline-tips', ['liaison_officer'])(
    'ForwardHotlineTip',
    'forward',
    'Forward a hotline tip to a counterpart as the same case, its urgency kept',
    { counterpart: COUNTERPART },
  ),

  rescue(
    'RequestLocateRescue',
    undefined,
    'Ask the counterpart to locate and rescue a missing person (a family\u2019s report)',
    (now) => ({
      counterpart: COUNTERPART,
      missingPerson: PERSON,
      lastContact: { date: at(now, -20).slice(0, 10), place: 'Hekou, Yunnan', means: 'phone call' },
      phoneNumbers: ['+84 912 000 001', '+86 138 0000 0001'],
      suspectedPlace: 'Jinping county, Yunnan',
      photos: [{ sha256: 'ab'.repeat(32), mediaType: 'image/jpeg' }],
      circumstances: 'Left Ma Ly Pho with a woman promising factory work; her mother reported her missing.',
      deadline: deadline(now),
    }),
  ),
  rescue('AcknowledgeLocateRescue', 'acknowledge', 'Take the request on', {
    assignedUnit: 'Hekou border police station',
  }),
  rescue('ReportLocateRescueProgress', 'progress', 'Report progress of the search', {
    summary: 'The phone number was last used near Jinping; officers are checking the village.',
  }),
  rescue('RecordPersonLocated', 'located', 'Record that the person was located', (now) => ({
    at: at(now, -0.2),
    place: 'A village in Jinping county',
  })),
  rescue('RecordPersonRescued', 'rescued', 'Record the rescue, with her particulars as found', (now) => ({
    at: at(now, -0.1),
    place: 'Jinping county, Yunnan',
    person: RESCUED_PERSON,
    heldAt: 'Hekou social welfare centre',
  })),
  rescue('RecordPersonNotFound', 'not-found', 'End the search: not found', {
    note: 'Not at the suspected place; the phone number is no longer in use.',
  }),
  rescue('LinkCaseToLocateRescue', 'cases', 'Link the verification or repatriation case that followed', {
    process: 'repatriation',
    linkedCaseId: '0193a7b2-0000-7000-8000-000000000001',
  }),

  wanted(
    'RequestWantedPerson',
    undefined,
    'Ask the counterpart to locate and arrest a wanted person',
    (now) => ({
      counterpart: COUNTERPART,
      suspect: SUSPECT,
      warrantReference: 'LCH-2026-0043',
      warrantIssuedBy: 'Lai Chau Provincial Police, Investigation Agency',
      warrantIssuedOn: at(now, -30).slice(0, 10),
      offences: 'Trafficking in persons (Criminal Code art. 150)',
      lastKnownPlace: 'Hekou, Yunnan',
      photos: [],
      deadline: deadline(now),
    }),
  ),
  wanted('AcknowledgeWantedPerson', 'acknowledge', 'Take the request on', {
    assignedUnit: 'Hekou border police, criminal investigation',
  }),
  wanted('ReportWantedPersonProgress', 'progress', 'Report progress of the search', {
    summary: 'Seen at the Hekou bus station last week.',
  }),
  wanted('RecordWantedPersonArrest', 'arrested', 'Record the arrest', (now) => ({
    at: at(now, -0.1),
    place: 'Hekou, Yunnan',
    heldAt: 'Hekou detention centre',
  })),
  wanted('RecordWantedPersonNotFound', 'not-found', 'End the search: not found', {
    note: 'Left the province; no trace since.',
  }),
  wanted('LinkCaseToWantedPerson', 'cases', 'Link the suspect hand-over that followed', {
    process: 'handover',
    linkedCaseId: '0193a7b2-0000-7000-8000-000000000002',
  }),
  liaison(
    'ProposeLiaisonMeeting',
    undefined,
    'Propose a liaison meeting (regular, ad hoc or the annual review) to a counterpart',
    (now) => ({
      counterpart: COUNTERPART,
      kind: 'regular',
      level: 'border_post',
      agenda: ['Tips and notices of the month', 'Repatriations pending at Ma Lu Thang'],
      place: 'Ma Lu Thang border post',
      startsAt: at(now, 10),
      deadline: at(now, 5),
    }),
  ),
  liaison('AgreeLiaisonMeeting', 'agree', 'Agree the date and place last proposed', {}),
  liaison('CounterProposeLiaisonMeeting', 'counter-propose', 'Propose another date or place', (now) => ({
    place: 'Jinshuihe border station',
    startsAt: at(now, 12),
    reason: 'The head of post is away that week.',
    deadline: at(now, 6),
  })),
  liaison('RecordLiaisonMeetingHeld', 'held', 'Record that the meeting took place', (now) => ({
    heldAt: at(now, -0.05),
    attendees: ['Lt. Col. Nguyen Van A (head, VN)', 'Supt. Li Wei (head, CN)'],
  })),
  liaison(
    'RecordLiaisonMeetingMinutes',
    'minutes',
    'Close the meeting with its minutes and the action items agreed (each owned by one side)',
    (now) => ({
      summary: 'Agreed to exchange the lists of missing persons monthly.',
      minutesReference: 'BB-2026-12',
      actionItems: [
        {
          number: 1,
          description: 'Send the list of missing persons reported in Phong Tho.',
          owner: 'VN.BGC.LAICHAU',
          deadline: at(now, 14),
        },
        {
          number: 2,
          description: 'Check the list against the Jinping shelters.',
          owner: COUNTERPART,
          deadline: at(now, 30),
        },
      ],
    }),
  ),
  liaison('CompleteLiaisonActionItem', 'action-items-done', 'Mark an action item this agency owns done', {
    number: 1,
    remarks: 'List sent by the liaison desk.',
  }),

  mission(
    'RequestMission',
    undefined,
    'Ask a counterpart to receive a working group supporting a case, or a delegation',
    (now) => ({
      counterpart: COUNTERPART,
      kind: 'working_group',
      purpose: 'Support the identification of the victims rescued in Jinping.',
      supportedCase: { process: 'repatriation', caseId: '0193a7b2-0000-7000-8000-000000000001' },
      members: [
        {
          person: {
            name: { original: 'Trần Văn Hùng', romanised: 'Tran Van Hung' },
            identityDocuments: [{ type: 'passport', number: 'C0000001', issuingCountry: 'VN' }],
          },
          rank: 'Lieutenant Colonel',
          role: 'head',
        },
      ],
      arrivesOn: at(now, 10).slice(0, 10),
      departsOn: at(now, 13).slice(0, 10),
      entryGate: { code: 'VN-CN.MALUTHANG-JINSHUIHE', name: 'Ma Lu Thang - Jinshuihe' },
      deadline: at(now, 5),
    }),
  ),
  mission('AcceptMission', 'accept', 'Accept to receive the group', { remarks: 'Met at the gate.' }),
  mission('RefuseMission', 'refuse', 'Refuse to receive the group', {
    reason: 'Dates clash with a holiday.',
  }),
  mission('RecordMissionArrival', 'arrival', 'Record the group entering (host side)', (now) => ({
    at: at(now, -0.1),
  })),
  mission('RecordMissionDeparture', 'departure', 'Record the group leaving (host side)', (now) => ({
    at: at(now, -0.05),
  })),
  mission('ReportMissionOutcome', 'outcome', 'Report the outcome and close (sending side)', {
    summary: 'Three victims identified; two suspects named to the Chinese side.',
  }),
  // `{caseId}` is the message id here: the officers' message views and a case's timeline show it.
  route('exchange', 'messages', CASEWORK)(
    'ResendMessage',
    'resend',
    'Send a rejected or unacknowledged message again, once its cause is fixed',
    { note: 'The counterpart imported our renewed public key on the hotline.' },
  ),
];

/** The category a case resource belongs to (`repatriations` → `repatriation`). */
export const RESOURCES: ReadonlyMap<string, ProcessCategory> = new Map(
  COMMAND_ROUTES.flatMap((r) => (r.category === 'exchange' ? [] : [[r.resource, r.category] as const])),
);

/** The decider a route's command goes to. */
export const deciderOfRoute = (route: CommandRoute): Decider<Command, DomainEvent, unknown> =>
  (route.category === 'exchange' ? outboundMessageDecider : deciderOf(route.category)) as unknown as Decider<
    Command,
    DomainEvent,
    unknown
  >;

export function findRoute(resource: string, action?: string): CommandRoute | undefined {
  return COMMAND_ROUTES.find((r) => r.resource === resource && r.action === action);
}

/**
 * The person register's commands (docs/persons.md): `POST /api/persons` records a person (the node chooses the
 * id and computes the blind indexes), `POST /api/persons/{personId}/<action>` acts on one. Served by the persons
 * controller through the PersonRegister (a confirmation writes two streams), not by the case command handler.
 */
export interface PersonCommandRoute {
  readonly resource: 'persons';
  readonly action?: string;
  readonly command: string;
  readonly roles: readonly Role[];
  readonly summary: string;
  readonly example: (now: Date) => Record<string, unknown>;
}

const OTHER_PERSON = '0193a7b2-0000-7000-8000-0000000000e2';
const personRoute = (
  command: string,
  action: string | undefined,
  summary: string,
  example: Record<string, unknown>,
): PersonCommandRoute => ({
  resource: 'persons',
  ...(action ? { action } : {}),
  command,
  roles: CASEWORK,
  summary,
  example: () => example,
});

export const PERSON_COMMAND_ROUTES: readonly PersonCommandRoute[] = [
  personRoute('RecordPerson', undefined, 'Record a person in the register', {
    particulars: PERSON,
    placeOfOrigin: 'VN-01',
  }),
  personRoute('LinkCaseRecord', 'links', "Link a case's record to the person", {
    caseId: '0193a7b2-0000-7000-8000-000000000101',
    category: 'verification',
    role: 'subject',
  }),
  personRoute('ConfirmMatch', 'confirm', 'Confirm a proposed candidate: merge them into this person', {
    otherPersonId: OTHER_PERSON,
    score: 0.82,
  }),
  personRoute('RejectMatch', 'reject', 'Reject a proposed candidate: another person', {
    otherPersonId: OTHER_PERSON,
    reason: 'Different mother and village.',
  }),
  personRoute('UndoMerge', 'split', 'Undo a merge: the merged person is a person of their own again', {
    mergedPersonId: OTHER_PERSON,
    reason: 'Confirmed in error: different date of birth on her ID card.',
  }),
];

export function findPersonRoute(action?: string): PersonCommandRoute | undefined {
  return PERSON_COMMAND_ROUTES.find((r) => r.action === action);
}
