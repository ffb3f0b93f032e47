import { NoticeState } from '@xb/domain';
import { RowWriter } from './case-projection';
import { utcTimeOrNull } from '../times';
import { upsertRow } from '../upsert';

/** Information notices and hotline tips, with what is left to process. */
export const noticeRows: RowWriter<NoticeState> = async (trx, noticeId, state, at, event) => {
  const row = {
    direction: state.ourSide === 'sender' ? 'outgoing' : 'incoming',
    kind: state.category,
    status: state.status,
    counterpart: state.counterpart ?? (state.source === 'hotline' ? 'hotline' : ''),
    processing_deadline: utcTimeOrNull(state.processingDeadline),
    updated_at: at,
    source: state.source,
    urgency: state.urgency ?? null,
  };
  // Only the processing event sets the processing time: closing or receipts later keep it.
  const processed = event.type === 'InformationNoticeProcessed' ? { processed_at: at } : {};
  await upsertRow(
    trx,
    'notices',
    { notice_id: noticeId, received_at: at, processed_at: null, ...row, ...processed },
    ['notice_id'],
    { ...row, ...processed },
  );
};
