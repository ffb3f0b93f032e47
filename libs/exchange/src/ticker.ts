/**
 * Runs a piece of work every `everyMs`, never two runs at once. A failed run (Kafka down, say) is
 * reported and tried again at the next tick; nothing is lost in between.
 */
export class Ticker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly everyMs: number,
    private readonly onError?: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.work()
        .catch((error) => this.onError?.(error))
        .finally(() => (this.running = undefined));
    }, this.everyMs);
  }

  /** Stops ticking and waits for a run under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
