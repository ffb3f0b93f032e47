/**
 * When an envelope without a receipt is sent again, and when it is given up on and flagged for an
 * officer (docs/design.md section 5). Pure: the caller passes the clock.
 */
export interface RetryPolicy {
  /** Wait before the first re-send. Default 5 s. */
  readonly initialDelayMs: number;
  /** Each further wait is the previous one times this. Default 2. */
  readonly multiplier: number;
  /** No single wait is longer than this. Default 5 min. */
  readonly maxDelayMs: number;
  /** Sends (the first one included) before the message is flagged unacknowledged. Default 8. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 5_000,
  multiplier: 2,
  maxDelayMs: 300_000,
  maxAttempts: 8,
};

/** Delay after send number `attempt` (1-based) before the next one. */
export function delayAfterAttempt(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
}

export type RetryVerdict =
  | { readonly action: 'wait'; readonly dueAtMs: number }
  | { readonly action: 'resend' }
  | { readonly action: 'give_up' };

/** What to do with a message last sent at `lastSentAtMs` after `attempts` sends, at `nowMs`. */
export function retryVerdict(
  policy: RetryPolicy,
  attempts: number,
  lastSentAtMs: number,
  nowMs: number,
): RetryVerdict {
  const dueAtMs = lastSentAtMs + delayAfterAttempt(policy, attempts);
  if (nowMs < dueAtMs) return { action: 'wait', dueAtMs };
  return attempts >= policy.maxAttempts ? { action: 'give_up' } : { action: 'resend' };
}
