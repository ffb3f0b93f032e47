import { Command, Decider, domainError, DomainError } from '@xb/domain';

/**
 * The durable inbox record of one inbound message, in stream `inbox-<message id>`: what we answered, so
 * a duplicate gets the same receipt again and is never applied twice.
 */
export interface InboundMessageRecordedData {
  messageId: string;
  sender: string;
  correlationId: string;
  payloadType: string;
  envelopeSha256: string;
  outcome: 'accepted' | 'rejected';
  /** Domain refusal code when rejected. */
  reason?: string;
  /** The header's dissemination code (libs/domain handling.ts words), for the exchange log. */
  dissemination?: string;
  /**
   * The signed receipt answered (the InboxRecord bytes, base64): a duplicate gets these exact bytes again
   * (same receipt_id and received_at). Absent in records written before receipts were kept.
   */
  receipt?: string;
  recordedAt: string;
}

export type InboundMessageEvent = { type: 'InboundMessageRecorded'; data: InboundMessageRecordedData };
export type InboundMessageState =
  { status: 'unseen' } | { status: 'recorded'; record: InboundMessageRecordedData };
export type InboundMessageCommand = Command<'RecordInbound', Omit<InboundMessageRecordedData, 'recordedAt'>>;

function decide(
  command: InboundMessageCommand,
  state: InboundMessageState,
): InboundMessageEvent[] | DomainError {
  if (command.type !== 'RecordInbound') return domainError('VALIDATION_FAILED', 'unknown command');
  if (state.status === 'recorded') return [];
  return [{ type: 'InboundMessageRecorded', data: { ...command.data, recordedAt: command.metadata.now } }];
}

export const inboundMessageDecider: Decider<InboundMessageCommand, InboundMessageEvent, InboundMessageState> =
  {
    category: 'inbox',
    initialState: () => ({ status: 'unseen' }),
    evolve: (_state, event) => ({ status: 'recorded', record: event.data }),
    decide,
    retryOnConflict: () => true,
  };
