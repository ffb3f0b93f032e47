/**
 * Retention on a schedule (docs/confidentiality.md): a case closed longer than its category's period
 * (`XB_RETENTION_DAYS`) has its particulars erased, ground `retention_expired`, by `system:retention`.
 * What is closed, and since when, is read from the case's own stream (its status, the time of its last
 * event), and what is left to erase from the key store (cases not erased yet): nothing is kept in
 * memory, so a run after a restart, or a second run, finds exactly what is still due.
 */
import type { RetentionPeriods } from '@xb/config';
import { DECIDERS, deciderOf, isProcessCategory, type ProcessCategory } from '@xb/domain';
import { readStreamIfAny, type EventStore } from '@xb/event-store';
import type { KeyStore } from '@xb/protection';
import { eraseParticulars } from './erasure';

/** The statuses a case of process C can be in once opened. */
type StatusOf<C extends ProcessCategory> = Exclude<
  ReturnType<(typeof DECIDERS)[C]['initialState']>['status'],
  'none'
>;

/** The statuses in which a case of each process is over: nothing more is awaited from either side. */
export const CLOSED_STATUSES: { readonly [C in ProcessCategory]: readonly StatusOf<C>[] } = {
  verification: ['closed', 'withdrawn'],
  repatriation: ['refused', 'referred', 'cancelled'],
  handover: ['refused', 'handed_over', 'cancelled'],
  jointop: ['declined', 'closed'],
  notice: ['processed', 'closed'],
  rescue: ['rescued', 'not_found'],
  wanted: ['arrested', 'not_found'],
  liaison: ['closed'],
  mission: ['refused', 'closed'],
};

const DAY_MS = 86_400_000;

/** When a case closed (its last event, by the domain's clock), or undefined while it is open. */
export async function closedAt(
  store: EventStore,
  category: ProcessCategory,
  caseId: string,
): Promise<string | undefined> {
  const events = await readStreamIfAny(store, `${category}-${caseId}`);
  if (!events || events.length === 0) return undefined;
  const decider = deciderOf(category);
  const state = events.reduce((folded, event) => decider.evolve(folded, event), decider.initialState());
  const closed: readonly string[] = CLOSED_STATUSES[category];
  return closed.includes(state.status) ? events[events.length - 1].metadata.occurredAt : undefined;
}

export interface RetentionErasure {
  readonly caseId: string;
  readonly keyIds: readonly string[];
}

/**
 * Erases the particulars of every case closed longer ago than its category's period, as of `now` (the
 * clock is injected, so a test moves time instead of waiting).
 */
export async function applyRetention(
  store: EventStore,
  keys: KeyStore,
  periods: RetentionPeriods,
  now: Date,
  agencyId: string,
): Promise<RetentionErasure[]> {
  const erased: RetentionErasure[] = [];
  for (const [category, days] of Object.entries(periods)) {
    if (!isProcessCategory(category) || days === undefined) continue;
    const before = now.getTime() - days * DAY_MS;
    for (const caseId of keys.casesNotErased(category)) {
      const closed = await closedAt(store, category, caseId);
      if (closed === undefined || Date.parse(closed) >= before) continue;
      const { keyIds } = await eraseParticulars(store, keys, {
        caseId: `${category}-${caseId}`,
        ground: 'retention_expired',
        reference: `retention ${category} ${days} days`,
        erasedBy: 'system:retention',
        requestId: `retention-${now.toISOString()}`,
        sourceAddress: 'system',
        at: now.toISOString(),
        agencyId,
      });
      erased.push({ caseId: `${category}-${caseId}`, keyIds });
    }
  }
  return erased;
}
