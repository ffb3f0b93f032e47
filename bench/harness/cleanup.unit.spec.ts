import { Cleanup } from './cleanup';

describe('Cleanup', () => {
  it('runs steps last-registered first, once, and reports failures without skipping steps', async () => {
    const cleanup = new Cleanup();
    const order: string[] = [];
    cleanup.add('broker', () => order.push('broker'));
    cleanup.add('flaky', () => {
      throw new Error('already gone');
    });
    cleanup.add('consumer', async () => {
      order.push('consumer');
    });
    const [first, second] = await Promise.all([cleanup.runAll(), cleanup.runAll()]);
    expect(order).toEqual(['consumer', 'broker']);
    expect(first).toEqual(['flaky: already gone']);
    expect(second).toBe(first);
  });

  it('lets a step run early through its handle, and then never again', async () => {
    const cleanup = new Cleanup();
    let runs = 0;
    const release = cleanup.add('pool', () => runs++);
    await release();
    await release();
    await cleanup.runAll();
    expect(runs).toBe(1);
  });
});
