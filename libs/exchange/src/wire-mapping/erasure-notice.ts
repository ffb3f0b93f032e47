/** Erasure notices (libs/protection erasure-notices.ts) to and from `xborder.v1.ErasureNotice`. */
import { v1 } from '@xb/envelope';
import { RecordedEvent } from '@xb/event-store';
import {
  ERASURE_NOTICE_PAYLOAD_TYPE,
  isErasureNoticeQueued,
  type ErasureGround,
  type ErasureNoticeContent,
} from '@xb/protection';
import { OutboundMessage } from '../ports';
import { isoOf, timestampOf } from './convert';

const GROUNDS: { readonly [G in ErasureGround]: v1.ErasureGround } = {
  retention_expired: v1.ErasureGround.ERASURE_GROUND_RETENTION_EXPIRED,
  legal_request: v1.ErasureGround.ERASURE_GROUND_LEGAL_REQUEST,
  data_subject_request: v1.ErasureGround.ERASURE_GROUND_DATA_SUBJECT_REQUEST,
  counterpart_notice: v1.ErasureGround.ERASURE_GROUND_COUNTERPART_NOTICE,
};

const groundOf = (wire: v1.ErasureGround | null | undefined): ErasureGround | undefined =>
  (Object.keys(GROUNDS) as ErasureGround[]).find((ground) => GROUNDS[ground] === wire);

/** A queued erasure notice as the `ErasureNotice` message for its counterpart. */
export function erasureNoticeMessageOf(event: RecordedEvent): OutboundMessage | undefined {
  if (!isErasureNoticeQueued(event) || !event.streamId.startsWith('erasure-')) return undefined;
  const { outbound, ...content } = event.data;
  return {
    messageId: outbound.messageId,
    category: 'erasure',
    correlationId: content.erasureId,
    counterpart: outbound.counterpart,
    payloadType: ERASURE_NOTICE_PAYLOAD_TYPE,
    payload: {
      erasureId: content.erasureId,
      ground: GROUNDS[content.ground],
      erasedAt: timestampOf(content.erasedAt),
      personIds: [...content.personIds],
      cases: content.cases.map((c) => ({ caseId: c.caseId, messageIds: [...c.messageIds] })),
    },
  };
}

/** A received notice's content, or what is wrong with it (field names only). */
export function erasureNoticeFromWire(
  notice: v1.IErasureNotice,
): ErasureNoticeContent | { readonly invalid: string } {
  const ground = groundOf(notice.ground);
  const erasedAt = isoOf(notice.erasedAt);
  if (!ground) return { invalid: 'ground' };
  if (!erasedAt) return { invalid: 'erased_at' };
  return {
    erasureId: notice.erasureId ?? '',
    ground,
    // The node's times carry milliseconds (isoOf drops `.000`): kept as the sender recorded them.
    erasedAt: new Date(erasedAt).toISOString(),
    personIds: [...(notice.personIds ?? [])],
    cases: (notice.cases ?? []).map((c) => ({
      caseId: c.caseId ?? '',
      messageIds: [...(c.messageIds ?? [])],
    })),
  };
}
