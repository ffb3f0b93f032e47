import { performance } from 'node:perf_hooks';
import fs from 'node:fs';

const MiB = 2 ** 20;

/** The VmRSS line of a /proc/<pid>/status text, in KiB; undefined when absent (a zombie has none). */
export function vmRssKiB(statusText: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(statusText);
  return match ? Number(match[1]) : undefined;
}

/** Resident memory of another process (a child, the broker) in MiB, or undefined once it is gone. */
export function rssOfPidMiB(pid: number): number | undefined {
  try {
    const kib = vmRssKiB(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kib === undefined ? undefined : kib / 1024;
  } catch {
    return undefined;
  }
}

/** Resident memory of this process in MiB. */
export function rssOfSelfMiB(): number {
  return process.memoryUsage().rss / MiB;
}

/**
 * CPU time (user + system) of a process from a /proc/<pid>/stat text, in clock ticks. The command
 * name (field 2) may hold spaces and parentheses, so fields are counted after its closing parenthesis.
 */
export function cpuTicksOfStat(statText: string): number | undefined {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // After the name, field 3 (state) is index 0, so utime (14) and stime (15) are indexes 11 and 12.
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined;
}

/** Linux reports /proc times in USER_HZ ticks, 100 per second on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

/** CPU seconds another process has used so far, or undefined once it is gone. */
export function cpuSecondsOfPid(pid: number): number | undefined {
  try {
    const ticks = cpuTicksOfStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ticks === undefined ? undefined : ticks / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Child processes of a process (from /proc/<pid>/task/<tid>/children), none once it is gone. */
export function childPidsOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
      .filter((text) => text.trim() !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU seconds of a process and its children: the live ones (a node's crypto pool) and those it has
 * already reaped (cutime and cstime of its stat), or undefined once it is gone.
 */
export function cpuSecondsWithChildrenOfPid(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const own = cpuTicksOfStat(stat);
    if (own === undefined) return undefined;
    // After the name, cutime (16) and cstime (17) are indexes 13 and 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const reaped = (Number(fields[13]) || 0) + (Number(fields[14]) || 0);
    const live = childPidsOf(pid).reduce((sum, child) => sum + (cpuSecondsOfPid(child) ?? 0), 0);
    return (own + reaped) / TICKS_PER_SECOND + live;
  } catch {
    return undefined;
  }
}

/** CPU seconds this process (all its threads) has used so far. */
export function cpuSecondsOfSelf(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Runs `work` and reports the CPU seconds this process used per wall-clock second meanwhile: below 1
 * for single-threaded work means other programs took the core; above 1 means helper threads worked too.
 */
export async function withCoresUsed<T>(work: () => Promise<T>): Promise<{ result: T; coresUsed: number }> {
  const cpuBefore = cpuSecondsOfSelf();
  const wallBefore = performance.now();
  const result = await work();
  return { result, coresUsed: (cpuSecondsOfSelf() - cpuBefore) / ((performance.now() - wallBefore) / 1000) };
}

/** Machine-wide CPU time counters of the `cpu` line of /proc/stat, in ticks. */
export interface MachineCpuTimes {
  total: number;
  idle: number;
  steal: number;
}

/** Parses the aggregate `cpu` line of a /proc/stat text (idle includes iowait). */
export function machineCpuTimesOf(statText: string): MachineCpuTimes | undefined {
  const line = /^cpu\s+(.+)$/m.exec(statText)?.[1];
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  const parts = [user, nice, system, idle, iowait, irq, softirq, steal].map((value) => value ?? 0);
  if (parts.some((value) => !Number.isFinite(value))) return undefined;
  return { total: parts.reduce((a, b) => a + b, 0), idle: idle! + (iowait ?? 0), steal: steal ?? 0 };
}

export function machineCpuTimes(): MachineCpuTimes | undefined {
  try {
    return machineCpuTimesOf(fs.readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** Share of all cores busy (any process, this one included) and stolen by the hypervisor between two readings, in percent. */
export function cpuSharesBetween(
  before: MachineCpuTimes,
  after: MachineCpuTimes,
): { busyPct: number; stealPct: number } {
  const total = after.total - before.total;
  if (total <= 0) return { busyPct: Number.NaN, stealPct: Number.NaN };
  return {
    busyPct: (100 * (total - (after.idle - before.idle))) / total,
    stealPct: (100 * (after.steal - before.steal)) / total,
  };
}
