import { WantedPersonState } from '@xb/domain';
import { followOnCaseRows, RowWriter } from './case-projection';
import { utcTime, utcTimeOrNull } from '../times';
import { upsertRow } from '../upsert';

/** Wanted-person requests, both directions, and the suspect hand-overs they led to. */
export const wantedPersonRows: RowWriter<WantedPersonState> = async (trx, caseId, state, at) => {
  const row = {
    direction: state.ourSide === 'requesting' ? 'outgoing' : 'incoming',
    status: state.status,
    counterpart: state.counterpart,
    warrant_reference: state.warrantReference,
    deadline: utcTime(state.deadline),
    progress_reports: state.progress.length,
    arrested_at: utcTimeOrNull(state.arrest?.at),
    updated_at: at,
  };
  await upsertRow(trx, 'wanted_persons', { case_id: caseId, opened_at: at, ...row }, ['case_id'], row);
  await followOnCaseRows(trx, caseId, state.linkedCases);
};
