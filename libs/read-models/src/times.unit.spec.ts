import { utcTime, utcTimeOrNull } from './times';

describe('read-model times', () => {
  test.each([
    ['2026-03-15T07:00:00+07:00', '2026-03-15T00:00:00.000Z'],
    ['2026-03-15T00:00Z', '2026-03-15T00:00:00.000Z'],
    ['2026-03-14T23:59:59.5-01:00', '2026-03-15T00:59:59.500Z'],
  ])('%s is stored as %s', (given, stored) => {
    expect(utcTime(given)).toBe(stored);
  });

  it('orders stored times as instants, unlike the times as given', () => {
    const earlier = '2026-03-15T06:00:00+07:00';
    const later = '2026-03-14T23:30:00Z';
    expect([earlier, later].sort()).toEqual([later, earlier]);
    expect([later, earlier].map(utcTime).sort()).toEqual([utcTime(earlier), utcTime(later)]);
  });

  it('refuses text that is no time, and maps absence to null', () => {
    expect(() => utcTime('next Tuesday')).toThrow('not an ISO 8601 date-time');
    expect(utcTimeOrNull(undefined)).toBeNull();
    expect(utcTimeOrNull(null)).toBeNull();
  });
});
