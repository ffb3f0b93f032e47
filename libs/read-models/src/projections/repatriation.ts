import { Repatriation, RepatriationState } from '@xb/domain';
import { RowWriter } from './case-projection';
import { utcTime, utcTimeOrNull } from '../times';
import { provinceOfGate } from './border-gates';
import { upsertRow } from '../upsert';

/** The repatriation board: one row per victim repatriation, both directions. */
export const repatriationRows: RowWriter<RepatriationState> = async (trx, caseId, state, at) => {
  const row = {
    direction: state.ourSide === 'requesting' ? 'outgoing' : 'incoming',
    status: state.status,
    counterpart: state.counterpart,
    border_gate: state.schedule?.borderGate ?? null,
    province: provinceOfGate(state.schedule?.borderGate),
    handover_date: state.schedule?.date ?? null,
    deadline: utcTime(state.deadline),
    children: state.children.length,
    children_handed_over: state.children.filter((child) => child.handedOver).length,
    handed_over_at: utcTimeOrNull(handedOverAt(state)),
    updated_at: at,
  };
  await upsertRow(trx, 'repatriations', { case_id: caseId, opened_at: at, ...row }, ['case_id'], row);
};

/**
 * When the victim crossed: the hand-over's time, or, on the receiving side when the reception was
 * confirmed before the hand-over message arrived (the domain allows it), the reception's.
 */
const handedOverAt = (state: Repatriation): string | undefined =>
  state.handedOverAt ?? state.reception?.receivedAt;
