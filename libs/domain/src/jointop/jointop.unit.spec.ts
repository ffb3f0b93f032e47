import { commandsOf, given } from '../testing/given';
import { applied, fromThem, NOW, OTHER, queued, queuing, THEM, US } from '../testing/fixtures';
import { JointOperationCommand } from './decide';
import { jointOperationDecider as decider } from './decider';
import { describeJointOperationEvent, JointOperationEvent, JointOperationTerms } from './events';
import { jointOperationDeadlineStatus, jointOperationPhase } from './state';

const cmd = commandsOf<JointOperationCommand>();
const fold = (events: JointOperationEvent[]) => events.reduce(decider.evolve, decider.initialState());

const terms: JointOperationTerms = {
  name: 'Peak period winter 2026',
  startDate: '2026-12-01',
  endDate: '2027-02-28',
  units: [
    { agencyId: US, name: 'Lai Chau border guard' },
    { agencyId: THEM, name: 'Jinping border police' },
  ],
  targets: ['bride-trafficking rings on the Ma Lu Thang route'],
};
const amended = { ...terms, endDate: '2027-03-15' };
const DEADLINE = '2026-11-28T00:00:00Z';
const report = { summary: 'joint results', victimsRescued: 12, suspectsArrested: 5, casesInvestigated: 8 };
const IN_PERIOD = '2026-12-10T04:00:00Z';

const proposed: JointOperationEvent = {
  type: 'JointOperationProposed',
  data: {
    caseId: '0193a7b2-0000-7000-8000-000000000401',
    proposer: US,
    partner: THEM,
    terms,
    deadline: DEADLINE,
    ...queued('m-prop', 'JointOperationProposal'),
  },
};
const agreedByThem: JointOperationEvent = {
  type: 'JointOperationAgreed',
  data: { decision: 'agreed', terms, ...applied('in-agr') },
};
const received: JointOperationEvent = {
  type: 'JointOperationProposalReceived',
  data: {
    caseId: '0193a7b2-0000-7000-8000-000000000401',
    proposer: THEM,
    partner: US,
    terms,
    deadline: DEADLINE,
    ...applied('in-prop'),
  },
};
const agreedByUs: JointOperationEvent = {
  type: 'JointOperationAgreed',
  data: { decision: 'agreed', terms: amended, ...queued('m-agr', 'JointOperationAgreement', 'in-prop') },
};
const linked: JointOperationEvent = {
  type: 'JointOperationCaseLinked',
  data: {
    process: 'repatriation',
    linkedCaseId: '0193a7b2-0000-7000-8000-000000000201',
    ...queued('m-link', 'JointOperationCaseLink'),
  },
};

