import { v7 as uuidv7 } from 'uuid';
import { NodeConfig } from '@xb/config';
import { isDomainError, ProcessCategory } from '@xb/domain';
import { ConcurrencyConflictError } from '@xb/event-store';
import {
  ApplyInbound,
  deliveryCommandOf,
  DispatchedMessage,
  inboundCommandOf,
  InboundReceipt,
  OutboundHeaderExtras,
} from '@xb/exchange';
import type { AgencyNode } from './agency-node';

const CHANNELS: Record<NodeConfig['channel'], number> = {
  hotline: 1,
  liaison_office: 2,
  border_guard_central: 3,
  border_guard_provincial: 4,
  border_guard_post: 5,
};

/**
 * Header fields for messages whose events chose none: the node's channel, and the most restrictive
 * handling code (receiving agency only, intelligence only), so nothing is shared wider than meant.
 */
export function headerDefaults(
  config: NodeConfig,
): Required<Pick<OutboundHeaderExtras, 'channel' | 'handling'>> {
  return { channel: CHANNELS[config.channel], handling: { dissemination: 3, evidentialUse: 1 } };
}

/** Applies an opened envelope's payload as the command of its process on the case it names. */
export function inboundApplier(node: AgencyNode): ApplyInbound {
  return async (header, payload) => {
    const mapped = inboundCommandOf(header, payload, {
      agencyId: node.agencyId,
      now: node.now().toISOString(),
      newIds: [uuidv7(), uuidv7()],
    });
    if (!mapped.ok) return { accepted: false, reason: mapped.reason, detail: mapped.detail };
    try {
      const outcome = await node.executeIn(mapped.category as ProcessCategory, mapped.caseId, mapped.command);
      if (isDomainError(outcome)) return { accepted: false, reason: outcome.code, detail: outcome.reason };
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
