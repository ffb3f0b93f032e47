/**
 * What must be undone when the bench ends, however it ends: brokers stopped, children killed, files
 * removed. Steps run last-registered first (a consumer closes before its broker stops), each once,
 * and one failing step does not keep the others from running.
 */
export class Cleanup {
  private readonly steps: { name: string; undo: () => unknown }[] = [];
  private running: Promise<string[]> | undefined;

  /** Registers `undo`; returns a function that runs it now (and only now) and forgets it. */
  add(name: string, undo: () => unknown): () => Promise<void> {
    const step = { name, undo };
    this.steps.push(step);
    return async () => {
      const index = this.steps.indexOf(step);
      if (index < 0) return;
      this.steps.splice(index, 1);
      await step.undo();
    };
  }

  /** Runs every remaining step; resolves to the failures, as `name: message` lines. */
  runAll(): Promise<string[]> {
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<string[]> {
    const failures: string[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      try {
        await step.undo();
      } catch (error) {
        failures.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}
