import type { EventStore, RecordedEvent } from '@xb/event-store';
import { isSealAnchorEvent, SEAL_HEAD_PAYLOAD_TYPE } from '../anchor/seal-anchor';
import { isSealEvent } from '../seal';
import { isStreamNotFound } from '../stream-not-found';

const ANCHOR_PREFIX = 'anchor-';
const EXCHANGE_PREFIX = 'exchange-';
const INBOX_PREFIX = 'inbox-';
const COUNTERPART_SEALS_PREFIX = 'counterpartseals-';
/** Message ids remembered between look-ups; past it the memory starts afresh (a miss costs one read). */
const REMEMBERED_MESSAGES = 10_000;

/**
 * Tells the audit trail's own bookkeeping from everything else: the seals, each seal's anchors, the
 * anchors' delivery (dispatch, re-sends, receipts), and the seal heads counterparts send us. None of them
 * makes a new seal necessary on its own: otherwise anchoring each seal would call for the next one, and two
 * idle nodes would seal each other's seal heads for ever (docs/audit.md section 2). The next seal made for
 * another reason, or the final seal of a graceful stop, covers them like any event.
 */
export class AuditBookkeeping {
  /** Message id of an outbound message → whether it carries a seal head. */
  private readonly anchorMessages = new Map<string, boolean>();

  constructor(private readonly store: EventStore) {}

  async isBookkeeping(event: RecordedEvent): Promise<boolean> {
    if (isSealEvent(event) || event.streamId.startsWith(COUNTERPART_SEALS_PREFIX)) return true;
    if (event.streamId.startsWith(ANCHOR_PREFIX)) {
      if (isSealAnchorEvent(event)) this.remember(event.data.outbound.messageId, true);
      return true;
    }
    if (event.streamId.startsWith(INBOX_PREFIX))
      return (event.data as { payloadType?: unknown } | null)?.payloadType === SEAL_HEAD_PAYLOAD_TYPE;
    if (event.streamId.startsWith(EXCHANGE_PREFIX))
      return this.isAnchorDelivery(event.streamId.slice(EXCHANGE_PREFIX.length));
    return false;
  }

  /** Whether `exchange-<message id>` delivers a seal head: its first event (the dispatch) says so. */
  private async isAnchorDelivery(messageId: string): Promise<boolean> {
    const known = this.anchorMessages.get(messageId);
    if (known !== undefined) return known;
    let first: RecordedEvent | undefined;
    try {
      [first] = await this.store.readStream(`${EXCHANGE_PREFIX}${messageId}`, { maxCount: 1 });
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    const anchor = (first?.data as { payloadType?: unknown } | null)?.payloadType === SEAL_HEAD_PAYLOAD_TYPE;
    this.remember(messageId, anchor);
    return anchor;
  }

  private remember(messageId: string, anchor: boolean): void {
    if (this.anchorMessages.size >= REMEMBERED_MESSAGES) this.anchorMessages.clear();
    this.anchorMessages.set(messageId, anchor);
  }
}
