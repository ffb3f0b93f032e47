import { performance } from 'node:perf_hooks';
import { LatencySummary, summarize } from './stats';

/** Time source of the load generator; tests drive it with a virtual clock. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Milliseconds after the start at which send `index` (0-based) is due at `ratePerSecond`. */
export function scheduledAt(index: number, ratePerSecond: number): number {
  return (index * 1000) / ratePerSecond;
}

/** Number of sends in a run of `durationMs` at `ratePerSecond` (the last one is due before the end). */
export function sendsIn(durationMs: number, ratePerSecond: number): number {
  return Math.max(0, Math.ceil((durationMs * ratePerSecond) / 1000 - 1e-9));
}

/** How many of `total` sends are due `elapsedMs` after the start (send 0 is due at once). */
export function dueBy(elapsedMs: number, ratePerSecond: number, total: number): number {
  let due = Math.min(total, Math.max(0, Math.floor((elapsedMs * ratePerSecond) / 1000) + 1));
  // The product above and scheduledAt() round differently; scheduledAt() is the truth.
  while (due < total && scheduledAt(due, ratePerSecond) <= elapsedMs) due++;
  while (due > 0 && scheduledAt(due - 1, ratePerSecond) > elapsedMs) due--;
  return due;
}

export interface OpenLoopOptions {
  ratePerSecond: number;
  durationMs: number;
  /** Starts operation `index`; its promise settles when the operation completed (or failed). */
  fire: (index: number) => Promise<unknown>;
  /** How long to wait for operations still in flight after the last send. Default 10,000 ms. */
  drainTimeoutMs?: number;
  clock?: Clock;
}

export interface OpenLoopResult {
  offeredPerSecond: number;
  /** Successful completions per second, from the first due send to the last completion. */
  achievedPerSecond: number;
  sent: number;
  completed: number;
  failed: number;
  /** Operations still in flight when the drain timeout ended the run. */
  unfinished: number;
  /** Completion minus the time the send was DUE: queueing behind a slow system counts. */
  latencyMs: LatencySummary;
  /** Completion minus the time the send actually happened. */
  serviceMs: LatencySummary;
  /** Greatest delay of a send behind its schedule: large values mean the generator itself lagged. */
  maxSendLagMs: number;
}

/**
 * Open-loop load at a fixed offered rate: send `i` is due at `i / rate` whatever happened to earlier
 * sends, so a slow system shows up as latency instead of quietly lowering the load (a closed loop's
 * coordinated omission). Latency is measured from the due time to the completion callback.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { ratePerSecond: rate, durationMs, fire, drainTimeoutMs = 10_000, clock = realClock } = options;
  if (!(rate > 0)) throw new RangeError(`offered rate must be positive, got ${rate}`);
  const total = sendsIn(durationMs, rate);
  const latencies: number[] = [];
  const services: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let lastCompletion = 0;
  let maxSendLagMs = 0;
  const start = clock.now();

  const launch = (index: number) => {
    const due = start + scheduledAt(index, rate);
    const sentAt = clock.now();
    maxSendLagMs = Math.max(maxSendLagMs, sentAt - due);
    const settle = (ok: boolean) => {
      const doneAt = clock.now();
      if (ok) {
        latencies.push(doneAt - due);
        services.push(doneAt - sentAt);
        lastCompletion = Math.max(lastCompletion, doneAt);
      } else failed++;
      inFlight.delete(operation);
    };
    const operation: Promise<void> = Promise.resolve()
      .then(() => fire(index))
      .then(
        () => settle(true),
        () => settle(false),
      );
    inFlight.add(operation);
  };

  let next = 0;
  while (next < total) {
    const due = dueBy(clock.now() - start, rate, total);
    for (; next < due; next++) launch(next);
    if (next < total) await clock.sleep(Math.max(0, start + scheduledAt(next, rate) - clock.now()));
  }
  await drain(inFlight, drainTimeoutMs, clock);

  return {
    offeredPerSecond: rate,
    achievedPerSecond:
      latencies.length && lastCompletion > start ? (latencies.length * 1000) / (lastCompletion - start) : 0,
    sent: total,
    completed: latencies.length,
    failed,
    unfinished: inFlight.size,
    latencyMs: summarize(latencies),
    serviceMs: summarize(services),
    maxSendLagMs,
  };
}

async function drain(inFlight: Set<Promise<void>>, timeoutMs: number, clock: Clock): Promise<void> {
  const deadline = clock.now() + timeoutMs;
  // Short naps rather than one long timer, so no timer outlives the run and keeps the process up.
  while (inFlight.size > 0 && clock.now() < deadline) {
    await Promise.race([...inFlight, clock.sleep(Math.min(50, deadline - clock.now()))]);
  }
}
