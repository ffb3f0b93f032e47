import { v7 as uuidv7 } from 'uuid';
import { recordCounterpartSealHead } from '@xb/audit';
import { isDomainError, receiptCodeOf } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { CaseCommands, ConcurrencyConflictError, EventStore, handleCommand } from '@xb/event-store';
import { ApplyInbound, InboundHeader } from '../ports';
import { ERASURE_NOTICE_PAYLOAD_TYPE, receivedNoticeDecider } from '@xb/protection';
import { erasureNoticeFromWire, inboundCommandOf, sealHeadFromWire } from '../wire-mapping';

/**
 * Applies an opened envelope's payload as the command of its process on the case it names; a
 * counterpart's seal head (cross-anchoring) is kept as it came instead. Refusals are values with the
 * reason code that the receipt carries back.
 */
export function inboundApplier(cases: CaseCommands, store: EventStore): ApplyInbound {
  return async (header, payload) => {
    if (header.payloadType === 'xborder.v1.AuditSealHead')
      return recordSealHead(store, header, v1.AuditSealHead.fromObject(payload));
    if (header.payloadType === ERASURE_NOTICE_PAYLOAD_TYPE)
      return recordErasureNotice(cases, store, header, v1.ErasureNotice.fromObject(payload));
    const mapped = inboundCommandOf(header, payload, {
      agencyId: cases.agencyId,
      now: cases.now().toISOString(),
      newIds: [uuidv7(), uuidv7()],
    });
    if (!mapped.ok) return { accepted: false, reason: mapped.reason, detail: mapped.detail };
    try {
      const outcome = await cases.run(mapped.category, mapped.caseId, mapped.command);
      // The receipt names the rule and the fields that broke it (domain_code), never their values.
      if (isDomainError(outcome))
        return { accepted: false, reason: receiptCodeOf(outcome), detail: outcome.reason };
      return { accepted: true };
    } catch (error) {
      // Lost the race for the case's stream more often than retries allow: refuse, the sender may re-send.
      if (error instanceof ConcurrencyConflictError)
        return { accepted: false, reason: 'CONCURRENCY_CONFLICT', detail: error.message };
      throw error;
    }
  };
}

/** A counterpart's seal head (libs/audit cross-anchoring): a fact recorded as it came, not a case command. */
async function recordSealHead(store: EventStore, header: InboundHeader, head: v1.AuditSealHead) {
  const recorded = await recordCounterpartSealHead(
    store,
    { messageId: header.messageId, sender: header.sender, sentAt: header.sentAt },
    sealHeadFromWire(head),
  );
  return recorded.ok
    ? ({ accepted: true } as const)
    : ({ accepted: false, reason: 'INVALID_PAYLOAD', detail: recorded.reason } as const);
}

/**
 * A counterpart's erasure notice (docs/confidentiality.md): recorded as it came, for an officer to
 * decide on; nothing of ours is erased here. A re-sent notice is recorded once.
 */
async function recordErasureNotice(
  cases: CaseCommands,
  store: EventStore,
  header: InboundHeader,
  notice: v1.ErasureNotice,
) {
  const content = erasureNoticeFromWire(notice);
  if ('invalid' in content)
    return {
      accepted: false,
      reason: 'INVALID_PAYLOAD',
      detail: `${content.invalid}: missing or unknown`,
    } as const;
  const now = cases.now().toISOString();
  const outcome = await handleCommand(store, receivedNoticeDecider, header.messageId, {
    type: 'ReceiveErasureNotice',
    data: { ...content, messageId: header.messageId, from: header.sender, receivedAt: now },
    metadata: { now, actor: `agency:${header.sender}`, agencyId: cases.agencyId },
  });
  return isDomainError(outcome)
    ? ({ accepted: false, reason: receiptCodeOf(outcome), detail: outcome.reason } as const)
    : ({ accepted: true } as const);
}
