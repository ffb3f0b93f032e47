import { delayAfterAttempt, retryVerdict, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { initialDelayMs: 1_000, multiplier: 2, maxDelayMs: 5_000, maxAttempts: 4 };

describe('retry policy', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 5_000],
    [10, 5_000],
  ])('waits after send %i for %i ms (exponential, capped)', (attempt, delay) => {
    expect(delayAfterAttempt(policy, attempt)).toBe(delay);
  });

  it.each([
    ['waits before the delay has passed', 1, 0, 999, { action: 'wait', dueAtMs: 1_000 }],
    ['re-sends once the delay has passed', 1, 0, 1_000, { action: 'resend' }],
    ['re-sends a third time after 2 s more', 2, 10_000, 12_000, { action: 'resend' }],
    ['gives up after the last attempt has had its wait', 4, 0, 5_000, { action: 'give_up' }],
    ['still waits on the last attempt', 4, 0, 4_999, { action: 'wait', dueAtMs: 5_000 }],
  ])('%s', (_name, attempts, lastSentAt, now, verdict) => {
    expect(retryVerdict(policy, attempts as number, lastSentAt as number, now as number)).toEqual(verdict);
  });
});
