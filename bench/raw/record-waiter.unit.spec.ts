import { RecordWaiter } from './record-waiter';

describe('RecordWaiter', () => {
  it('resolves a key wait when that key is seen, and a count when enough prefixed keys are', async () => {
    const waiter = new RecordWaiter();
    const events: string[] = [];
    void waiter.keySeen('l-2').then(() => events.push('key'));
    void waiter.countReaches(3, 'r-').then(() => events.push('count'));
    for (const key of ['r-1', 'p-1', 'r-2', 'l-2']) waiter.seen(key);
    await Promise.resolve();
    expect(events).toEqual(['key']);
    waiter.seen('r-3');
    await Promise.resolve();
    expect(events).toEqual(['key', 'count']);
  });
});
