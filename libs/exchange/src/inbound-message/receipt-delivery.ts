import { Command, Decider, domainError, DomainError, everyTypeOf } from '@xb/domain';

/**
 * The delivery of one receipt we could not produce (the sender's inbox topic missing, no write access,
 * the broker away), in stream `receipt-<message id>`: parked, then re-sent until Kafka takes
 * it. Receipts that go out with their batch leave no trace here.
 */
export interface ReceiptParkedData {
  /** The message the receipt answers. */
  messageId: string;
  /** Who must receive it: the envelope's sender. */
  counterpart: string;
  /** Record key (the case's correlation id). */
  key: string;
  /** The signed receipt's record bytes, base64, exactly as they will be sent. */
  receipt: string;
  /** Why it could not be sent (a Kafka error, never content). */
  reason: string;
  parkedAt: string;
}

export type ReceiptDeliveryEvent =
  | { type: 'ReceiptParked'; data: ReceiptParkedData }
  | { type: 'ParkedReceiptSent'; data: { messageId: string; attempts: number; sentAt: string } };

const RECEIPT_DELIVERY_EVENT_TYPES: readonly string[] = everyTypeOf<ReceiptDeliveryEvent>()([
  'ReceiptParked',
  'ParkedReceiptSent',
]);

/** Recognises a stored event of a `receipt-` stream by its type (only this decider writes them). */
export const isReceiptDeliveryEvent = <E extends { readonly type: string; readonly data: unknown }>(
  event: E,
): event is E & ReceiptDeliveryEvent => RECEIPT_DELIVERY_EVENT_TYPES.includes(event.type);

export type ReceiptDeliveryState =
  | { status: 'none' }
  | { status: 'parked'; parked: ReceiptParkedData }
  | { status: 'sent'; messageId: string };

export type ReceiptDeliveryCommand =
  | Command<'ParkReceipt', Omit<ReceiptParkedData, 'parkedAt'>>
  | Command<'RecordParkedReceiptSent', { messageId: string; attempts: number }>;

function decide(
  command: ReceiptDeliveryCommand,
  state: ReceiptDeliveryState,
): ReceiptDeliveryEvent[] | DomainError {
  const now = command.metadata.now;
  switch (command.type) {
    case 'ParkReceipt':
      // Parked already: the copy in hand is the same receipt (or a later answer to a duplicate).
      if (state.status === 'parked') return [];
      return [{ type: 'ReceiptParked', data: { ...command.data, parkedAt: now } }];
    case 'RecordParkedReceiptSent':
      if (state.status !== 'parked') return [];
      return [{ type: 'ParkedReceiptSent', data: { ...command.data, sentAt: now } }];
    default: {
      const unknown: never = command;
      return domainError('VALIDATION_FAILED', `unknown command ${(unknown as Command).type}`);
    }
  }
}

export function evolveReceiptDelivery(
  _state: ReceiptDeliveryState,
  event: ReceiptDeliveryEvent,
): ReceiptDeliveryState {
  return event.type === 'ReceiptParked'
    ? { status: 'parked', parked: event.data }
    : { status: 'sent', messageId: event.data.messageId };
}

export const receiptDeliveryDecider: Decider<
  ReceiptDeliveryCommand,
  ReceiptDeliveryEvent,
  ReceiptDeliveryState
> = {
  category: 'receipt',
  initialState: () => ({ status: 'none' }),
  evolve: evolveReceiptDelivery,
  decide,
  retryOnConflict: () => true,
};
