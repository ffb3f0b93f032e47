import type { EventStore } from '@xb/event-store';
import type { SealVerifier } from '../seal';
import { verifyAuditTrail, type VerifyOptions } from './verify-audit-trail';

export interface VerifyThroughput {
  readonly events: number;
  readonly seals: number;
  readonly seconds: number;
  /** Events verified per second, seal signatures included. */
  readonly eventsPerSecond: number;
  /**
   * CPU seconds this process used meanwhile (all its threads: WebCrypto jobs too). On a shared machine
   * the wall-clock rate follows the load; CPU per event is the figure that compares between runs.
   */
  readonly cpuSeconds: number;
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
  const cpuBefore = process.cpuUsage();
  const report = await verifyAuditTrail(store, verifier, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    events: report.eventsChecked,
    seals: report.sealsChecked,
    seconds,
    eventsPerSecond: report.eventsChecked / Math.max(seconds, 1e-9),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    ok: report.ok,
  };
}
