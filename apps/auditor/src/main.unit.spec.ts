import { memoryIo } from './cli/io';
import { runAuditor } from './main';

describe('the auditor command line', () => {
  it.each([
    [[], 'usage: npm run auditor'],
    [['audit'], 'unknown command "audit"'],
    [['verify', '--bogus'], "Unknown option '--bogus'"],
    [['replay'], '--case is required'],
    [['replay', '--case', 'r-1', '--at', 'yesterday'], '--at must be an ISO 8601 time'],
    [['replay', '--case', 'r-1', '--show-particulars'], 'needs --viewer'],
    [['history'], '--counterpart is required'],
    [
      ['report', '--period', '2026-Q5'],
      '--period: expected YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM-DD..YYYY-MM-DD',
    ],
    [['report', '--period', '2026-03-31..2026-03-01'], '--period: a range is two real dates'],
    [['report', '--period', '2026-02-30..2026-03-01'], '--period: a range is two real dates'],
    [['report', '--period', '2026-Q3', '--format', 'xlsx'], '--format is one of md, csv, json, pdf'],
    [['report', '--period', '2026-Q3', '--format', 'pdf'], '--format pdf needs --out FILE'],
    [['report', '--period', '2026-Q3', '--cutoff', 'fiscal'], '--cutoff is one of calendar, statutory'],
    [['report', '--period', '2026-Q3', '--lang', 'fr'], '--lang is one of vi, en'],
    [
      ['report', '--period', '2026-Q3', '--store', '/nonexistent/event-store.sqlite'],
      'no event store file at /nonexistent',
    ],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const io = memoryIo();
    expect(await runAuditor(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('prints the usage on help (exit 0)', async () => {
    const io = memoryIo();
    expect(await runAuditor(['help'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('auditor verify');
  });
});
