import { LocateRescueState } from '@xb/domain';
import { followOnCaseRows, RowWriter } from './case-projection';
import { utcTime, utcTimeOrNull } from '../times';
import { upsertRow } from '../upsert';

/**
 * Locate-and-rescue requests, both directions, and the verification or repatriation cases they led
 * to. No particulars on the board: no names, places or phone numbers (the case page shows them on request).
 */
export const locateRescueRows: RowWriter<LocateRescueState> = async (trx, caseId, state, at) => {
  const row = {
    direction: state.ourSide === 'requesting' ? 'outgoing' : 'incoming',
    status: state.status,
    counterpart: state.counterpart,
    deadline: utcTime(state.deadline),
    progress_reports: state.progress.length,
    outcome_at: utcTimeOrNull(state.rescued?.at ?? state.located?.at),
    updated_at: at,
  };
  await upsertRow(trx, 'locate_rescues', { case_id: caseId, opened_at: at, ...row }, ['case_id'], row);
  await followOnCaseRows(trx, caseId, state.linkedCases);
};
