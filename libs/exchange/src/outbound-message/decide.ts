import { Command, Decider, domainError, DomainError } from '@xb/domain';
import { OutboundMessageEvent } from './events';
import { evolveOutboundMessage, initialOutboundMessageState, OutboundMessageState } from './state';

type Data<T extends OutboundMessageEvent['type']> = Extract<OutboundMessageEvent, { type: T }>['data'];

export type OutboundMessageCommand =
  | Command<'RecordDispatch', Omit<Data<'OutboundMessageDispatched'>, 'dispatchedAt'>>
  | Command<'RecordResend', { messageId: string; attempt: number }>
  | Command<'RecordReceipt', Omit<Data<'OutboundMessageReceipted'>, 'recordedAt'>>
  | Command<'FlagUnacknowledged', { messageId: string; attempts: number; advice: string }>
  | Command<'RecordUnsendable', { messageId: string; reason: string; detail: string }>;

function decide(
  command: OutboundMessageCommand,
  state: OutboundMessageState,
): OutboundMessageEvent[] | DomainError {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RecordDispatch':
      if (state.status !== 'queued') return domainError('ALREADY_EXISTS', 'message already dispatched');
      return [{ type: 'OutboundMessageDispatched', data: { ...command.data, dispatchedAt: now } }];
    case 'RecordResend':
      if (state.status !== 'sent')
        return domainError('INVALID_TRANSITION', `cannot re-send a message that is ${state.status}`);
      if (command.data.attempt !== state.attempts + 1)
        return domainError('INVALID_TRANSITION', 'resend attempt out of order');
      return [{ type: 'OutboundMessageResent', data: { ...command.data, resentAt: now } }];
    case 'RecordUnsendable':
      if (state.status === 'unsendable') return [];
      if (state.status !== 'queued') return domainError('INVALID_TRANSITION', 'message already dispatched');
      return [{ type: 'OutboundMessageUnsendable', data: { ...command.data, flaggedAt: now } }];
    case 'RecordReceipt':
      if (state.status === 'queued' || state.status === 'unsendable')
        return domainError('NOT_FOUND', 'receipt for a message we have not sent');
      // A receipt answered again for a duplicate changes nothing: the first one is the record.
      if (state.status === 'delivered' || state.status === 'rejected') return [];
      return [{ type: 'OutboundMessageReceipted', data: { ...command.data, recordedAt: now } }];
    case 'FlagUnacknowledged':
      if (state.status !== 'sent') return [];
      return [{ type: 'OutboundMessageUnacknowledged', data: { ...command.data, flaggedAt: now } }];
    default: {
      const unknown: never = command;
      return domainError('VALIDATION_FAILED', `unknown command ${(unknown as Command).type}`);
    }
  }
}

/** The delivery of one outbound message, in stream `exchange-<message id>`. */
export const outboundMessageDecider: Decider<
  OutboundMessageCommand,
  OutboundMessageEvent,
  OutboundMessageState
> = {
  category: 'exchange',
  initialState: initialOutboundMessageState,
  evolve: evolveOutboundMessage,
  decide,
  // Receipts and flags are facts that stay true on a newer state; a dispatch must not be repeated.
  retryOnConflict: (command) => command.type !== 'RecordDispatch',
};
