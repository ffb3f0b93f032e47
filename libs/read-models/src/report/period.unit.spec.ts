import { localDay, parseReportPeriod, PeriodError, startOfLocalDay } from './period';

const HCM = 'Asia/Ho_Chi_Minh';

describe('reporting periods in local time', () => {
  it.each([
    [
      '2026-Q1',
      'calendar',
      '2026-01-01',
      '2026-03-31',
      '2025-12-31T17:00:00.000Z',
      '2026-03-31T17:00:00.000Z',
    ],
    [
      '2026-Q2',
      'calendar',
      '2026-04-01',
      '2026-06-30',
      '2026-03-31T17:00:00.000Z',
      '2026-06-30T17:00:00.000Z',
    ],
    [
      '2026-Q4',
      'calendar',
      '2026-10-01',
      '2026-12-31',
      '2026-09-30T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ],
    [
      '2026-H2',
      'calendar',
      '2026-07-01',
      '2026-12-31',
      '2026-06-30T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ],
    ['2026', 'calendar', '2026-01-01', '2026-12-31', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    [
      '2026-Q1',
      'statutory',
      '2025-12-15',
      '2026-03-14',
      '2025-12-14T17:00:00.000Z',
      '2026-03-14T17:00:00.000Z',
    ],
    [
      '2026-Q3',
      'statutory',
      '2026-06-15',
      '2026-09-14',
      '2026-06-14T17:00:00.000Z',
      '2026-09-14T17:00:00.000Z',
    ],
    [
      '2026-H1',
      'statutory',
      '2025-12-15',
      '2026-06-14',
      '2025-12-14T17:00:00.000Z',
      '2026-06-14T17:00:00.000Z',
    ],
    ['2026', 'statutory', '2025-12-15', '2026-12-14', '2025-12-14T17:00:00.000Z', '2026-12-14T17:00:00.000Z'],
  ] as const)('%s (%s) counts %s to %s: %s to %s', (label, cutoff, firstDay, lastDay, from, to) => {
    expect(parseReportPeriod(label, HCM, cutoff)).toMatchObject({
      label,
      cutoff,
      firstDay,
      lastDay,
      from,
      to,
    });
  });

  it('puts 01:00 on 1 April in Vietnam in the second quarter, though it is still 31 March in UTC', () => {
    const q2 = parseReportPeriod('2026-Q2', HCM, 'calendar');
    const instant = Date.parse('2026-04-01T01:00:00+07:00');
    expect(instant >= Date.parse(q2.from) && instant < Date.parse(q2.to)).toBe(true);
    expect(localDay('2026-03-31T18:00:00Z', HCM)).toBe('2026-04-01');
  });

  it('takes a custom range as local days, inclusive, under no cut-off', () => {
    expect(parseReportPeriod('2026-03-01..2026-05-31', HCM, 'statutory')).toMatchObject({
      kind: 'range',
      cutoff: 'calendar',
      from: '2026-02-28T17:00:00.000Z',
      to: '2026-05-31T17:00:00.000Z',
    });
  });

  it('follows daylight saving time where the zone has it', () => {
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });

  it.each([
    '2026-Q5',
    '2026-Q0',
    '2026-H3',
    '26-Q1',
    '2026-q1',
    '',
    '2026-07',
    '2026-02-30..2026-03-01',
    '2026-03-02..2026-03-01',
  ])('refuses %j naming the field', (text) => {
    expect(() => parseReportPeriod(text, HCM, 'calendar')).toThrow(PeriodError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => parseReportPeriod('2026', 'Mars/Olympus', 'calendar')).toThrow('unknown time zone');
  });
});
