import { EXPECTED_Q3 } from '../testing/scenario';
import { parsePeriod } from './period';
import { renderCsv, renderMarkdown, renderStatistics } from './render';
import type { PeriodStatistics } from './tally';

const stats = {
  period: parsePeriod('2026-Q3'),
  ...EXPECTED_Q3,
  jointOperations: [
    ...EXPECTED_Q3.jointOperations,
    {
      caseId: 'j-2',
      name: 'Spring, "north" route',
      counterpart: 'LA.MOS',
      startDate: '2026-04-01',
      endDate: '2026-07-15',
      status: 'closed',
      units: 3,
      linkedCases: 0,
      results: { victimsRescued: 7, suspectsArrested: 1, casesInvestigated: 2 },
    },
  ],
} as PeriodStatistics;

describe('report renderers', () => {
  it('writes Markdown with totals and one table per section', () => {
    const md = renderMarkdown(stats);
    expect(md).toContain('# Cooperation report 2026-Q3');
    expect(md).toContain('Sent 2, received 1; answers received 2 (1 on time); answers given 1 (1 on time).');
    expect(md).toContain('Handed over 1 victims with 1 children; received 1 victims with 2 children');
    expect(md).toContain('| handed over | CN.YN.BORDERPOLICE | Ma Lu Thang | 1 | 1 |');
    expect(md).toContain('| received | CN.YN.BORDERPOLICE | Ma Lu Thang | 1 |');
    expect(md).toContain(
      '| 0193a7b2-0000-7000-8000-00000000a001 | Summer peak period 2026 | CN.YN.BORDERPOLICE | 2026-07-01 to 2026-09-30 | agreed | 2 | 1 | - | - | - |',
    );
    expect(md).toContain('| closed | 3 | 0 | 7 | 1 | 2 |');
  });

  it('writes (none) for an empty section', () => {
    expect(renderMarkdown({ ...stats, suspects: [] })).toMatch(/## Suspects handed over\n\n\(none\)/);
  });

  it('writes CSV in long form, quoting fields with commas and quotes', () => {
    const lines = renderCsv(stats).trimEnd().split('\n');
    expect(lines[0]).toBe('period,section,metric,counterpart,border_gate,case,value');
    expect(lines).toContain('2026-Q3,verification,answersReceivedOnTime,CN.YN.BORDERPOLICE,,,1');
    expect(lines).toContain('2026-Q3,repatriation,children_received,CN.YN.BORDERPOLICE,Lao Cai - Hekou,,2');
    expect(lines).toContain('2026-Q3,repatriation,victims_reception_confirmed,,,,1');
    expect(lines).toContain('2026-Q3,suspects,suspects_received,CN.YN.BORDERPOLICE,Ma Lu Thang,,1');
    expect(lines).toContain('2026-Q3,joint_operation,victimsRescued,LA.MOS,,j-2,7');
    expect(
      renderCsv({
        ...stats,
        repatriation: [{ ...EXPECTED_Q3.repatriation[0], borderGate: 'Gate "A", north' } as never],
      }),
    ).toContain('"Gate ""A"", north"');
  });

  it('writes JSON that parses back to the statistics', () => {
    expect(JSON.parse(renderStatistics(stats, 'json'))).toEqual(stats);
  });
});
