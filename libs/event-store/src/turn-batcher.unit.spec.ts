import { setImmediate as nextTurn } from 'node:timers/promises';
import { allCommitted, type BatchOutcome, TurnBatcher } from './turn-batcher';

/** A batcher whose commit records each batch and answers each item from `outcome`. */
function recording<T>(outcome: (item: T) => BatchOutcome<string> = (item) => ok(`done ${String(item)}`)) {
  const batches: T[][] = [];
  const settled: T[] = [];
  let committedCalls = 0;
  const batcher = new TurnBatcher<T, string>(
    (items) => {
      // Durability: when the commit runs, no caller of its batch may have been told anything yet.
      expect(settled.filter((item) => items.includes(item))).toEqual([]);
      batches.push([...items]);
      return items.map(outcome);
    },
    () => committedCalls++,
  );
  const add = (item: T) => {
    const settles = batcher.add(item);
    settles.then(
      () => settled.push(item),
      () => settled.push(item),
    );
    return settles;
  };
  return { batcher, add, batches, settled, committed: () => committedCalls };
}

const ok = (value: string): BatchOutcome<string> => ({ ok: true, value });
const refused = (error: unknown): BatchOutcome<string> => ({ ok: false, error });

describe('TurnBatcher', () => {
  it('commits what is added in one turn as one batch, and settles each caller with its value after', async () => {
    const { add, batches, settled } = recording<number>();
    const all = Promise.all([add(1), add(2), add(3)]);
    expect(batches).toEqual([]);
    expect(await all).toEqual(['done 1', 'done 2', 'done 3']);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(settled).toEqual([1, 2, 3]);
  });

  it('starts a new batch for what is added in a later turn', async () => {
    const { add, batches } = recording<string>();
    const first = add('a');
    await nextTurn();
    const second = add('b');
    await Promise.all([first, second]);
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('rejects only the item the commit refused when the others committed', async () => {
    const { add, committed } = recording<string>((item) =>
      item === 'bad' ? refused(new Error('refused')) : ok(item),
    );
    const results = await Promise.allSettled([add('a'), add('bad'), add('c')]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: 'c' },
    ]);
    expect(committed()).toBe(1);
  });

  it('does not report a commit when every item was refused', async () => {
    const { add, committed } = recording<string>(() => refused(new Error('refused')));
    await expect(add('a')).rejects.toThrow('refused');
    expect(committed()).toBe(0);
  });

  it('rejects every caller of a batch whose transaction failed, and reports no commit', async () => {
    const lost = new Error('disk I/O error');
    let committedCalls = 0;
    const batcher = new TurnBatcher<string, undefined>(
      () => {
        throw lost;
      },
      () => committedCalls++,
    );
    const results = await Promise.allSettled([batcher.add('a'), batcher.add('b')]);
    expect(results).toEqual([
      { status: 'rejected', reason: lost },
      { status: 'rejected', reason: lost },
    ]);
    expect(committedCalls).toBe(0);
  });

  it('commits what is queued at once on flush (a closing store keeps its promise)', async () => {
    const { batcher, add, batches } = recording<string>();
    const queued = add('a');
    batcher.flush();
    expect(batches).toEqual([['a']]);
    await expect(queued).resolves.toBe('done a');
    // The end of the turn finds nothing left to commit.
    await nextTurn();
    expect(batches).toEqual([['a']]);
  });

  it('allCommitted answers each item of an all-or-nothing batch', async () => {
    const batches: string[][] = [];
    const batcher = new TurnBatcher<string, undefined>((items) => {
      batches.push([...items]);
      return allCommitted(items);
    });
    expect(await Promise.all([batcher.add('a'), batcher.add('b')])).toEqual([undefined, undefined]);
    expect(batches).toEqual([['a', 'b']]);
  });
});
