import { verificationDecider, VerificationCommand } from '../verification';
import { commandsOf, given, sameValue } from './given';

// The helper must fail loudly when the decider's answer differs from the expectation.
describe('given/when/then', () => {
  const cmd = commandsOf<VerificationCommand>();
  const close = cmd('CloseVerification', {});

  it('passes on the expected refusal code', () => {
    given(verificationDecider).when(close).then({ code: 'NOT_FOUND' });
  });
  it('fails on another refusal code', () => {
    expect(() => given(verificationDecider).when(close).then({ code: 'INVALID_TRANSITION' })).toThrow();
  });
  it('fails when events were expected but the command was refused', () => {
    expect(() => given(verificationDecider).when(close).then([])).toThrow();
  });
  it('fails when a refusal was expected but events came', () => {
    const draft = cmd('DraftVerificationRequest', {
      caseId: 'v',
      counterpart: 'CN.MPS',
      subject: {
        role: 'other',
        person: { name: { original: 'A', romanised: 'A' }, sex: 'unknown', identityDocuments: [] },
      },
      purposes: ['identity'],
      details: 'd',
      deadline: '2026-12-01T00:00:00Z',
    });
    expect(() => given(verificationDecider).when(draft).then({ code: 'NOT_FOUND' })).toThrow();
    expect(() => given(verificationDecider).when(draft).then([])).toThrow();
  });
});

describe('sameValue', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [null, {}, false],
    ['x', 'x', true],
  ])('%j vs %j → %s', (a, b, same) => expect(sameValue(a, b)).toBe(same));
});
