import type { EventStore } from '@xb/event-store';
import type { SealVerifier } from '../seal';
import { verifyAuditTrail, type VerifyOptions } from './verify-audit-trail';

export interface VerifyThroughput {
  readonly events: number;
  readonly seals: number;
  readonly seconds: number;
  /** Events verified per second, seal signatures included. */
  readonly eventsPerSecond: number;
  readonly ok: boolean;
}

/**
 * Times one full verification of `store`, for the bench. Without a verifier every seal is taken as
 * validly signed, which measures the chain walk alone (hashing and reading); pass the real verifier to
 * include signature checks.
 */
export async function measureVerify(
  store: EventStore,
  verifier: SealVerifier = { verify: async () => true },
  options: Omit<VerifyOptions, 'maxFailures'> = {},
): Promise<VerifyThroughput> {
  const started = process.hrtime.bigint();
  const report = await verifyAuditTrail(store, verifier, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    events: report.eventsChecked,
    seals: report.sealsChecked,
    seconds,
    eventsPerSecond: report.eventsChecked / Math.max(seconds, 1e-9),
    ok: report.ok,
  };
}
