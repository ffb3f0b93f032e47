import type { SealTimer } from '../sealer/seal-timer';

/** FOR TESTS: a SealTimer on a clock the test advances; each due tick runs, and is awaited, in time order. */
export class ManualTimer implements SealTimer {
  private now = 0;
  private readonly schedules = new Set<{
    readonly ms: number;
    due: number;
    readonly tick: () => Promise<void>;
  }>();

  every(ms: number, tick: () => Promise<void>): { cancel(): void } {
    const schedule = { ms, due: this.now + ms, tick };
    this.schedules.add(schedule);
    return { cancel: () => this.schedules.delete(schedule) };
  }

  /** Moves the clock `ms` forward, running every tick that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.schedules].filter((s) => s.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.now = next.due;
      next.due += next.ms;
      await next.tick();
    }
    this.now = end;
  }
}
