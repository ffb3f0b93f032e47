import { deciderOf, PROCESS_CATEGORIES, ProcessCategory } from './processes';
import { CaseState } from './decider';
import { passedDeadlines } from './shared';
import {
  acceptedByThem,
  DEADLINE,
  handedOver,
  received,
  requested,
  scheduledByThem,
  scheduledByUs,
  verifying,
} from './repatriation/repatriation.histories';
import { RepatriationEvent } from './repatriation';

// Open deadlines of every process, reached the way the escalation follower reaches them: through
// `deciderOf(category).openDeadlines`. Repatriation states are folded from real histories; the other
// processes' states are written as their evolve leaves them (their own specs cover evolve).
const open = (category: ProcessCategory, state: object) =>
  deciderOf(category).openDeadlines(state as CaseState);
const fold = (events: readonly RepatriationEvent[]) => {
  const decider = deciderOf('repatriation');
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
};
const DUE = '2026-11-30T10:00:00Z';

describe('open deadlines', () => {
  it('every process declares them and lists none before its case opens', () => {
    for (const category of PROCESS_CATEGORIES) {
      expect(deciderOf(category).openDeadlines(deciderOf(category).initialState())).toEqual([]);
    }
  });

  describe('verification', () => {
    const base = { deadline: DUE, round: 1, roundMessageId: 'm-req', trail: {} };
    it.each(['sent', 'delivered', 'received'])('awaits the answer while %s', (status) => {
      expect(open('verification', { ...base, status })).toEqual([
        { kind: 'verification_answer', due: DUE, ref: 'm-req' },
      ]);
    });
    it('after "more information needed" awaits the requester on the same round deadline', () => {
      const answer = { outcome: 'more_information_needed', findings: 'commune of birth' };
      expect(open('verification', { ...base, status: 'answered', answer, answerMessageId: 'm-ans' })).toEqual(
        [{ kind: 'more_information', due: DUE, ref: 'm-ans' }],
      );
    });
    it.each([
      ['answered', { outcome: 'confirmed', findings: 'registered in Sin Ho' }],
      ['drafted', undefined],
      ['withdrawn', undefined],
      ['closed', { outcome: 'confirmed', findings: 'x' }],
    ])('awaits nothing when %s', (status, answer) => {
      expect(open('verification', { ...base, status, answer })).toEqual([]);
    });
  });

  describe('repatriation', () => {
    it('awaits the decision while requested or under verification', () => {
      const decision = [{ kind: 'repatriation_decision', due: DEADLINE, ref: 'in-req' }];
      expect(open('repatriation', fold([received]))).toEqual(decision);
      expect(open('repatriation', fold([received, verifying]))).toEqual(decision);
      expect(open('repatriation', fold([requested, acceptedByThem]))).toEqual([]);
    });
    it('awaits the hand-over at the gate-local time of the side that scheduled it', () => {
      // 09:30 in Vietnam (UTC+7) is 02:30 UTC; 09:30 in China (UTC+8) is 01:30 UTC.
      expect(open('repatriation', fold([requested, acceptedByThem, scheduledByUs]))).toEqual([
        { kind: 'handover_date', due: '2026-12-02T02:30:00Z', ref: 'schedule:1' },
      ]);
      expect(open('repatriation', fold([received, scheduledByThem]))).toEqual([
        { kind: 'handover_date', due: '2026-12-02T01:30:00Z', ref: 'schedule:1' },
      ]);
    });
    it('after the hand-over awaits the reception confirmation within a day', () => {
      expect(open('repatriation', fold([requested, acceptedByThem, scheduledByUs, handedOver]))).toEqual([
        { kind: 'reception_confirmation', due: '2026-11-24T03:00:00.000Z', ref: 'handover' },
      ]);
    });
  });

  describe('suspect hand-over', () => {
    const base = { deadline: DUE, requestMessageId: 'm-req', trail: {} };
    it('awaits the decision, then the scheduled date', () => {
      expect(open('handover', { ...base, status: 'requested' })).toEqual([
        { kind: 'handover_decision', due: DUE, ref: 'm-req' },
      ]);
      const schedule = {
        borderGate: 'Hekou',
        date: '2026-12-05',
        time: '10:00',
        revision: 2,
        proposedBy: 'CN.YN.X',
      };
      expect(open('handover', { ...base, status: 'scheduled', schedule })).toEqual([
        { kind: 'handover_date', due: '2026-12-05T02:00:00Z', ref: 'schedule:2' },
      ]);
      expect(open('handover', { ...base, status: 'handed_over', schedule })).toEqual([]);
      expect(open('handover', { ...base, status: 'accepted' })).toEqual([]);
    });
  });

  it.each([
    ['rescue', 'rescue_acknowledgement', 'acknowledged'],
    ['wanted', 'wanted_acknowledgement', 'arrested'],
    ['mission', 'mission_answer', 'accepted'],
  ] as const)('%s awaits %s while requested, nothing once %s', (category, kind, later) => {
    const base = { deadline: DUE, requestMessageId: 'm-req', trail: {} };
    expect(open(category, { ...base, status: 'requested' })).toEqual([{ kind, due: DUE, ref: 'm-req' }]);
    expect(open(category, { ...base, status: later })).toEqual([]);
  });

  it('a joint operation awaits the answer while proposed', () => {
    const base = { deadline: DUE, proposalMessageId: 'm-prop', trail: {} };
    expect(open('jointop', { ...base, status: 'proposed' })).toEqual([
      { kind: 'jointop_answer', due: DUE, ref: 'm-prop' },
    ]);
    expect(open('jointop', { ...base, status: 'agreed' })).toEqual([]);
  });

  it('a notice that came to us awaits processing until processed', () => {
    const base = { caseId: 'n-1', processingDeadline: DUE, trail: {} };
    expect(open('notice', { ...base, status: 'classified' })).toEqual([
      { kind: 'notice_processing', due: DUE, ref: 'n-1' },
    ]);
    expect(open('notice', { ...base, status: 'processed' })).toEqual([]);
    expect(open('notice', { caseId: 'n-2', status: 'sent', trail: {} })).toEqual([]);
  });

  it('a liaison meeting awaits each open action item on its own', () => {
    const state = {
      status: 'closed',
      deadline: DUE,
      actionItems: [
        { number: 1, deadline: DUE, done: false },
        { number: 2, deadline: DUE, done: true },
      ],
      trail: {},
    };
    expect(open('liaison', state)).toEqual([{ kind: 'action_item', due: DUE, ref: 'item:1' }]);
  });

  it('a deadline has passed only strictly after it is due', () => {
    const deadlines = [{ kind: 'k', due: DUE, ref: 'r' }];
    expect(passedDeadlines(deadlines, DUE)).toEqual([]);
    expect(passedDeadlines(deadlines, '2026-11-30T10:00:00.001Z')).toEqual(deadlines);
  });
});
