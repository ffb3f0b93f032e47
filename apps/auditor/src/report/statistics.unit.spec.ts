import { EXPECTED_Q3 } from '../testing/scenario';
import { recordInMemory } from '../testing/record-in-memory';
import { parsePeriod } from './period';
import { computeStatistics } from './statistics';

describe('statistics replayed from recorded events', () => {
  const events = recordInMemory();

  it('counts a quarter: requests, answers on time, repatriations by gate, suspects, joint operations', () => {
    const stats = computeStatistics(events, parsePeriod('2026-Q3'));
    expect(stats).toEqual({ period: parsePeriod('2026-Q3'), ...EXPECTED_Q3 });
  });

  it('shows a joint operation closed later with its results in the year report', () => {
    const stats = computeStatistics(events, parsePeriod('2026'));
    expect(stats.jointOperations).toEqual([
      expect.objectContaining({
        caseId: '0193a7b2-0000-7000-8000-00000000a001',
        status: 'closed',
        results: { victimsRescued: 4, suspectsArrested: 2, casesInvestigated: 3 },
      }),
    ]);
    expect(stats.verification.find((r) => r.counterpart === 'CN.YN.BORDERPOLICE')?.sent).toBe(3);
  });

  it('counts nothing outside the period', () => {
    const stats = computeStatistics(events, parsePeriod('2026-Q1'));
    expect(stats).toMatchObject({ verification: [], repatriation: [], suspects: [], jointOperations: [] });
    expect(stats.receptionsConfirmed).toEqual({ victims: 0, children: 0 });
  });

  it('ignores streams of no process (seals, exchange, audit)', () => {
    const noise = { ...events[0], streamId: 'audit-seals', type: 'AuditSealRecorded', data: {} };
    expect(computeStatistics([noise, ...events], parsePeriod('2026-Q3'))).toEqual(
      computeStatistics(events, parsePeriod('2026-Q3')),
    );
  });
});
