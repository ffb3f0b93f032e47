import { spawn } from 'node:child_process';
import {
  childPidsOf,
  cpuSecondsOfPid,
  cpuSecondsWithChildrenOfPid,
  cpuSharesBetween,
  cpuTicksOfStat,
  machineCpuTimesOf,
  rssOfPidMiB,
  rssOfSelfMiB,
  vmRssKiB,
} from './proc';

describe('/proc readers', () => {
  it('reads VmRSS from a status text', () => {
    expect(vmRssKiB('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  81234 kB\nRssAnon:\t 1 kB\n')).toBe(81234);
    expect(vmRssKiB('Name:\tzombie\nState:\tZ (zombie)\n')).toBeUndefined();
  });

  it('reads utime + stime from a stat text whose command name holds spaces and parentheses', () => {
    const stat = '4242 (node (a) b) S 1 2 3 0 -1 4194304 100 0 0 0 250 30 0 0 20 0 11 0 5 6 7';
    expect(cpuTicksOfStat(stat)).toBe(280);
  });

  it('reads this very process through /proc like a child (Linux)', () => {
    const viaProc = rssOfPidMiB(process.pid)!;
    expect(viaProc).toBeGreaterThan(10);
    expect(Math.abs(viaProc - rssOfSelfMiB())).toBeLessThan(viaProc * 0.5);
    expect(cpuSecondsOfPid(process.pid)).toBeGreaterThan(0);
  });

  it('gives undefined for a process that does not exist', () => {
    expect(rssOfPidMiB(2 ** 22 + 1)).toBeUndefined();
    expect(cpuSecondsOfPid(2 ** 22 + 1)).toBeUndefined();
  });
});

describe('a process with children (a node with its crypto pool)', () => {
  it('lists a live child and counts the CPU of the children with the parent', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      expect(childPidsOf(process.pid)).toContain(child.pid);
      expect(cpuSecondsWithChildrenOfPid(process.pid)).toBeGreaterThanOrEqual(cpuSecondsOfPid(process.pid)!);
    } finally {
      child.kill('SIGKILL');
    }
    expect(childPidsOf(999_999_999)).toEqual([]);
    expect(cpuSecondsWithChildrenOfPid(999_999_999)).toBeUndefined();
  });
});

describe('machine CPU shares', () => {
  it('reads the aggregate cpu line and computes busy and stolen shares between two readings', () => {
    const before = machineCpuTimesOf('cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n')!;
    const after = machineCpuTimesOf('cpu  400 0 150 1100 50 0 0 100 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n')!;
    expect(before).toEqual({ total: 1000, idle: 850, steal: 0 });
    expect(cpuSharesBetween(before, after)).toEqual({ busyPct: 62.5, stealPct: 12.5 });
    expect(machineCpuTimesOf('intr 1 2 3\n')).toBeUndefined();
  });
});
