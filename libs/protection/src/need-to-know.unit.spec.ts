import { isDomainError } from '@xb/domain';
import { mayReadCase, mayUnhide } from './disclosure';
import {
  caseRestrictionDecider,
  disclosureGrantsDecider,
  GrantCommand,
  GrantsState,
  isGranted,
  mayOpenRestricted,
  RestrictionCommand,
  RestrictionState,
} from './need-to-know';

const NOW = '2026-06-01T00:00:00.000Z';
const meta = (now = NOW) => ({ now, actor: 'officer:s-1', agencyId: 'VN.BGC.LAICHAU' });
const CASE = 'repatriation-0190f0f0-0000-7000-8000-00000000a001';

const grants = (commands: GrantCommand[]): GrantsState =>
  commands.reduce((state, command) => {
    const events = disclosureGrantsDecider.decide(command, state);
    if (isDomainError(events)) throw new Error(events.reason);
    return events.reduce(disclosureGrantsDecider.evolve, state);
  }, disclosureGrantsDecider.initialState());

describe('need-to-know by role, grant and restriction', () => {
  it.each([
    ['liaison_officer', 'verification', true, true],
    ['border_guard_command', 'repatriation', true, true],
    ['border_guard_command', 'verification', false, false],
    ['auditor', 'notice', true, false],
    ['supervisor', 'notice', true, true],
    ['key_administrator', 'repatriation', false, false],
  ])('%s on a %s case: reads %s, un-hides with a reason alone %s', (role, category, reads, unhides) => {
    expect(mayReadCase([role], category).allowed).toBe(reads);
    expect(mayUnhide([role], category, { reason: 'casework' }).allowed).toBe(unhides);
  });

  it('a grant lets the named auditor un-hide, for its cases and its time, until revoked', () => {
    const grant = {
      type: 'GrantDisclosure',
      data: {
        grantId: 'g-1',
        officerId: 'a-1',
        cases: [CASE],
        until: '2026-06-08T00:00:00.000Z',
        reason: 'audit 2026/3',
      },
      metadata: meta(),
    } as const;
    const state = grants([grant]);
    expect(state.grants[0]).toMatchObject({ grantedBy: 'officer:s-1', grantedAt: NOW });
    expect(isGranted(state.grants, 'a-1', CASE, '2026-06-02T00:00:00.000Z')).toBe(true);
    expect(isGranted(state.grants, 'a-2', CASE, '2026-06-02T00:00:00.000Z')).toBe(false);
    expect(isGranted(state.grants, 'a-1', 'notice-x', '2026-06-02T00:00:00.000Z')).toBe(false);
    expect(isGranted(state.grants, 'a-1', CASE, '2026-06-08T00:00:00.000Z')).toBe(false);
    expect(isGranted(state.grants, 'a-1', CASE, '2026-05-31T00:00:00.000Z')).toBe(false);
    const revoked = grants([
      grant,
      { type: 'RevokeDisclosureGrant', data: { grantId: 'g-1', reason: 'audit done' }, metadata: meta() },
    ]);
    expect(isGranted(revoked.grants, 'a-1', CASE, '2026-06-02T00:00:00.000Z')).toBe(false);
    expect(
      disclosureGrantsDecider.decide(
        { type: 'RevokeDisclosureGrant', data: { grantId: 'g-1', reason: 'again' }, metadata: meta() },
        revoked,
      ),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it.each(['2026-05-31T00:00:00.000Z', '2026-09-01T00:00:00.000Z', 'soon'])(
    'refuses a grant until %s',
    (until) => {
      expect(
        disclosureGrantsDecider.decide(
          {
            type: 'GrantDisclosure',
            data: { grantId: 'g', officerId: 'a-1', until, reason: 'audit' },
            metadata: meta(),
          },
          disclosureGrantsDecider.initialState(),
        ),
      ).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['until'] });
    },
  );

  it('a restricted case opens only to the officers it names, until lifted', () => {
    const apply = (state: RestrictionState, command: RestrictionCommand) => {
      const events = caseRestrictionDecider.decide(command, state);
      if (isDomainError(events)) throw new Error(events.reason);
      return events.reduce(caseRestrictionDecider.evolve, state);
    };
    const open = caseRestrictionDecider.initialState();
    expect(mayOpenRestricted(open, 'o-7')).toBe(true);
    const restricted = apply(open, {
      type: 'RestrictCase',
      data: { officers: ['o-1'], reason: 'child victim' },
      metadata: meta(),
    });
    expect(mayOpenRestricted(restricted, 'o-1')).toBe(true);
    expect(mayOpenRestricted(restricted, 'o-7')).toBe(false);
    expect(
      caseRestrictionDecider.decide(
        { type: 'RestrictCase', data: { officers: [], reason: 'x' }, metadata: meta() },
        open,
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const lifted = apply(restricted, {
      type: 'LiftCaseRestriction',
      data: { reason: 'closed' },
      metadata: meta(),
    });
    expect(mayOpenRestricted(lifted, 'o-7')).toBe(true);
    expect(
      caseRestrictionDecider.decide(
        { type: 'LiftCaseRestriction', data: { reason: 'x' }, metadata: meta() },
        lifted,
      ),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});
