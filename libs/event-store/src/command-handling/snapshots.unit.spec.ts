import { SnapshotCache } from './snapshots';

describe('SnapshotCache', () => {
  const decider = {};
  it('keeps long streams only, the newest revision, per decider, least recently used out first', () => {
    const cache = new SnapshotCache({ minEvents: 10, maxEntries: 2 });
    cache.put(decider, 's-short', { state: 1, revision: 8n });
    expect(cache.get(decider, 's-short')).toBeUndefined();
    cache.put(decider, 's-a', { state: 'a9', revision: 9n });
    cache.put(decider, 's-a', { state: 'a-old', revision: 9n });
    expect(cache.get(decider, 's-a')).toEqual({ state: 'a9', revision: 9n });
    expect(cache.get({}, 's-a')).toBeUndefined();
    cache.put(decider, 's-b', { state: 'b', revision: 20n });
    cache.get(decider, 's-a');
    cache.put(decider, 's-c', { state: 'c', revision: 20n });
    expect(cache.get(decider, 's-b')).toBeUndefined();
    expect(cache.get(decider, 's-a')).toEqual({ state: 'a9', revision: 9n });
    expect(cache.size).toBe(2);
  });
});
