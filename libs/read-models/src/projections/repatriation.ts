import { sql } from 'kysely';
import { repatriationDecider, RepatriationState } from '@xb/domain';
import { CaseProjection } from '../projector';
import { provinceOfGate } from './border-gates';

/** The repatriation board: one row per victim repatriation, both directions. */
export const repatriationProjection: CaseProjection<RepatriationState> = {
  category: repatriationDecider.category,
  initialState: repatriationDecider.initialState,
  evolve: (state, event) => repatriationDecider.evolve(state, event as never),
  async write(trx, caseId, state, event) {
    if (state.status === 'none') return;
    const at = event.metadata.occurredAt;
    const row = {
      direction: state.ourSide === 'requesting' ? 'outgoing' : 'incoming',
      status: state.status,
      counterpart: state.counterpart,
      border_gate: state.schedule?.borderGate ?? null,
      province: provinceOfGate(state.schedule?.borderGate),
      handover_date: state.schedule?.date ?? null,
      deadline: state.deadline,
      children: state.children.length,
      handed_over_at: state.handedOverAt ?? null,
      updated_at: at,
    };
    await trx
      .insertInto('repatriations')
      .values({ case_id: caseId, opened_at: at, ...row })
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet({
          ...row,
          handed_over_at: sql`coalesce(${row.handed_over_at}, repatriations.handed_over_at)`,
        }),
      )
      .execute();
  },
};
