import { loadConfig } from './load-config';
import { parseIndicatorTargets, reportSettings, targetsFor } from './report-settings';
import { isFailure } from './settings';

describe('report settings', () => {
  it("parses the plan's targets for every year and per plan year", () => {
    const targets = parseIndicatorTargets('tips_processed>90,tips_classified>=100;2027:tips_processed>=95');
    expect(isFailure(targets)).toBe(false);
    if (isFailure(targets)) return;
    expect(targetsFor(targets, 2026)).toEqual({
      tips_processed: { op: '>', percent: 90 },
      tips_classified: { op: '>=', percent: 100 },
    });
    expect(targetsFor(targets, 2027).tips_processed).toEqual({ op: '>=', percent: 95 });
  });

  it.each([
    'tips_processed=90',
    'unknown_indicator>=100',
    'tips_processed>=101',
    '2027:',
    'tips_processed>=90;;',
  ])('refuses the targets %j', (raw) => {
    expect(isFailure(parseIndicatorTargets(raw))).toBe(true);
  });

  it('refuses an unknown time zone and an unknown cut-off, naming the setting', () => {
    expect(() =>
      loadConfig(reportSettings, { XB_TIME_ZONE: 'Asia/Saigon_X', XB_REPORT_CUTOFF: 'fiscal' }),
    ).toThrow(/XB_TIME_ZONE=.*IANA time zone[\s\S]*XB_REPORT_CUTOFF=/);
  });

  it('defaults to Vietnam time, calendar periods and the issuing agency', () => {
    expect(loadConfig(reportSettings, { XB_AGENCY_ID: 'VN.BGC.DIENBIEN' })).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      reportCutoff: 'calendar',
      reportIssuer: 'VN.BGC.DIENBIEN',
    });
  });
});
