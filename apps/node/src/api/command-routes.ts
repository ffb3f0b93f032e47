import { ProcessCategory } from '@xb/domain';
import { Role } from '../auth/roles';

/**
 * Every officer command the API offers, one row each: `POST /api/<resource>` opens a case (the node
 * chooses its id), `POST /api/<resource>/{caseId}/<action>` takes a step. The OpenAPI document, the
 * controller and the demo all read this table, so a command is added in one place.
 */
export interface CommandRoute {
  readonly resource: string;
  /** Absent for the command that opens a case. */
  readonly action?: string;
  readonly category: ProcessCategory;
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
const COUNTERPART = 'CN.YN.BORDERPOLICE';
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
  (category: ProcessCategory, resource: string, roles: readonly Role[]) =>
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

export const COMMAND_ROUTES: readonly CommandRoute[] = [
  verification(
    'DraftVerificationRequest',
    undefined,
    'Draft a verification request to a counterpart',
    (now) => ({
      counterpart: COUNTERPART,
      subject: { role: 'victim', person: PERSON },
      purpose: 'identity_and_nationality',
      details: 'Rescued in Hekou on 2026-11-20; states she is from Phong Tho district.',
      deadline: deadline(now),
      // What the case's rules do not act on but the message carries (docs/protocol.md, section 5).
      annex: { fileReference: 'LC-2026-117', traffickingForm: 'forced_marriage' },
    }),
  ),
  verification('SendVerificationRequest', 'send', 'Send the drafted request'),
  verification('AnswerVerificationRequest', 'answer', "Answer a counterpart's request", {
    outcome: 'confirmed',
    findings: 'Identity and nationality confirmed by the commune police.',
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
      counterpart: COUNTERPART,
      victim: PERSON,
      children: [CHILD],
      circumstances: 'Rescued with her son during a joint operation; both in a shelter.',
      deadline: deadline(now),
      annex: {
        traffickingForm: 'forced_marriage',
        rescuedWhere: 'Jinping county, Yunnan',
        supportNeeds: ['shelter', 'child_care'],
        fileReference: 'LC-2026-118',
      },
    }),
  ),
  repatriation('StartRepatriationVerification', 'start-verification', 'Start verifying the victim', {}),
  repatriation('AcceptRepatriation', 'accept', 'Accept the repatriation', { note: 'Identity confirmed.' }),
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
    services: ['medical', 'psychological', 'legal'],
    referredTo: 'Lai Chau Women\u2019s Union',
  }),
  repatriation('CancelRepatriation', 'cancel', 'Cancel before the hand-over', {
    reason: 'Victim chose to stay with relatives.',
  }),

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
  route('notice', 'hotline-tips', ['liaison_officer'])(
    'RecordHotlineTip',
    undefined,
    'Record a tip-off received on the hotline',
    (now) => ({
      channel: 'phone',
      title: 'Girl taken across near Dao San',
      content: 'Caller reports a 16-year-old taken across the border by a relative last night.',
      receivedAt: at(now, -0.1),
      processingDeadline: at(now, 1),
    }),
  ),
];

/** The category a case resource belongs to (`repatriations` → `repatriation`). */
export const RESOURCES: ReadonlyMap<string, ProcessCategory> = new Map(
  COMMAND_ROUTES.map((r) => [r.resource, r.category]),
);

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
