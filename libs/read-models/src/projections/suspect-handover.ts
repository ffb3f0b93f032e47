import { SuspectHandoverState } from '@xb/domain';
import { RowWriter } from './case-projection';
import { utcTime, utcTimeOrNull } from '../times';
import { upsertRow } from '../upsert';

/** Suspect hand-overs, both directions. */
export const suspectHandoverRows: RowWriter<SuspectHandoverState> = async (trx, caseId, state, at) => {
  const row = {
    direction: state.ourSide === 'requesting' ? 'outgoing' : 'incoming',
    status: state.status,
    counterpart: state.counterpart,
    warrant_reference: state.warrantReference,
    border_gate: state.schedule?.borderGate ?? null,
    handover_date: state.schedule?.date ?? null,
    deadline: utcTime(state.deadline),
    handed_over_at: utcTimeOrNull(state.handedOverAt),
    updated_at: at,
  };
  await upsertRow(trx, 'suspect_handovers', { case_id: caseId, opened_at: at, ...row }, ['case_id'], row);
};
