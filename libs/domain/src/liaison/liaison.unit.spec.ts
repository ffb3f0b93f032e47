import { commandsOf, given } from '../testing/given';
import { applied, fromThem, NOW, OTHER, queued, queuing, THEM, US } from '../testing/fixtures';
import { LiaisonMeetingCommand } from './decide';
import { liaisonMeetingDecider as decider } from './decider';
import { describeLiaisonMeetingEvent, LiaisonMeetingEvent } from './events';
import { actionItemStatuses, liaisonMeetingOpenDeadlines } from './state';

const cmd = commandsOf<LiaisonMeetingCommand>();
const fold = (events: LiaisonMeetingEvent[]) => events.reduce(decider.evolve, decider.initialState());
const CASE = '0193a7b2-0000-7000-8000-000000000601';
const STARTS = '2026-12-10T02:00:00Z';
const DEADLINE = '2026-12-01T00:00:00Z';
const AFTER = '2026-12-10T08:00:00Z';
const proposal = {
  caseId: CASE,
  kind: 'regular' as const,
  level: 'border_post' as const,
  agenda: ['tips of the month'],
  place: 'Ma Lu Thang',
  startsAt: STARTS,
  deadline: DEADLINE,
};
const content = { ...proposal, proposer: US, partner: THEM, host: US };

const proposed: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingProposed',
  data: { ...content, ...queued('m-prop', 'LiaisonMeetingProposal') },
};
const received: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingProposalReceived',
  data: { ...content, proposer: THEM, partner: US, host: THEM, ...applied('in-prop') },
};
const counteredByThem: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingCounterProposed',
  data: {
    decision: 'counter_proposed',
    place: 'Jinshuihe',
    startsAt: '2026-12-12T02:00:00Z',
    deadline: '2026-12-02T00:00:00Z',
    ...applied('in-counter'),
  },
};
const agreedByUs: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingAgreed',
  data: {
    decision: 'agreed',
    place: 'Jinshuihe',
    startsAt: '2026-12-12T02:00:00Z',
    ...queued('m-agree', 'LiaisonMeetingAnswer', 'in-counter'),
  },
};
const agreedByThem: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingAgreed',
  data: { decision: 'agreed', place: 'Ma Lu Thang', startsAt: STARTS, ...applied('in-agree') },
};
const held: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingHeld',
  data: { heldAt: STARTS, attendees: [], ...queued('m-held', 'LiaisonMeetingHeld') },
};
const items = [
  { number: 1, description: 'send the list', owner: US, deadline: '2027-01-10T00:00:00Z' },
  { number: 2, description: 'check the shelters', owner: THEM, deadline: '2026-12-20T00:00:00Z' },
];
const minutes: LiaisonMeetingEvent = {
  type: 'LiaisonMeetingMinutesRecorded',
  data: { summary: 'lists monthly', actionItems: items, ...applied('in-minutes') },
};
const closedHistory = [proposed, agreedByThem, held, minutes];

