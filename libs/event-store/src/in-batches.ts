const NOTHING_READY = Symbol('nothing ready');

/**
 * Groups an async stream into batches of what is already available, without waiting for more: during
 * catch-up the batches are full (one Kafka send and one checkpoint per batch), when live each event goes
 * alone and at once (latency is not traded for throughput).
 */
export async function* inBatches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      while (batch.length < maxSize) {
        const next = await Promise.race([
          pending,
          new Promise<typeof NOTHING_READY>((resolve) => setImmediate(() => resolve(NOTHING_READY))),
        ]);
        if (next === NOTHING_READY) break;
        if (next.done) {
          yield batch;
          return;
        }
        batch.push(next.value);
        pending = iterator.next();
      }
      yield batch;
    }
  } finally {
    await iterator.return?.();
  }
}
