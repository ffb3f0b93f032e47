import { LiaisonMeetingState, MissionState } from '@xb/domain';
import { RowWriter } from './case-projection';
import { upsertRow } from '../upsert';

/**
 * Liaison meetings and their minutes' action items. Both nodes keep one row per item, so each side's
 * board shows what it owes and what it awaits, and which items are overdue, until the owner marks
 * them done.
 */
export const liaisonMeetingRows: RowWriter<LiaisonMeetingState> = async (trx, meetingId, state, at) => {
  const row = {
    status: state.status,
    counterpart: state.counterpart,
    direction: state.ourSide === 'proposer' ? 'outgoing' : 'incoming',
    kind: state.kind,
    level: state.level,
    host: state.host,
    starts_at: state.startsAt,
    answer_deadline: state.deadline,
    held_at: state.heldAt ?? null,
    updated_at: at,
  };
  await upsertRow(
    trx,
    'liaison_meetings',
    { meeting_id: meetingId, opened_at: at, ...row },
    ['meeting_id'],
    row,
  );
  for (const item of state.actionItems) {
    const itemRow = { owner: item.owner, deadline: item.deadline, done_at: item.doneAt ?? null };
    await upsertRow(
      trx,
      'liaison_action_items',
      { meeting_id: meetingId, number: item.number, ...itemRow },
      ['meeting_id', 'number'],
      itemRow,
    );
  }
};

/** Working groups and delegations: no particulars, members only counted. */
export const missionRows: RowWriter<MissionState> = async (trx, missionId, state, at) => {
  const row = {
    status: state.status,
    counterpart: state.counterpart,
    direction: state.ourSide === 'requester' ? 'outgoing' : 'incoming',
    kind: state.kind,
    supported_case_id: state.supportedCase?.caseId ?? null,
    members: state.members.length,
    arrives_on: state.arrivesOn,
    departs_on: state.departsOn,
    entry_gate: state.entryGate.code,
    deadline: state.deadline,
    updated_at: at,
  };
  await upsertRow(trx, 'missions', { mission_id: missionId, opened_at: at, ...row }, ['mission_id'], row);
};
