import { isFailure, loadConfig, nodeSettings, NodeConfig, parseRetentionPeriods } from '.';

describe('XB_RETENTION_DAYS', () => {
  it('reads days per case category, and nothing when unset or empty', () => {
    expect(parseRetentionPeriods('notice=365, verification=1825')).toEqual({
      notice: 365,
      verification: 1825,
    });
    expect(parseRetentionPeriods('')).toEqual({});
    expect(loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, {}).retentionDays).toEqual({});
  });

  it.each(['notice', 'notice=0', 'notice=-1', 'cooking=30', 'notice=30,notice=40', 'notice=3x'])(
    'refuses %s, naming what it expects',
    (raw) => {
      const parsed = parseRetentionPeriods(raw);
      expect(isFailure(parsed)).toBe(true);
      expect(() => loadConfig(nodeSettings, { XB_RETENTION_DAYS: raw })).toThrow(
        /XB_RETENTION_DAYS=.*category=days/,
      );
    },
  );
});
