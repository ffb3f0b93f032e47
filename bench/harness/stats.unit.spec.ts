import { mean, median, percentile, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  test.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0.5, 1],
    [1, 1],
    [1.5, 2],
  ])('p%s of 1..100 is %s', (p, expected) => {
    expect(percentile(oneToHundred, p)).toBe(expected);
  });

  test.each([
    [[7], 50, 7],
    [[7], 99, 7],
    [[1, 2], 50, 1],
    [[1, 2], 51, 2],
    [[10, 20, 30, 40], 75, 30],
    [[10, 20, 30, 40], 76, 40],
  ])('p of %j at %s is %s: a measured value, never an interpolation', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  test.each([0, -1, 101, Number.NaN])('refuses p = %s', (p) => {
    expect(() => percentile([1], p)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts a copy and reports p50/p95/p99/max/mean', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(summarize(samples)).toEqual({ count: 200, p50: 100, p95: 190, p99: 198, max: 200, mean: 100.5 });
    expect(samples[0]).toBe(200);
  });

  it('keeps a lone outlier out of p50 and p95 but in p99 of 100 samples', () => {
    const samples = [...new Array<number>(99).fill(2), 500];
    const summary = summarize(samples);
    expect([summary.p50, summary.p95, summary.p99, summary.max]).toEqual([2, 2, 2, 500]);
    expect(summarize([...new Array<number>(98).fill(2), 500, 500]).p99).toBe(500);
  });
});

describe('median and mean', () => {
  it('takes the lower middle of an even count (nearest rank)', () => {
    expect(median([30, 10, 20, 40])).toBe(20);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('averages, and is NaN for nothing', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNaN();
  });
});
