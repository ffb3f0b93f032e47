import { isDomainError } from './decider';
import { deciderOf, DECIDERS, PROCESS_CATEGORIES } from './processes';
import { NOW, OFFICER, THEM } from './testing/fixtures';

const hotlineTip = {
  type: 'RecordHotlineTip',
  data: {
    caseId: '0193a7b2-0000-7000-8000-000000000502',
    title: 'Girl missing',
    content: 'caller reports a girl taken across',
    channel: 'phone',
    callerKind: 'relative',
    urgency: 'priority',
    receivedAt: '2026-11-23T03:00:00Z',
    processingDeadline: '2026-11-24T03:00:00Z',
  },
  metadata: OFFICER,
};

describe('deciderOf: a process chosen at run time', () => {
  it.each(PROCESS_CATEGORIES)('%s knows exactly the command types of its own process', (category) => {
    const own = deciderOf(category);
    for (const other of PROCESS_CATEGORIES.filter((c) => c !== category)) {
      // Any process's opening command is refused by the others as a command that is not theirs.
      const foreign = { type: `NotA${other}Command`, data: {}, metadata: OFFICER };
      const refused = own.decide(foreign, own.initialState());
      expect(isDomainError(refused) && refused.code).toBe('VALIDATION_FAILED');
      expect(own.retryOnConflict(foreign)).toBe(false);
    }
    expect(own.retryOnConflict({ type: 'RecordDelivery', data: {}, metadata: OFFICER })).toBe(true);
  });

  it('refuses another process command as VALIDATION_FAILED and leaves state alone for its events', () => {
    const verification = deciderOf('verification');
    const refused = verification.decide(hotlineTip, verification.initialState());
    expect(refused).toMatchObject({ kind: 'DomainError', code: 'VALIDATION_FAILED' });
    const state = verification.initialState();
    expect(verification.evolve(state, { type: 'HotlineTipRecorded', data: {} })).toBe(state);
    expect(verification.describe({ type: 'HotlineTipRecorded', data: {} })).toBeUndefined();
  });

  it('decides and folds its own commands exactly as the typed decider does', () => {
    const notice = deciderOf('notice');
    const events = notice.decide(hotlineTip, notice.initialState());
    expect(events).toEqual(DECIDERS.notice.decide(hotlineTip as never, DECIDERS.notice.initialState()));
    if (isDomainError(events)) throw new Error(events.reason);
    const state = events.reduce((s, e) => notice.evolve(s, e), notice.initialState());
    expect(state.status).toBe('received');
  });

  it('refuses a step or a receipt on a case that does not exist as NOT_FOUND', () => {
    const verification = deciderOf('verification');
    const step = { type: 'CloseVerification', data: {}, metadata: { ...OFFICER, now: NOW } };
    expect(verification.decide(step, verification.initialState())).toMatchObject({ code: 'NOT_FOUND' });
    const receipt = {
      type: 'RecordDelivery',
      data: { messageId: 'm' },
      metadata: { ...OFFICER, actor: `agency:${THEM}` },
    };
    expect(verification.decide(receipt, verification.initialState())).toMatchObject({ code: 'NOT_FOUND' });
  });
});
