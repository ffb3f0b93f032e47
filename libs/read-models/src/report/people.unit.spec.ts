import { ageGroupOn } from './people';

describe('age groups', () => {
  it.each([
    [{ year: 2010, month: 6, day: 1 }, '2026-05-31T12:00:00Z', 'under_16'],
    [{ year: 2010, month: 6, day: 1 }, '2026-06-01T00:00:00Z', '16_to_18'],
    [{ year: 2008, month: 6, day: 1 }, '2026-05-31T12:00:00Z', '16_to_18'],
    [{ year: 2008, month: 6, day: 1 }, '2026-06-01T00:00:00Z', 'adult'],
    // Only the year: taken as 31 December, the youngest the person can be.
    [{ year: 2010 }, '2026-12-30T00:00:00Z', 'under_16'],
    [{ year: 2010 }, '2026-12-31T00:00:00Z', '16_to_18'],
    // Year and month: the month's last day.
    [{ year: 2010, month: 2 }, '2026-02-27T00:00:00Z', 'under_16'],
    [{ year: 2010, month: 2 }, '2026-02-28T00:00:00Z', '16_to_18'],
    [undefined, '2026-02-28T00:00:00Z', 'unknown'],
  ])('born %j, on %s: %s', (birth, on, group) => {
    expect(ageGroupOn(birth, on)).toBe(group);
  });
});
