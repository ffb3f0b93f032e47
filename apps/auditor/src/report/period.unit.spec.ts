import { UsageError } from '../cli/io';
import { inPeriod, overlapsPeriod, parsePeriod } from './period';

describe('reporting periods', () => {
  it.each([
    ['2026-Q1', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['2026-Q3', '2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
    ['2026-Q4', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2026-H1', '2026-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ['2026-H2', '2026-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2026', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('%s runs from %s to %s (exclusive)', (label, from, to) => {
    expect(parsePeriod(label)).toEqual({ label, from, to });
  });

  it.each(['2026-Q5', '2026-Q0', '2026-H3', '26-Q1', '2026-q1', '2026Q1', '', '2026-07'])(
    'refuses %j',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(UsageError);
    },
  );

  it('includes the first instant and excludes the end', () => {
    const q3 = parsePeriod('2026-Q3');
    expect(inPeriod('2026-07-01T00:00:00Z', q3)).toBe(true);
    expect(inPeriod('2026-09-30T23:59:59.999Z', q3)).toBe(true);
    expect(inPeriod('2026-10-01T00:00:00Z', q3)).toBe(false);
    expect(inPeriod('2026-06-30T23:59:59Z', q3)).toBe(false);
  });

  it.each([
    ['2026-06-01', '2026-07-01', true],
    ['2026-09-30', '2026-12-31', true],
    ['2026-04-01', '2026-06-30', false],
    ['2026-10-01', '2026-12-31', false],
  ])('dates %s to %s overlap 2026-Q3: %s', (start, end, overlaps) => {
    expect(overlapsPeriod(start, end, parsePeriod('2026-Q3'))).toBe(overlaps);
  });
});
