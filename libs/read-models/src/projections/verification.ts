import { VerificationState } from '@xb/domain';
import { RowWriter } from './case-projection';
import { utcTime } from '../times';
import { upsertRow } from '../upsert';

/**
 * The verification queue: one row per verification case, incoming and outgoing. `answered_at` is when
 * the current round was answered (cleared when another round starts), so "answered on time" compares
 * an answer with the deadline of the round it answers. `purpose` lists the purposes asked, in the
 * contract's order (`identity, nationality, family`).
 */
export const verificationRows: RowWriter<VerificationState> = async (trx, caseId, state, at, event) => {
  const row = {
    status: state.status,
    counterpart: state.counterpart,
    deadline: utcTime(state.deadline),
    round: state.round,
    outcome: state.answer?.outcome ?? null,
    updated_at: at,
  };
  const answered = answeredAtAfter(event.type, at);
  await upsertRow(
    trx,
    'verifications',
    {
      case_id: caseId,
      direction: state.direction,
      purpose: state.purposes.join(', '),
      subject_role: state.subject.role,
      opened_at: at,
      answered_at: answered.answered_at ?? null,
      ...row,
    },
    ['case_id'],
    { ...row, ...answered },
  );
};

/** The change an event makes to `answered_at`: none unless it answers or reopens the round. */
function answeredAtAfter(type: string, at: string): { answered_at?: string | null } {
  if (type === 'VerificationAnswered') return { answered_at: at };
  if (type === 'VerificationAdditionalInformationProvided') return { answered_at: null };
  return {};
}
