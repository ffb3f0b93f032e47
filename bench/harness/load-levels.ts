import { Clock, OpenLoopResult, realClock, runOpenLoop } from './open-loop';
import { MeasurementRegistry } from './registry';

/** One open-loop run at a fraction of a measured capacity. */
export interface LoadLevel {
  /** Offered load as a whole percentage of the capacity, e.g. 50 or 80. */
  percent: number;
  result: OpenLoopResult;
}

/**
 * Offers `fractions` (e.g. [0.5, 0.8]) of `capacityPerSecond`, one level after the other, each for
 * `durationMs`: latency at a known share of the saturation throughput is what an operator plans with.
 */
export async function runLoadLevels(options: {
  capacityPerSecond: number;
  fractions: readonly number[];
  durationMs: number;
  fire: (index: number) => Promise<unknown>;
  drainTimeoutMs?: number;
  clock?: Clock;
}): Promise<LoadLevel[]> {
  const levels: LoadLevel[] = [];
  for (const fraction of options.fractions) {
    const result = await runOpenLoop({
      ratePerSecond: options.capacityPerSecond * fraction,
      durationMs: options.durationMs,
      fire: options.fire,
      drainTimeoutMs: options.drainTimeoutMs ?? 10_000,
      clock: options.clock ?? realClock,
    });
    levels.push({ percent: Math.round(fraction * 100), result });
  }
  return levels;
}

/**
 * Records, per level, `<prefix>_latency_p50|p95|p99_ms_at_<percent>pct`, the achieved rate
 * `<prefix>_achieved_per_s_at_<percent>pct` and, when any, the failed/unfinished counts.
 */
export function recordLoadLevels(
  registry: MeasurementRegistry,
  prefix: string,
  levels: readonly LoadLevel[],
): void {
  for (const { percent, result } of levels) {
    const at = `at_${percent}pct`;
    const offered = `offered ${result.offeredPerSecond.toFixed(1)}/s`;
    for (const p of ['p50', 'p95', 'p99'] as const) {
      registry.record(
        `${prefix}_latency_${p}_ms_${at}`,
        result.latencyMs[p],
        'ms',
        `${p} from due send to completion, ${offered}`,
      );
    }
    registry.record(
      `${prefix}_achieved_per_s_${at}`,
      result.achievedPerSecond,
      '/s',
      `${result.completed} of ${result.sent} completed, ${offered}`,
    );
    if (result.failed || result.unfinished) {
      registry.record(
        `${prefix}_failed_${at}`,
        result.failed + result.unfinished,
        'count',
        'failed or unfinished at drain timeout',
      );
    }
  }
}
