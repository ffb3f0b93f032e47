import { v7 as uuidv7 } from 'uuid';
import { NodeConfig } from '@xb/config';
import { isDomainError, ProcessCategory, receiptCodeOf } from '@xb/domain';
import { ConcurrencyConflictError } from '@xb/event-store';
import {
  ApplyInbound,
  deliveryCommandOf,
  DispatchedMessage,
  inboundCommandOf,
  InboundHeader,
  InboundReceipt,
  OutboundHeaderExtras,
  sealHeadFromWire,
} from '@xb/exchange';
import { recordCounterpartSealHead } from '@xb/audit';
import { v1 } from '@xb/envelope';
import type { AgencyNode } from './agency-node';

/** XB_CHANNEL's values are the proto's Channel names, lower-cased, without the prefix. */
const channelOf = (setting: NodeConfig['channel']): v1.Channel =>
  v1.Channel[`CHANNEL_${setting.toUpperCase()}` as keyof typeof v1.Channel];

/**
 * Header fields for messages whose events chose none: the node's channel, and the most restrictive
 * handling code (receiving agency only, intelligence only), so nothing is shared wider than meant.
 */
export function headerDefaults(
  config: NodeConfig,
): Required<Pick<OutboundHeaderExtras, 'channel' | 'handling'>> {
  return {
    channel: channelOf(config.channel),
    handling: {
      dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
      evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
    },
  };
}

/** Applies an opened envelope's payload as the command of its process on the case it names. */
export function inboundApplier(node: AgencyNode): ApplyInbound {
  return async (header, payload) => {
    if (header.payloadType === 'xborder.v1.AuditSealHead') return recordSealHead(node, header, payload);
    const mapped = inboundCommandOf(header, payload, {
      agencyId: node.agencyId,
      now: node.now().toISOString(),
      newIds: [uuidv7(), uuidv7()],
    });
    if (!mapped.ok) return { accepted: false, reason: mapped.reason, detail: mapped.detail };
    try {
      const outcome = await node.executeIn(mapped.category as ProcessCategory, mapped.caseId, mapped.command);
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

/** Tells the case that one of its messages was delivered or rejected by the counterpart. */
export function receiptApplier(node: AgencyNode) {
  return async (receipt: InboundReceipt, message: DispatchedMessage): Promise<void> => {
    const delivery = deliveryCommandOf(message.category, message.correlationId, receipt, {
      agencyId: node.agencyId,
      now: node.now().toISOString(),
    });
    if (!delivery) return;
    const outcome = await node.executeIn(delivery.category, delivery.caseId, delivery.command);
    // A receipt the case cannot take (e.g. for a message it no longer tracks) stays recorded on the exchange stream.
    if (isDomainError(outcome) && outcome.code !== 'NOT_FOUND' && outcome.code !== 'INVALID_TRANSITION') {
      throw new Error(`receipt for ${receipt.messageId} refused by the case: ${outcome.code}`);
    }
  };
}

/** A counterpart's seal head (cross-anchoring, libs/audit): kept as it came, not a case command. */
async function recordSealHead(node: AgencyNode, header: InboundHeader, payload: Record<string, unknown>) {
  const recorded = await recordCounterpartSealHead(
    node.store,
    { messageId: header.messageId, sender: header.sender, sentAt: header.sentAt },
    sealHeadFromWire(v1.AuditSealHead.fromObject(payload)),
  );
  return recorded.ok
    ? ({ accepted: true } as const)
    : ({ accepted: false, reason: 'INVALID_PAYLOAD', detail: recorded.reason } as const);
}
