import { duration, progressPrinter } from './progress-printer';

const progress = (eventsDone: number) => ({
  eventsDone,
  position: BigInt(eventsDone),
  endPosition: 100_000n,
  eventsPerSecond: 20_000,
  secondsLeft: 65,
});

describe('throttled verify progress', () => {
  it('prints every 10,000 events or every 2 s, whichever comes first', () => {
    let now = 0;
    const lines: string[] = [];
    const print = progressPrinter(
      (l) => lines.push(l),
      () => now,
    );
    print(progress(5000)); // 5,000 events, 0 s: quiet
    print(progress(10_000)); // 10,000 events since the start: prints
    now = 1000;
    print(progress(15_000)); // quiet
    now = 2500;
    print(progress(16_000)); // 2.5 s since the last line: prints
    print(progress(17_000)); // quiet
    expect(lines).toEqual([
      'verify: 10,000 events, position 10000 of 100000, 20,000 events/s, about 1 min 5 s left',
      'verify: 16,000 events, position 16000 of 100000, 20,000 events/s, about 1 min 5 s left',
    ]);
  });

  it.each([
    [0, '0 s'],
    [59.4, '59 s'],
    [61, '1 min 1 s'],
    [7260, '2 h 1 min'],
  ])('%d s reads %s', (s, text) => {
    expect(duration(s)).toBe(text);
  });
});
