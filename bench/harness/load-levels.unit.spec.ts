import { recordLoadLevels, runLoadLevels } from './load-levels';
import { Clock } from './open-loop';
import { MeasurementRegistry } from './registry';

/** Time jumps by each sleep at once: enough for runs whose operations complete instantly. */
function jumpingClock(): Clock {
  let time = 0;
  return {
    now: () => time,
    sleep: async (ms) => {
      time += ms;
    },
  };
}

describe('load levels', () => {
  it('offers each fraction of the capacity and records latency and achieved rate per level', async () => {
    const offered: number[] = [];
    const levels = await runLoadLevels({
      capacityPerSecond: 200,
      fractions: [0.5, 0.8],
      durationMs: 1000,
      clock: jumpingClock(),
      fire: async () => undefined,
    });
    for (const level of levels) offered.push(level.result.offeredPerSecond);
    expect(offered).toEqual([100, 160]);
    expect(levels.map((level) => [level.percent, level.result.sent])).toEqual([
      [50, 100],
      [80, 160],
    ]);

    const registry = new MeasurementRegistry();
    recordLoadLevels(registry, 'ours_exchange', levels);
    expect(registry.all().map((m) => m.name)).toEqual([
      'ours_exchange_latency_p50_ms_at_50pct',
      'ours_exchange_latency_p95_ms_at_50pct',
      'ours_exchange_latency_p99_ms_at_50pct',
      'ours_exchange_achieved_per_s_at_50pct',
      'ours_exchange_latency_p50_ms_at_80pct',
      'ours_exchange_latency_p95_ms_at_80pct',
      'ours_exchange_latency_p99_ms_at_80pct',
      'ours_exchange_achieved_per_s_at_80pct',
    ]);
  });

  it('records failed and unfinished operations when there were any', async () => {
    const levels = await runLoadLevels({
      capacityPerSecond: 10,
      fractions: [1],
      durationMs: 1000,
      clock: jumpingClock(),
      fire: async (index) => {
        if (index < 3) throw new Error('refused');
      },
    });
    const registry = new MeasurementRegistry();
    recordLoadLevels(registry, 'ours', levels);
    expect(registry.value('ours_failed_at_100pct')).toBe(3);
  });
});
