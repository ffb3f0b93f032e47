import { sql } from 'kysely';
import { verificationDecider, VerificationState } from '@xb/domain';
import { CaseProjection } from '../projector';

/** The verification queue: one row per verification case, incoming and outgoing. */
export const verificationProjection: CaseProjection<VerificationState> = {
  category: verificationDecider.category,
  initialState: verificationDecider.initialState,
  evolve: (state, event) => verificationDecider.evolve(state, event as never),
  async write(trx, caseId, state, event) {
    if (state.status === 'none') return;
    const at = event.metadata.occurredAt;
    const answeredAt = event.type === 'VerificationAnswered' ? at : null;
    await trx
      .insertInto('verifications')
      .values({
        case_id: caseId,
        direction: state.direction,
        status: state.status,
        counterpart: state.counterpart,
        purpose: state.purpose,
        subject_role: state.subject.role,
        deadline: state.deadline,
        round: state.round,
        outcome: state.answer?.outcome ?? null,
        opened_at: at,
        answered_at: answeredAt,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet({
          status: state.status,
          deadline: state.deadline,
          round: state.round,
          outcome: state.answer?.outcome ?? null,
          // The first answer is the one that counts for "answered on time".
          answered_at: sql`coalesce(verifications.answered_at, ${answeredAt})`,
          updated_at: at,
        }),
      )
      .execute();
  },
};
