/**
 * Lets a measurement wait for consumed records: for one key (a round trip), or until a number of
 * records whose key starts with a prefix has been seen (a throughput run).
 */
export class RecordWaiter {
  private readonly keys = new Map<string, () => void>();
  private readonly counts: { prefix: string; remaining: number; done: () => void }[] = [];

  /** Called by the consumer for every record it sees. */
  seen(key: string): void {
    const resolve = this.keys.get(key);
    if (resolve) {
      this.keys.delete(key);
      resolve();
    }
    for (const count of this.counts) {
      if (count.remaining > 0 && key.startsWith(count.prefix) && --count.remaining === 0) count.done();
    }
  }

  /** Resolves when a record with `key` is seen (register before sending it). */
  keySeen(key: string): Promise<void> {
    return new Promise((resolve) => this.keys.set(key, resolve));
  }

  /** Resolves when `total` records with keys starting with `prefix` have been seen from now on. */
  countReaches(total: number, prefix: string): Promise<void> {
    return new Promise((done) => this.counts.push({ prefix, remaining: total, done }));
  }
}
