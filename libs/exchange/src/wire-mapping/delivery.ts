/** A counterpart's signed receipt → the delivery command of the case that queued the message. */
import { Command, DECIDERS, ProcessCategory } from '@xb/domain';
import { InboundReceipt } from '../ports';

const isProcessCategory = (category: string): category is ProcessCategory =>
  Object.prototype.hasOwnProperty.call(DECIDERS, category);

/** Receipt reason when a rejected receipt states none (the domain requires a reason). */
export const UNSTATED_REJECTION_REASON = 'REJECTED';

/**
 * `RecordDelivery { messageId }` for an accepted receipt, `RecordRejection { messageId, reason }` for a
 * rejected one (reason = the receipt's reason code), as a message from the receipt's signer
 * (`actor: 'agency:<receiver>'`), for case `caseId` of `category`; undefined when the category is no
 * process (every process accepts both commands).
 */
export const deliveryCommandOf = (
  category: string,
  caseId: string,
  receipt: InboundReceipt,
  context: { readonly agencyId: string; readonly now: string },
): { readonly category: ProcessCategory; readonly caseId: string; readonly command: Command } | undefined => {
  if (!isProcessCategory(category)) return undefined;
  const metadata = { now: context.now, actor: `agency:${receipt.receiver}`, agencyId: context.agencyId };
  const command: Command =
    receipt.status === 'accepted'
      ? { type: 'RecordDelivery', data: { messageId: receipt.messageId }, metadata }
      : {
          type: 'RecordRejection',
          data: { messageId: receipt.messageId, reason: receipt.reason || UNSTATED_REJECTION_REASON },
          metadata,
        };
  return { category, caseId, command };
};
