import { areaOf, summarize } from './profile-summary';

describe('areaOf', () => {
  it.each([
    [
      'file:///work/main/node_modules/better-sqlite3/lib/methods/transaction.js',
      'sqliteTransaction',
      'better-sqlite3',
    ],
    ['file:///work/main/node_modules/@grpc/grpc-js/build/src/x.js', 'f', '@grpc/grpc-js'],
    [
      'file:///work/main/dist/libs/event-store/src/sqlite/statements.js',
      'saveCheckpoint',
      'libs/event-store',
    ],
    ['file:///work/main/dist/apps/node/src/runtime/wire.js', 'apply', 'apps/node'],
    ['node:internal/util', 'jobPromise', 'node internals'],
    ['', '(idle)', '(idle)'],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', '', '(native)'],
    ['file:///elsewhere/x.js', 'f', 'other'],
  ])('%s %s -> %s', (url, name, area) => {
    expect(areaOf(url, name)).toBe(area);
  });
});

describe('summarize', () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('sqliteTransaction', '/r/node_modules/better-sqlite3/lib/t.js') },
      { id: 4, callFrame: frame('seal', '/r/dist/libs/envelope/src/seal.js') },
    ],
    // Self time comes from each sample's time delta (µs), whatever the order.
    samples: [2, 3, 4, 3, 2],
    timeDeltas: [5_000, 3_000, 1_000, 3_000, 5_000],
  };

  it('attributes self time per area and per function, with shares of the non-idle time', () => {
    const text = summarize(profile, 5);
    expect(text).toContain('profile: 0.0 s sampled, 0.0 s not idle');
    expect(text).toMatch(/6 ms\s+85\.7%\s+better-sqlite3/);
    expect(text).toMatch(/1 ms\s+14\.3%\s+libs\/envelope/);
    expect(text).toMatch(/10 ms\s+142\.9%\s+\(idle\)/);
    expect(text).toMatch(/6 ms\s+85\.7%\s+sqliteTransaction better-sqlite3 t\.js:1/);
  });

  it('lists areas from the largest self time down', () => {
    const lines = summarize(profile, 5).split('\n');
    const areas = lines.slice(2, 5).map((line) => line.trim().split(/\s+/).at(-1));
    expect(areas).toEqual(['(idle)', 'better-sqlite3', 'libs/envelope']);
  });
});