describe('joint operation: transitions', () => {
  it.each<[string, JointOperationEvent[], JointOperationCommand, JointOperationEvent[], string]>([
    [
      'propose',
      [],
      cmd(
        'ProposeJointOperation',
        { caseId: '0193a7b2-0000-7000-8000-000000000401', counterpart: THEM, terms, deadline: DEADLINE },
        queuing('m-prop'),
      ),
      [proposed],
      'proposed',
    ],
    [
      'receive a proposal',
      [],
      cmd(
        'ReceiveJointOperationProposal',
        { caseId: '0193a7b2-0000-7000-8000-000000000401', terms, deadline: DEADLINE },
        fromThem('in-prop'),
      ),
      [received],
      'proposed',
    ],
    [
      'agree with amended terms',
      [received],
      cmd('AgreeJointOperation', { terms: amended }, queuing('m-agr')),
      [agreedByUs],
      'agreed',
    ],
    [
      'agree to the proposal as is',
      [received],
      cmd('AgreeJointOperation', {}, queuing('m-agr')),
      [
        {
          type: 'JointOperationAgreed',
          data: { decision: 'agreed', terms, ...queued('m-agr', 'JointOperationAgreement', 'in-prop') },
        },
      ],
      'agreed',
    ],
    [
      'decline',
      [received],
      cmd('DeclineJointOperation', { reason: 'no capacity' }, queuing('m-agr')),
      [
        {
          type: 'JointOperationDeclined',
          data: {
            decision: 'declined',
            reason: 'no capacity',
            ...queued('m-agr', 'JointOperationAgreement', 'in-prop'),
          },
        },
      ],
      'declined',
    ],
    [
      'record the agreement',
      [proposed],
      cmd('RecordJointOperationAgreement', { decision: 'agreed' }, fromThem('in-agr')),
      [agreedByThem],
      'agreed',
    ],
    [
      'record a decline',
      [proposed],
      cmd('RecordJointOperationAgreement', { decision: 'declined', reason: 'no' }, fromThem('in-agr')),
      [
        {
          type: 'JointOperationDeclined',
          data: { decision: 'declined', reason: 'no', ...applied('in-agr') },
        },
      ],
      'declined',
    ],
    [
      'link a case',
      [proposed, agreedByThem],
      cmd(
        'LinkCaseToJointOperation',
        { process: 'repatriation', linkedCaseId: '0193a7b2-0000-7000-8000-000000000201' },
        queuing('m-link'),
      ),
      [linked],
      'agreed',
    ],
    [
      'receive a case link',
      [proposed, agreedByThem],
      cmd(
        'ReceiveJointOperationCaseLink',
        { process: 'handover', linkedCaseId: '0193a7b2-0000-7000-8000-000000000307' },
        fromThem('in-link'),
      ),
      [
        {
          type: 'JointOperationCaseLinked',
          data: {
            process: 'handover',
            linkedCaseId: '0193a7b2-0000-7000-8000-000000000307',
            ...applied('in-link'),
          },
        },
      ],
      'agreed',
    ],
    [
      'link the same case twice: no-op',
      [proposed, agreedByThem, linked],
      cmd(
        'LinkCaseToJointOperation',
        { process: 'repatriation', linkedCaseId: '0193a7b2-0000-7000-8000-000000000201' },
        queuing('m-2'),
      ),
      [],
      'agreed',
    ],
    [
      'close with the report',
      [proposed, agreedByThem, linked],
      cmd('CloseJointOperation', { report }, { ...queuing('m-rep'), now: IN_PERIOD }),
      [{ type: 'JointOperationClosed', data: { report, ...queued('m-rep', 'JointOperationReport') } }],
      'closed',
    ],
    [
      'receive the report',
      [received, agreedByUs],
      cmd('ReceiveJointOperationReport', { report }, fromThem('in-rep')),
      [{ type: 'JointOperationClosed', data: { report, ...applied('in-rep') } }],
      'closed',
    ],
    [
      'record delivery',
      [proposed],
      cmd('RecordDelivery', { messageId: 'm-prop' }),
      [
        {
          type: 'JointOperationMessageDelivered',
          data: { messageId: 'm-prop', kind: 'JointOperationProposal' },
        },
      ],
      'proposed',
    ],
    [
      'record rejection',
      [proposed],
      cmd('RecordRejection', { messageId: 'm-prop', reason: 'X' }),
      [
        {
          type: 'JointOperationMessageRejected',
          data: { messageId: 'm-prop', kind: 'JointOperationProposal', reason: 'X' },
        },
      ],
      'proposed',
    ],
    [
      'ignore a repeated proposal',
      [received],
      cmd(
        'ReceiveJointOperationProposal',
        { caseId: '0193a7b2-0000-7000-8000-000000000401', terms, deadline: DEADLINE },
        fromThem('in-prop'),
      ),
      [],
      'proposed',
    ],
  ])('%s', (_label, history, command, events, status) => {
    expect(given(decider, history).when(command).then(events).status).toBe(status);
  });

  it('keeps the agreed terms and the linked cases', () => {
    expect(fold([received, agreedByUs, linked])).toMatchObject({
      terms: { endDate: '2027-03-15' },
      linkedCases: [{ process: 'repatriation', caseId: '0193a7b2-0000-7000-8000-000000000201' }],
    });
  });
});