describe('liaison meetings: given/when/then', () => {
  describe('proposing', () => {
    it('queues the proposal; host defaults to us', () => {
      const state = given(decider)
        .when(cmd('ProposeLiaisonMeeting', { ...proposal, counterpart: THEM }, queuing('m-prop')))
        .then([proposed]);
      expect(state).toMatchObject({ status: 'proposed', ourSide: 'proposer', awaiting: 'partner' });
    });
    it('refuses a meeting in the past, an answer due after it, an empty agenda, a third-party host', () => {
      given(decider)
        .when(
          cmd(
            'ProposeLiaisonMeeting',
            { ...proposal, counterpart: THEM, startsAt: '2026-11-01T00:00:00Z' },
            queuing('m'),
          ),
        )
        .then({ code: 'VALIDATION_FAILED' });
      given(decider)
        .when(
          cmd(
            'ProposeLiaisonMeeting',
            { ...proposal, counterpart: THEM, deadline: '2026-12-11T00:00:00Z' },
            queuing('m'),
          ),
        )
        .then({ code: 'VALIDATION_FAILED' });
      given(decider)
        .when(cmd('ProposeLiaisonMeeting', { ...proposal, counterpart: THEM, agenda: [] }, queuing('m')))
        .then({ code: 'VALIDATION_FAILED' });
      given(decider)
        .when(cmd('ProposeLiaisonMeeting', { ...proposal, counterpart: THEM, host: OTHER }, queuing('m')))
        .then({ code: 'VALIDATION_FAILED' });
    });
    it('refuses a proposal from a counterpart as an officer command, and a second opening', () => {
      given(decider)
        .when(cmd('ProposeLiaisonMeeting', { ...proposal, counterpart: THEM }, fromThem('x')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, [proposed])
        .when(cmd('ProposeLiaisonMeeting', { ...proposal, counterpart: THEM }, queuing('m')))
        .then({ code: 'ALREADY_EXISTS' });
    });
    it('receives a proposal (its deadline as sent)', () => {
      given(decider)
        .when(cmd('ReceiveLiaisonMeetingProposal', { ...proposal, host: THEM }, fromThem('in-prop')))
        .then([received]);
    });
  });

  describe('answering', () => {
    it('the partner counter-proposes; then the proposer answers, and agrees', () => {
      const state = given(decider, [proposed])
        .when(
          cmd(
            'RecordLiaisonMeetingAnswer',
            {
              decision: 'counter_proposed',
              place: 'Jinshuihe',
              startsAt: '2026-12-12T02:00:00Z',
              deadline: '2026-12-02T00:00:00Z',
            },
            fromThem('in-counter'),
          ),
        )
        .then([counteredByThem]);
      expect(state).toMatchObject({ awaiting: 'proposer', counterProposals: 1, place: 'Jinshuihe' });
      given(decider, [proposed, counteredByThem])
        .when(cmd('AgreeLiaisonMeeting', {}, queuing('m-agree')))
        .then([agreedByUs]);
    });
    it('refuses an answer from the side that made the last proposal', () => {
      given(decider, [proposed])
        .when(cmd('AgreeLiaisonMeeting', {}, queuing('m')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, [proposed, counteredByThem])
        .when(
          cmd(
            'RecordLiaisonMeetingAnswer',
            { decision: 'agreed', place: 'Jinshuihe', startsAt: '2026-12-12T02:00:00Z' },
            fromThem('x'),
          ),
        )
        .then({ code: 'NOT_PERMITTED' });
    });
    it('takes their agreement of the same instant written otherwise', () => {
      given(decider, [proposed])
        .when(
          cmd(
            'RecordLiaisonMeetingAnswer',
            { decision: 'agreed', place: 'Ma Lu Thang', startsAt: '2026-12-10T02:00:00.000Z' },
            fromThem('in-agree'),
          ),
        )
        .then([agreedByThem]);
    });
    it('records their agreement, refusing one of another date than proposed', () => {
      given(decider, [proposed])
        .when(
          cmd(
            'RecordLiaisonMeetingAnswer',
            { decision: 'agreed', place: 'Ma Lu Thang', startsAt: STARTS },
            fromThem('in-agree'),
          ),
        )
        .then([agreedByThem]);
      given(decider, [proposed])
        .when(
          cmd(
            'RecordLiaisonMeetingAnswer',
            { decision: 'agreed', place: 'Ma Lu Thang', startsAt: '2026-12-11T02:00:00Z' },
            fromThem('x'),
          ),
        )
        .then({ code: 'VALIDATION_FAILED' });
    });
    it('refuses a counter-proposal in the past, and an answer once agreed', () => {
      given(decider, [received])
        .when(
          cmd(
            'CounterProposeLiaisonMeeting',
            { place: 'x', startsAt: '2026-11-01T00:00:00Z', deadline: '2026-11-24T00:00:00Z' },
            queuing('m'),
          ),
        )
        .then({ code: 'VALIDATION_FAILED' });
      given(decider, [proposed, agreedByThem])
        .when(
          cmd(
            'CounterProposeLiaisonMeeting',
            { place: 'x', startsAt: STARTS, deadline: DEADLINE },
            queuing('m'),
          ),
        )
        .then({ code: 'INVALID_TRANSITION' });
    });
  });

  describe('held and minutes', () => {
    it('records the meeting held (not in the future); a second record from them changes nothing', () => {
      given(decider, [proposed, agreedByThem])
        .when(cmd('RecordLiaisonMeetingHeld', { heldAt: STARTS }, { ...queuing('m-held'), now: AFTER }))
        .then([held]);
      given(decider, [proposed, agreedByThem])
        .when(
          cmd(
            'RecordLiaisonMeetingHeld',
            { heldAt: '2026-12-11T00:00:00Z' },
            { ...queuing('m'), now: AFTER },
          ),
        )
        .then({ code: 'VALIDATION_FAILED' });
      given(decider, [proposed, agreedByThem, held])
        .when(cmd('ReceiveLiaisonMeetingHeld', { heldAt: STARTS }, fromThem('in-held')))
        .then([]);
      given(decider, [proposed])
        .when(cmd('RecordLiaisonMeetingHeld', { heldAt: NOW }, queuing('m')))
        .then({
          code: 'INVALID_TRANSITION',
        });
    });
    it('closes with minutes whose action items are tracked, each an open deadline', () => {
      const state = given(decider, [proposed, agreedByThem, held])
        .when(
          cmd(
            'ReceiveLiaisonMeetingMinutes',
            { summary: 'lists monthly', actionItems: items },
            fromThem('in-minutes'),
          ),
        )
        .then([minutes]);
      expect(state).toMatchObject({ status: 'closed', actionItems: [{ done: false }, { done: false }] });
      expect(liaisonMeetingOpenDeadlines(state)).toEqual([
        { kind: 'action_item', due: '2027-01-10T00:00:00Z', ref: 'item:1' },
        { kind: 'action_item', due: '2026-12-20T00:00:00Z', ref: 'item:2' },
      ]);
      expect(actionItemStatuses(state, '2026-12-21T00:00:00Z')).toEqual([
        { number: 1, status: 'on_time' },
        { number: 2, status: 'overdue' },
      ]);
    });
    it('refuses minutes with items misnumbered, owned by a third agency, or due before the meeting', () => {
      for (const bad of [
        [{ ...items[0], number: 2 }],
        [{ ...items[0], owner: OTHER }],
        [{ ...items[0], deadline: '2026-12-01T00:00:00Z' }],
      ]) {
        given(decider, [proposed, agreedByThem, held])
          .when(
            cmd(
              'RecordLiaisonMeetingMinutes',
              { summary: 's', actionItems: bad },
              { ...queuing('m'), now: AFTER },
            ),
          )
          .then({ code: 'VALIDATION_FAILED' });
      }
      given(decider, [proposed, agreedByThem])
        .when(cmd('RecordLiaisonMeetingMinutes', { summary: 's' }, { ...queuing('m'), now: AFTER }))
        .then({ code: 'INVALID_TRANSITION' });
    });
  });

  describe('action items', () => {
    it('the owner marks its item done (now); the other side receives it; the deadline closes', () => {
      const done = given(decider, closedHistory)
        .when(cmd('CompleteLiaisonActionItem', { number: 1, remarks: 'sent' }, queuing('m-done')))
        .then([
          {
            type: 'LiaisonActionItemDone',
            data: { number: 1, doneAt: NOW, remarks: 'sent', ...queued('m-done', 'LiaisonActionItemDone') },
          },
        ]);
      expect(liaisonMeetingOpenDeadlines(done)).toEqual([
        { kind: 'action_item', due: '2026-12-20T00:00:00Z', ref: 'item:2' },
      ]);
      const theirs = given(decider, closedHistory)
        .when(cmd('ReceiveLiaisonActionItemDone', { number: 2, doneAt: NOW }, fromThem('in-done')))
        .then([{ type: 'LiaisonActionItemDone', data: { number: 2, doneAt: NOW, ...applied('in-done') } }]);
      expect(actionItemStatuses(theirs, '2027-02-01T00:00:00Z')).toEqual([
        { number: 1, status: 'overdue' },
        { number: 2, status: 'met' },
      ]);
    });
    it("refuses marking the other side's item, an unknown item, an item twice", () => {
      given(decider, closedHistory)
        .when(cmd('CompleteLiaisonActionItem', { number: 2 }, queuing('m')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, closedHistory)
        .when(cmd('ReceiveLiaisonActionItemDone', { number: 1, doneAt: NOW }, fromThem('x')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, closedHistory)
        .when(cmd('CompleteLiaisonActionItem', { number: 3 }, queuing('m')))
        .then({ code: 'VALIDATION_FAILED' });
      const doneOnce: LiaisonMeetingEvent = {
        type: 'LiaisonActionItemDone',
        data: { number: 1, doneAt: NOW, ...queued('m-done', 'LiaisonActionItemDone') },
      };
      given(decider, [...closedHistory, doneOnce])
        .when(cmd('CompleteLiaisonActionItem', { number: 1 }, queuing('m2')))
        .then({ code: 'INVALID_TRANSITION' });
      given(decider, [proposed])
        .when(cmd('CompleteLiaisonActionItem', { number: 1 }, queuing('m')))
        .then({ code: 'INVALID_TRANSITION' });
    });
  });

  it('lists the answer awaited while proposed as an open deadline', () => {
    expect(liaisonMeetingOpenDeadlines(fold([proposed]))).toEqual([
      { kind: 'meeting_answer', due: DEADLINE, ref: 'm-prop' },
    ]);
    expect(liaisonMeetingOpenDeadlines(fold([proposed, counteredByThem]))).toEqual([
      { kind: 'meeting_answer', due: '2026-12-02T00:00:00Z', ref: 'in-counter' },
    ]);
    expect(liaisonMeetingOpenDeadlines(decider.initialState())).toEqual([]);
  });

  it('records receipts, and describes events without the agenda or minutes', () => {
    given(decider, [proposed])
      .when(cmd('RecordDelivery', { messageId: 'm-prop' }, fromThem('r')))
      .then([
        {
          type: 'LiaisonMeetingMessageDelivered',
          data: { messageId: 'm-prop', kind: 'LiaisonMeetingProposal' },
        },
      ]);
    const lines = closedHistory.map(describeLiaisonMeetingEvent).join('\n');
    expect(lines).not.toContain('tips of the month');
    expect(lines).not.toContain('lists monthly');
  });
});
