import { suspectHandoverDecider, SuspectHandoverState } from '@xb/domain';
import { CaseProjection } from '../projector';
import { utcTime, utcTimeOrNull } from '../times';

/** Suspect hand-overs, both directions. */
export const suspectHandoverProjection: CaseProjection<SuspectHandoverState> = {
  category: suspectHandoverDecider.category,
  initialState: suspectHandoverDecider.initialState,
  evolve: (state, event) => suspectHandoverDecider.evolve(state, event as never),
  async write(trx, caseId, state, event) {
    if (state.status === 'none') return;
    const at = utcTime(event.metadata.occurredAt);
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
    await trx
      .insertInto('suspect_handovers')
      .values({ case_id: caseId, opened_at: at, ...row })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(row))
      .execute();
  },
};