describe('joint operation: refusals', () => {
  it.each<[string, JointOperationEvent[], JointOperationCommand, string]>([
    ['a step on no case', [], cmd('AgreeJointOperation', {}, queuing('m')), 'NOT_FOUND'],
    [
      'a second proposal',
      [proposed],
      cmd(
        'ProposeJointOperation',
        { caseId: '0193a7b2-0000-7000-8000-000000000401', counterpart: THEM, terms, deadline: DEADLINE },
        queuing('m'),
      ),
      'ALREADY_EXISTS',
    ],
    [
      'a period ending before it starts',
      [],
      cmd(
        'ProposeJointOperation',
        {
          caseId: '0193a7b2-0000-7000-8000-000000000401',
          counterpart: THEM,
          terms: { ...terms, endDate: '2026-11-30' },
          deadline: DEADLINE,
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a period already over',
      [],
      cmd(
        'ProposeJointOperation',
        {
          caseId: '0193a7b2-0000-7000-8000-000000000401',
          counterpart: THEM,
          terms: { ...terms, startDate: '2026-01-01', endDate: '2026-03-01' },
          deadline: DEADLINE,
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'no units',
      [],
      cmd(
        'ProposeJointOperation',
        {
          caseId: '0193a7b2-0000-7000-8000-000000000401',
          counterpart: THEM,
          terms: { ...terms, units: [] },
          deadline: DEADLINE,
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a unit with a malformed agency id',
      [],
      cmd(
        'ProposeJointOperation',
        {
          caseId: '0193a7b2-0000-7000-8000-000000000401',
          counterpart: THEM,
          terms: { ...terms, units: [{ agencyId: 'vn', name: 'x' }] },
          deadline: DEADLINE,
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a proposal without a message id',
      [],
      cmd('ProposeJointOperation', {
        caseId: '0193a7b2-0000-7000-8000-000000000401',
        counterpart: THEM,
        terms,
        deadline: DEADLINE,
      }),
      'VALIDATION_FAILED',
    ],
    [
      'the proposer agreeing to its own proposal',
      [proposed],
      cmd('AgreeJointOperation', {}, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'an agreement from the partner side recorded by the partner',
      [received],
      cmd('RecordJointOperationAgreement', { decision: 'agreed' }, fromThem('in-a')),
      'NOT_PERMITTED',
    ],
    [
      'an agreement from a third agency',
      [proposed],
      cmd('RecordJointOperationAgreement', { decision: 'agreed' }, fromThem('in-a', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'agreeing twice',
      [received, agreedByUs],
      cmd('AgreeJointOperation', {}, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'declining without a reason',
      [received],
      cmd('DeclineJointOperation', { reason: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'linking before agreement',
      [proposed],
      cmd(
        'LinkCaseToJointOperation',
        { process: 'repatriation', linkedCaseId: '0193a7b2-0000-7000-8000-000000000201' },
        queuing('m'),
      ),
      'INVALID_TRANSITION',
    ],
    [
      'linking an unknown process',
      [proposed, agreedByThem],
      cmd(
        'LinkCaseToJointOperation',
        { process: 'audit' as never, linkedCaseId: '0193a7b2-0000-7000-8000-000000000201' },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'linking after closing',
      [proposed, agreedByThem, { type: 'JointOperationClosed', data: { report, ...applied('in-rep') } }],
      cmd(
        'LinkCaseToJointOperation',
        { process: 'repatriation', linkedCaseId: '0193a7b2-0000-7000-8000-000000000201' },
        queuing('m'),
      ),
      'INVALID_TRANSITION',
    ],
    [
      'closing before the period starts',
      [proposed, agreedByThem],
      cmd('CloseJointOperation', { report }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'closing with negative figures',
      [proposed, agreedByThem],
      cmd(
        'CloseJointOperation',
        { report: { ...report, victimsRescued: -1 } },
        { ...queuing('m'), now: IN_PERIOD },
      ),
      'VALIDATION_FAILED',
    ],
    [
      'closing a declined proposal',
      [
        received,
        {
          type: 'JointOperationDeclined',
          data: { decision: 'declined', reason: 'x', ...queued('m-agr', 'JointOperationAgreement') },
        },
      ],
      cmd('ReceiveJointOperationReport', { report }, fromThem('in-rep')),
      'INVALID_TRANSITION',
    ],
    [
      'agreeing to amended terms without targets',
      [received],
      cmd('AgreeJointOperation', { terms: { ...terms, targets: [] } }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    ['an agreement without a message id', [received], cmd('AgreeJointOperation', {}), 'VALIDATION_FAILED'],
    [
      'a report with a malformed figure',
      [received, agreedByUs],
      cmd(
        'ReceiveJointOperationReport',
        { report: { ...report, casesInvestigated: 1.5 } },
        fromThem('in-rep'),
      ),
      'VALIDATION_FAILED',
    ],
  ])('refuses %s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });
});

describe('joint operation: derived phase, deadline, timeline', () => {
  it.each<[string, JointOperationEvent[], string, string]>([
    ['no case', [], NOW, 'none'],
    ['proposed', [proposed], IN_PERIOD, 'proposed'],
    ['agreed, before the start', [proposed, agreedByThem], NOW, 'agreed'],
    ['agreed, on the first day', [proposed, agreedByThem], '2026-12-01T00:00:00Z', 'active'],
    ['agreed, in the period', [proposed, agreedByThem], IN_PERIOD, 'active'],
    ['agreed, after the end', [proposed, agreedByThem], '2027-03-01T00:00:00Z', 'ended'],
    [
      'closed',
      [proposed, agreedByThem, { type: 'JointOperationClosed', data: { report, ...applied('in-rep') } }],
      IN_PERIOD,
      'closed',
    ],
  ])('%s', (_label, events, now, phase) => {
    expect(jointOperationPhase(fold(events), now)).toBe(phase);
  });

  it('compares dates at the given UTC offset', () => {
    // 17:30 UTC on 30 November is already 1 December in Indochina time (UTC+7).
    expect(jointOperationPhase(fold([proposed, agreedByThem]), '2026-11-30T17:30:00Z')).toBe('agreed');
    expect(jointOperationPhase(fold([proposed, agreedByThem]), '2026-11-30T17:30:00Z', 420)).toBe('active');
  });

  it.each<[string, JointOperationEvent[], string, string]>([
    ['awaiting the answer', [proposed], NOW, 'on_time'],
    ['answer late', [proposed], '2026-11-29T00:00:00Z', 'overdue'],
    ['answered', [proposed, agreedByThem], '2026-11-29T00:00:00Z', 'met'],
  ])('deadline: %s', (_label, events, now, expected) => {
    expect(jointOperationDeadlineStatus(fold(events), now)).toBe(expected);
  });

  it('describes events', () => {
    expect(describeJointOperationEvent(linked)).toBe(
      'Linked repatriation case 0193a7b2-0000-7000-8000-000000000201',
    );
    expect(describeJointOperationEvent(agreedByUs)).toBe(
      'Joint operation agreed for 2026-12-01 to 2027-03-15, 2 units',
    );
  });
});
