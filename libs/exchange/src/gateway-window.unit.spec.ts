import { windowFor } from './inbox-gateway';

describe('the inbox window follows the backlog', () => {
  it('takes one record at a time while few wait, so a lone message is not slowed by others', () => {
    for (const waiting of [0, 1, 2, 8, 15]) expect(windowFor(waiting, 8)).toBe(1);
  });

  it('widens with the backlog up to the setting, and never past it', () => {
    expect(windowFor(16, 8)).toBe(2);
    expect(windowFor(40, 8)).toBe(5);
    expect(windowFor(64, 8)).toBe(8);
    expect(windowFor(500, 8)).toBe(8);
    expect(windowFor(500, 1)).toBe(1);
  });
});
