/**
 * The ids that travel on the wire must be UUIDs, as xborder.v1 requires: every opening command's
 * caseId (the envelope's correlation id), a joint operation's linkedCaseId, and a child's childId
 * (the child's wire person id, so both nodes keep the same id). Refusals name the field, never the value.
 */
import { Command, DomainEvent, isDomainError } from './decider';
import { DECIDERS, ProcessCategory } from './processes';
import { CHILD, fromThem, NOW, PERSON, queued, queuing, THEM, US } from './testing/fixtures';

const CASE = '0193a7b2-0000-7000-8000-0000000000e1';
const NOT_UUIDS = ['case-1', '0193A7B2-0000-7000-8000-0000000000E1', '0193a7b20000700080000000000000e1', ''];
const DEADLINE = '2026-11-30T10:00:00Z';

const officer = (type: string, data: unknown, messageId = 'm'): Command => ({
  type,
  data: data as Record<string, unknown>,
  metadata: queuing(messageId),
});
const inbound = (type: string, data: unknown): Command => ({
  type,
  data: data as Record<string, unknown>,
  metadata: fromThem('in'),
});

const decide = (category: ProcessCategory, history: readonly DomainEvent[], command: Command) => {
  const decider = DECIDERS[category] as unknown as {
    decide: (command: Command, state: unknown) => unknown;
    evolve: (state: unknown, event: DomainEvent) => unknown;
    initialState: () => unknown;
  };
  return decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
};

const refusalOf = (result: unknown): { code: string; reason: string } | undefined =>
  isDomainError(result) ? result : undefined;

const terms = {
  name: 'Peak period winter 2026',
  startDate: '2026-12-01',
  endDate: '2027-02-28',
  units: [
    { agencyId: US, name: 'Lai Chau border guard' },
    { agencyId: THEM, name: 'Jinping border police' },
  ],
  targets: ['bride-trafficking rings'],
};
const verification = { subject: { role: 'victim', person: PERSON }, purposes: ['identity'], details: 'x' };
const repatriation = { victim: PERSON, children: [], circumstances: 'rescued in a raid' };
const handover = {
  suspect: PERSON,
  warrantReference: 'LC-1',
  warrantIssuedBy: 'Lai Chau Provincial Police',
  warrantIssuedOn: '2026-11-01',
  offences: 'trafficking in persons',
};
const notice = { category: 'case_information', title: 't', content: 'c' };

/** Each opening command with a case id, as a function of that id. */
const OPENINGS: [string, ProcessCategory, (caseId: string) => Command][] = [
  [
    'DraftVerificationRequest',
    'verification',
    (caseId) =>
      officer('DraftVerificationRequest', { caseId, counterpart: THEM, deadline: DEADLINE, ...verification }),
  ],
  [
    'ReceiveVerificationRequest',
    'verification',
    (caseId) => inbound('ReceiveVerificationRequest', { caseId, deadline: DEADLINE, ...verification }),
  ],
  [
    'RequestRepatriation',
    'repatriation',
    (caseId) =>
      officer('RequestRepatriation', { caseId, counterpart: THEM, deadline: DEADLINE, ...repatriation }),
  ],
  [
    'ReceiveRepatriationRequest',
    'repatriation',
    (caseId) => inbound('ReceiveRepatriationRequest', { caseId, deadline: DEADLINE, ...repatriation }),
  ],
  [
    'RequestSuspectHandover',
    'handover',
    (caseId) =>
      officer('RequestSuspectHandover', { caseId, counterpart: THEM, deadline: DEADLINE, ...handover }),
  ],
  [
    'ReceiveSuspectHandoverRequest',
    'handover',
    (caseId) => inbound('ReceiveSuspectHandoverRequest', { caseId, deadline: DEADLINE, ...handover }),
  ],
  [
    'ProposeJointOperation',
    'jointop',
    (caseId) => officer('ProposeJointOperation', { caseId, counterpart: THEM, terms, deadline: DEADLINE }),
  ],
  [
    'ReceiveJointOperationProposal',
    'jointop',
    (caseId) => inbound('ReceiveJointOperationProposal', { caseId, terms, deadline: DEADLINE }),
  ],
  [
    'SendInformationNotice',
    'notice',
    (caseId) => officer('SendInformationNotice', { caseId, counterpart: THEM, ...notice }),
  ],
  [
    'ReceiveInformationNotice',
    'notice',
    (caseId) => inbound('ReceiveInformationNotice', { caseId, processingDeadline: DEADLINE, ...notice }),
  ],
  [
    'RecordHotlineTip',
    'notice',
    (caseId) =>
      officer('RecordHotlineTip', {
        caseId,
        channel: 'phone',
        callerKind: 'relative',
        urgency: 'priority',
        title: 't',
        content: 'c',
        receivedAt: NOW,
        processingDeadline: DEADLINE,
      }),
  ],
];

