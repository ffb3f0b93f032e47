import { noticeDecider, NoticeState } from '@xb/domain';
import { CaseProjection } from '../projector';

/** Information notices and hotline tips, with what is left to process. */
export const noticeProjection: CaseProjection<NoticeState> = {
  category: noticeDecider.category,
  initialState: noticeDecider.initialState,
  evolve: (state, event) => noticeDecider.evolve(state, event as never),
  async write(trx, noticeId, state, event) {
    if (state.status === 'none') return;
    const at = event.metadata.occurredAt;
    const row = {
      direction: state.ourSide === 'sender' ? 'outgoing' : 'incoming',
      kind: state.category,
      status: state.status,
      counterpart: state.counterpart ?? (state.source === 'hotline' ? 'hotline' : ''),
      processing_deadline: state.processingDeadline ?? null,
      processed_at: state.processing && event.type === 'InformationNoticeProcessed' ? at : null,
      updated_at: at,
    };
    await trx
      .insertInto('notices')
      .values({ notice_id: noticeId, received_at: at, ...row })
      .onConflict((oc) =>
        oc.column('notice_id').doUpdateSet({ ...row, processed_at: row.processed_at ?? undefined }),
      )
      .execute();
  },
};
