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
    [['report', '--period', '2026-Q5'], '--period must be'],
    [['report', '--period', '2026-Q3', '--format', 'xlsx'], '--format is one of md, csv, json'],
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
