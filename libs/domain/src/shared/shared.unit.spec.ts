import { PERSON } from '../testing/fixtures';
import {
  appliedMessageOf,
  calendarDateOf,
  classifyDeadline,
  HandoverSchedule,
  isAgencyId,
  isIsoDate,
  isIsoDateTime,
  isPartialDate,
  isTimeOfDay,
  OUTBOUND_KINDS,
  personProblems,
  queuedMessageOf,
  supersedes,
} from './index';

describe('values', () => {
  it.each([
    ['VN.MPS.C02', true],
    ['VN.BGC.LAICHAU', true],
    ['CN.YN.BORDERPOLICE', true],
    ['LA.PHONGSALY.POLICE', true],
    ['VN.A.B.C', true],
    ['VN', false],
    ['vn.mps', false],
    ['VN.A.B.C.D', false],
    ['VNM.MPS', false],
    ['VN.MPS-1', false],
    ['VN.', false],
  ])('agency id %s → %s', (value, ok) => expect(isAgencyId(value)).toBe(ok));

  it.each([
    ['2026-11-23T04:00:00Z', true],
    ['2026-11-23T11:00:00+07:00', true],
    ['2026-11-23T04:00:00.123Z', true],
    ['2026-11-23T04:00Z', true],
    ['2026-11-23T04:00:00', false],
    ['2026-11-23', false],
    ['2026-13-23T04:00:00Z', false],
  ])('date-time %s → %s', (value, ok) => expect(isIsoDateTime(value)).toBe(ok));

  it.each([
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-1-5', false],
    ['2026-12-31', true],
  ])('date %s → %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));

  it.each([
    ['09:30', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
  ])('time of day %s → %s', (value, ok) => expect(isTimeOfDay(value)).toBe(ok));

  it('takes the calendar date at an offset', () => {
    expect(calendarDateOf('2026-11-30T17:30:00Z')).toBe('2026-11-30');
    expect(calendarDateOf('2026-11-30T17:30:00Z', 420)).toBe('2026-12-01');
  });
});

describe('person particulars', () => {
  it('accepts a complete person', () => expect(personProblems(PERSON)).toEqual([]));

  it.each([
    [{ year: 2004 }, true],
    [{ year: 2004, month: 2, day: 29 }, true],
    [{ year: 2005, month: 2, day: 29 }, false],
    [{ year: 2004, day: 3 }, false],
    [{ year: 1850 }, true],
    [{ month: 2, day: 29 }, true],
    [{ month: 2, day: 30 }, false],
    [{}, true],
    [{ year: 2004, month: 13 }, false],
  ])('partial date %j → %s', (date, ok) => expect(isPartialDate(date)).toBe(ok));

  it('names the malformed fields, never their values', () => {
    const problems = personProblems({
      ...PERSON,
      name: { original: '', romanised: '' },
      claimedNationality: 'Viet Nam',
      photoDigest: 'md5:00',
      identityDocuments: [{ type: 'passport', number: 'C1234567', issuingCountry: 'vn' }],
    });
    expect(problems).toEqual([
      'claimedNationality',
      'photoDigest',
      'name.romanised',
      'identityDocuments[0].issuingCountry',
    ]);
  });

  it('refuses a missing person', () => expect(personProblems(undefined)).toEqual(['(missing)']));
});

describe('outbound and inbound markers', () => {
  const outbound = { messageId: 'm-1', counterpart: 'CN.MPS', kind: 'VerificationRequest' };
  it('reads the envelope an event queues', () => {
    expect(queuedMessageOf({ type: 'X', data: { outbound, other: 1 } })).toEqual(outbound);
  });
  it.each([
    ['no marker', { caseId: 'c' }],
    ['an unknown kind', { outbound: { ...outbound, kind: 'Gossip' } }],
    ['a missing message id', { outbound: { ...outbound, messageId: 7 } }],
    ['no data', undefined],
  ])('finds none with %s', (_label, data) => expect(queuedMessageOf({ type: 'X', data })).toBeUndefined());

  it('reads the message an event was applied from', () => {
    expect(
      appliedMessageOf({ type: 'X', data: { inbound: { messageId: 'in-1', counterpart: 'CN.MPS' } } }),
    ).toEqual({ messageId: 'in-1', counterpart: 'CN.MPS' });
    expect(appliedMessageOf({ type: 'X', data: { outbound } })).toBeUndefined();
  });

  it('lists each kind once', () => expect(new Set(OUTBOUND_KINDS).size).toBe(OUTBOUND_KINDS.length));
});

describe('deadlines', () => {
  const deadline = '2026-11-30T00:00:00Z';
  it.each([
    ['2026-11-20T00:00:00Z', false, 'on_time'],
    ['2026-11-29T00:00:00Z', false, 'due_soon'],
    ['2026-11-30T00:00:00Z', false, 'due_soon'],
    ['2026-11-30T00:00:01Z', false, 'overdue'],
    ['2026-12-30T00:00:00Z', true, 'met'],
  ])('at %s (met: %s) → %s', (now, met, expected) => {
    expect(classifyDeadline({ deadline, met }, now)).toBe(expected);
  });
  it('is none when nothing is awaited', () => expect(classifyDeadline(undefined, deadline)).toBe('none'));
  it('takes a due-soon window', () =>
    expect(classifyDeadline({ deadline, met: false }, '2026-11-29T00:00:00Z', 3_600_000)).toBe('on_time'));
});

describe('schedule precedence', () => {
  const at = (revision: number, proposedBy: string): HandoverSchedule => ({
    borderGate: 'g',
    date: '2026-12-01',
    time: '09:00',
    receivingUnit: 'u',
    revision,
    proposedBy,
  });
  it.each([
    ['nothing scheduled yet', at(1, 'CN.MPS'), undefined, true],
    ['a higher revision', at(3, 'CN.MPS'), at(2, 'VN.MPS'), true],
    ['a lower revision', at(1, 'CN.MPS'), at(2, 'VN.MPS'), false],
    ['a tie, from the taking side', at(2, 'VN.MPS'), at(2, 'CN.MPS'), true],
    ['a tie, from the other side', at(2, 'CN.MPS'), at(2, 'VN.MPS'), false],
  ])('%s', (_label, incoming, current, wins) => {
    expect(supersedes(incoming, current, 'VN.MPS')).toBe(wins);
  });
});
