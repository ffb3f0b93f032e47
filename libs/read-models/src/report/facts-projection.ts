import type { ProcessCategory } from '@xb/domain';
import type { CaseProjection } from '../projector';
import { reportFactsOf } from './facts';
import { upsertRow } from '../upsert';

/**
 * A process's read model that also keeps the facts the periodic reports count (`report_facts`), in the
 * same transaction as the case's rows. Fact ids are the event's global position and the fact's index,
 * so the rows of one event are written once however often it is applied.
 */
export function withReportFacts<S>(projection: CaseProjection<S>): CaseProjection<S> {
  return {
    category: projection.category,
    initialState: () => projection.initialState(),
    evolve: (state, event) => projection.evolve(state, event),
    async write(trx, caseId, state, event) {
      await projection.write(trx, caseId, state, event);
      const facts = reportFactsOf(projection.category as ProcessCategory, state, event);
      for (const [n, f] of facts.entries())
        await upsertRow(
          trx,
          'report_facts',
          {
            fact_id: `${event.position}:${n}`,
            fact: f.fact,
            done_by: f.by,
            counterpart: f.counterpart,
            border_gate: f.borderGate,
            sex: f.sex,
            age_group: f.ageGroup,
            detail: f.detail,
            at: f.at,
            value: f.value,
          },
          ['fact_id'],
          'nothing',
        );
    },
  };
}
