import { Clock, dueBy, runOpenLoop, scheduledAt, sendsIn } from './open-loop';

/**
 * A simulated clock: time moves only when every pending callback has run, jumping to the earliest
 * sleeper. The load generator and the simulated system under test share it, so runs are exact.
 */
class VirtualClock implements Clock {
  private time = 0;
  private readonly sleepers: { at: number; order: number; wake: () => void }[] = [];
  private order = 0;
  private ticking = false;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.sleepers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake });
      this.tick();
    });
  }

  private tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    setImmediate(() => {
      this.ticking = false;
      this.sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.sleepers.shift();
      if (!next) return;
      this.time = Math.max(this.time, next.at);
      next.wake();
      if (this.sleepers.length) this.tick();
    });
  }
}

describe('pacing math', () => {
  test.each([
    [0, 100, 0],
    [1, 100, 10],
    [99, 100, 990],
    [3, 300, 10],
    [1, 0.5, 2000],
  ])('send %s at %s/s is due at %s ms', (index, rate, at) => {
    expect(scheduledAt(index, rate)).toBeCloseTo(at, 9);
  });

  test.each([
    [1000, 100, 100],
    [1000, 300, 300],
    [999, 100, 100],
    [1, 100, 1],
    [0, 100, 0],
    [2500, 0.5, 2],
  ])('a %s ms run at %s/s makes %s sends', (duration, rate, sends) => {
    expect(sendsIn(duration, rate)).toBe(sends);
  });

  test.each([
    [0, 100, 100, 1],
    [9.999, 100, 100, 1],
    [10, 100, 100, 2],
    [995, 100, 100, 100],
    [5000, 100, 100, 100],
    [10, 300, 300, 4],
    [1000 / 3, 300, 300, 101],
  ])('at %s ms into a %s/s run of %s sends, %s are due', (elapsed, rate, total, due) => {
    expect(dueBy(elapsed, rate, total)).toBe(due);
  });

  it('agrees with scheduledAt for every send of an awkward rate', () => {
    const rate = 333.3;
    for (let i = 0; i < 1000; i++) {
      const at = scheduledAt(i, rate);
      expect(dueBy(at, rate, 1000)).toBe(i + 1);
      if (i > 0) expect(dueBy(at - 1e-6, rate, 1000)).toBe(i);
    }
  });
});

describe('runOpenLoop', () => {
  it('sends on schedule and measures completion from the due time', async () => {
    const clock = new VirtualClock();
    const sentAt: number[] = [];
    const result = await runOpenLoop({
      ratePerSecond: 100,
      durationMs: 1000,
      clock,
      fire: async () => {
        sentAt.push(clock.now());
        await clock.sleep(5);
      },
    });
    expect(sentAt).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
    expect(result).toMatchObject({ sent: 100, completed: 100, failed: 0, unfinished: 0, maxSendLagMs: 0 });
    expect(result.latencyMs).toMatchObject({ p50: 5, p99: 5, max: 5 });
    expect(result.achievedPerSecond).toBeCloseTo((100 * 1000) / 995, 6);
  });

  it('counts queueing behind a saturated system as latency (no coordinated omission)', async () => {
    const clock = new VirtualClock();
    let serverFreeAt = 0;
    // One server taking 20 ms per request: capacity 50/s, offered 100/s.
    const result = await runOpenLoop({
      ratePerSecond: 100,
      durationMs: 1000,
      clock,
      drainTimeoutMs: 60_000,
      fire: async () => {
        serverFreeAt = Math.max(clock.now(), serverFreeAt) + 20;
        await clock.sleep(serverFreeAt - clock.now());
      },
    });
    // Request i is due at 10i and done at 20(i+1): latency 10i + 20.
    expect(result.latencyMs).toMatchObject({ p50: 10 * 49 + 20, p99: 10 * 98 + 20, max: 10 * 99 + 20 });
    expect(result.serviceMs.p50).toBe(result.latencyMs.p50);
    expect(result.achievedPerSecond).toBeCloseTo(50, 6);
  });

  it('reports failures and operations still in flight at the drain timeout', async () => {
    const clock = new VirtualClock();
    const result = await runOpenLoop({
      ratePerSecond: 10,
      durationMs: 1000,
      clock,
      drainTimeoutMs: 100,
      fire: async (index) => {
        if (index % 5 === 0) throw new Error('refused');
        await clock.sleep(index === 9 ? 10_000 : 1);
      },
    });
    expect(result).toMatchObject({ sent: 10, failed: 2, completed: 7, unfinished: 1 });
  });

  it('refuses a rate that is not positive', async () => {
    await expect(
      runOpenLoop({ ratePerSecond: 0, durationMs: 10, fire: async () => undefined }),
    ).rejects.toThrow(RangeError);
  });
});
