import { performance } from 'node:perf_hooks';
import { Clock, realClock } from './open-loop';
import { withCoresUsed } from './proc';
import { median } from './stats';

/**
 * Runs `operation` back to back (one at a time) for `windowMs` and returns completions per second.
 * The operation that straddles the end is counted and timed, so short windows are not biased.
 */
export async function closedLoopRate(
  windowMs: number,
  operation: () => Promise<unknown>,
  clock: Clock = realClock,
): Promise<number> {
  const start = clock.now();
  let done = 0;
  let now = start;
  while (now - start < windowMs) {
    await operation();
    done++;
    now = clock.now();
  }
  return (done * 1000) / (now - start);
}

/**
 * The median rate of `rounds` windows after one warm-up window of `warmupMs` (JIT, key caches),
 * because on a shared machine a single window can land on somebody else's burst.
 */
export async function medianRate(
  rounds: number,
  windowMs: number,
  operation: () => Promise<unknown>,
  warmupMs = Math.min(1000, windowMs),
): Promise<number> {
  await closedLoopRate(warmupMs, operation);
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) rates.push(await closedLoopRate(windowMs, operation));
  return median(rates);
}

/** Rate and CPU use of one operation measured by `interleavedRates`. */
export interface InterleavedRate {
  /** Median over rounds, completions per second. */
  perSecond: number;
  /** CPU seconds of this process per wall second over the operation's windows. */
  coresUsed: number;
}

/**
 * Rates of several operations measured round-robin (a window of each, `rounds` times over) after a
 * warm-up of each: a burst of other work on a shared machine then slows every operation a little
 * instead of one of them a lot, so their ratios stay meaningful.
 */
export async function interleavedRates<K extends string>(
  rounds: number,
  windowMs: number,
  operations: Record<K, () => Promise<unknown>>,
  warmupMs = Math.min(1000, windowMs),
): Promise<Record<K, InterleavedRate>> {
  const names = Object.keys(operations) as K[];
  const rates = new Map<K, number[]>(names.map((name) => [name, []]));
  const cpu = new Map<K, { cpuSeconds: number; wallSeconds: number }>(
    names.map((name) => [name, { cpuSeconds: 0, wallSeconds: 0 }]),
  );
  for (const name of names) await closedLoopRate(warmupMs, operations[name]);
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const { result, coresUsed, wallSeconds } = await timedWithCpu(() =>
        closedLoopRate(windowMs, operations[name]),
      );
      rates.get(name)!.push(result);
      const total = cpu.get(name)!;
      total.cpuSeconds += coresUsed * wallSeconds;
      total.wallSeconds += wallSeconds;
    }
  }
  const result = {} as Record<K, InterleavedRate>;
  for (const name of names) {
    const { cpuSeconds, wallSeconds } = cpu.get(name)!;
    result[name] = { perSecond: median(rates.get(name)!), coresUsed: cpuSeconds / wallSeconds };
  }
  return result;
}

async function timedWithCpu<T>(work: () => Promise<T>) {
  const wallBefore = performance.now();
  const measured = await withCoresUsed(work);
  return { ...measured, wallSeconds: (performance.now() - wallBefore) / 1000 };
}
