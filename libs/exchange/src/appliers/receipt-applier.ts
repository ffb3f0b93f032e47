import { isDomainError } from '@xb/domain';
import { CaseCommands } from '@xb/event-store';
import { DispatchedMessage } from '../outbound-message';
import { InboundReceipt } from '../ports';
import { deliveryCommandOf } from '../wire-mapping';

/** Tells the case that one of its messages was delivered or rejected by the counterpart. */
export function receiptApplier(cases: CaseCommands) {
  return async (receipt: InboundReceipt, message: DispatchedMessage): Promise<void> => {
    const delivery = deliveryCommandOf(message.category, message.correlationId, receipt, {
      agencyId: cases.agencyId,
      now: cases.now().toISOString(),
    });
    if (!delivery) return;
    const outcome = await cases.run(delivery.category, delivery.caseId, delivery.command);
    // A receipt the case cannot take (e.g. for a message it no longer tracks) stays recorded on the exchange stream.
    if (isDomainError(outcome) && outcome.code !== 'NOT_FOUND' && outcome.code !== 'INVALID_TRANSITION') {
      throw new Error(`receipt for ${receipt.messageId} refused by the case: ${outcome.code}`);
    }
  };
}
