import { Clock, realClock } from './open-loop';
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
