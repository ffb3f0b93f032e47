import { v7 as uuidv7 } from 'uuid';
import { recordCounterpartSealHead } from '@xb/audit';
import { isDomainError, receiptCodeOf } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { CaseCommands, ConcurrencyConflictError, EventStore } from '@xb/event-store';
import { ApplyInbound, InboundHeader } from '../ports';
import { inboundCommandOf, sealHeadFromWire } from '../wire-mapping';

/**
 * Applies an opened envelope's payload as the command of its process on the case it names; a
 * counterpart's seal head (cross-anchoring) is kept as it came instead. Refusals are values with the
 * reason code that the receipt carries back.
 */
export function inboundApplier(cases: CaseCommands, store: EventStore): ApplyInbound {
  return async (header, payload) => {
    if (header.payloadType === 'xborder.v1.AuditSealHead')
      return recordSealHead(store, header, v1.AuditSealHead.fromObject(payload));
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
