import { inBatches } from './in-batches';

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of source) out.push(batch);
  return out;
}

describe('inBatches', () => {
  it('fills batches from what is ready, up to the maximum', async () => {
    async function* ready() {
      for (let i = 0; i < 7; i++) yield i;
    }
    expect(await collect(inBatches(ready(), 3))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('does not hold a ready item back while waiting for a slow one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slow() {
      yield 'a';
      await gate;
      yield 'b';
    }
    const batches = inBatches(slow(), 10);
    expect((await batches.next()).value).toEqual(['a']);
    release();
    expect((await batches.next()).value).toEqual(['b']);
    expect((await batches.next()).done).toBe(true);
  });
});
