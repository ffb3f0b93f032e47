/**
 * What makes the sealer seal on time. The default is the process's interval timer; tests give a clock
 * they advance themselves, so that an hour of idleness takes no wall-clock hour.
 */
export interface SealTimer {
  /** Calls `tick` every `ms` until cancelled; a tick does not start while the previous one runs. */
  every(ms: number, tick: () => Promise<void>): { cancel(): void };
}

export const intervalTimer: SealTimer = {
  every(ms, tick) {
    let running = false;
    const handle = setInterval(() => {
      if (running) return;
      running = true;
      void tick().finally(() => {
        running = false;
      });
    }, ms);
    handle.unref();
    return { cancel: () => clearInterval(handle) };
  },
};