describe('case ids are UUIDs', () => {
  it.each(OPENINGS)('%s opens a case with a UUID case id', (_type, category, command) => {
    expect(refusalOf(decide(category, [], command(CASE)))).toBeUndefined();
  });

  it.each(OPENINGS)('%s refuses any other case id, naming the field only', (_type, category, command) => {
    for (const caseId of NOT_UUIDS) {
      const refusal = refusalOf(decide(category, [], command(caseId)));
      expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'invalid or missing: caseId' });
    }
  });
});

describe('linked case ids are UUIDs', () => {
  const agreed: DomainEvent[] = [
    {
      type: 'JointOperationProposed',
      data: {
        caseId: CASE,
        proposer: US,
        partner: THEM,
        terms,
        deadline: DEADLINE,
        ...queued('p', 'JointOperationProposal'),
      },
    },
    {
      type: 'JointOperationAgreed',
      data: { decision: 'agreed', terms, inbound: { messageId: 'a', counterpart: THEM } },
    },
  ];

  it.each([
    ['LinkCaseToJointOperation', officer],
    ['ReceiveJointOperationCaseLink', inbound],
  ] as const)('%s refuses a linked case id that is not a UUID', (type, build) => {
    expect(
      refusalOf(decide('jointop', agreed, build(type, { process: 'repatriation', linkedCaseId: CASE }))),
    ).toBeUndefined();
    const refusal = refusalOf(
      decide('jointop', agreed, build(type, { process: 'repatriation', linkedCaseId: 'r-1' })),
    );
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'invalid or missing: linkedCaseId' });
  });
});

describe("child ids are UUIDs (they are the children's wire person ids)", () => {
  const child = '0193a7b2-0000-7000-8000-000000000c11';

  it('a request refuses children whose ids are not UUIDs', () => {
    const children = [{ childId: 'child-1', person: CHILD }];
    const refusal = refusalOf(
      decide(
        'repatriation',
        [],
        officer('RequestRepatriation', {
          caseId: CASE,
          counterpart: THEM,
          deadline: DEADLINE,
          ...repatriation,
          children,
        }),
      ),
    );
    expect(refusal).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'invalid or missing: children.childId',
    });
  });

  it('adding a child refuses an id that is not a UUID', () => {
    const requested: DomainEvent = {
      type: 'RepatriationRequested',
      data: {
        caseId: CASE,
        ...repatriation,
        deadline: DEADLINE,
        requestingAgency: US,
        receivingAgency: THEM,
        ...queued('r', 'RepatriationRequest'),
      },
    };
    expect(
      refusalOf(
        decide(
          'repatriation',
          [requested],
          officer('AddAccompanyingChild', { childId: child, person: CHILD }),
        ),
      ),
    ).toBeUndefined();
    const refusal = refusalOf(
      decide(
        'repatriation',
        [requested],
        officer('AddAccompanyingChild', { childId: 'child-2', person: CHILD }),
      ),
    );
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'invalid or missing: childId' });
  });
});
