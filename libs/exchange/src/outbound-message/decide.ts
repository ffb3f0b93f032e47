import { Command, Decider, domainError, DomainError, isNonEmptyText, validationFailed } from '@xb/domain';
import { REFUSAL_REASONS } from '@xb/envelope';
import { OutboundMessageEvent } from './events';
import { evolveOutboundMessage, initialOutboundMessageState, OutboundMessageState } from './state';

type Data<T extends OutboundMessageEvent['type']> = Extract<OutboundMessageEvent, { type: T }>['data'];

export type OutboundMessageCommand =
  | Command<'RecordDispatch', Omit<Data<'OutboundMessageDispatched'>, 'dispatchedAt'>>
  | Command<'RecordResend', { messageId: string; attempt: number }>
  | Command<'RecordReceipt', Omit<Data<'OutboundMessageReceipted'>, 'recordedAt'>>
  | Command<'FlagUnacknowledged', { messageId: string; attempts: number; advice: string }>
  | Command<'RecordUnsendable', { messageId: string; reason: string; detail: string }>
  /** An officer's: send a rejected or unacknowledged message again once its cause is fixed. */
  | Command<'ResendMessage', { note: string }>;

/**
 * Whether the counterpart would open a re-sent copy afresh: it keeps no inbox record of a message it
 * refused while opening it (docs/protocol.md section 4), but answers a copy of one its rules refused with
 * that first receipt again.
 */
const refusedWhileOpening = (reason: string | undefined) =>
  reason !== undefined && (REFUSAL_REASONS as readonly string[]).includes(reason);

function decideResend(command: Extract<OutboundMessageCommand, { type: 'ResendMessage' }>, state: OutboundMessageState) {
  const now = command.metadata.now;
  switch (state.status) {
    case 'queued':
      return domainError('NOT_FOUND', 'no message with that id was sent');
    case 'unsendable':
      return domainError('INVALID_TRANSITION', 'the message was never sealed: take the case step again');
    case 'rejected':
      if (!refusedWhileOpening(state.rejectionReason))
        return domainError(
          'INVALID_TRANSITION',
          `the counterpart's rules refused the message (${state.rejectionReason ?? 'no reason'}) and answer a copy with the same receipt: take a new step on the case instead`,
        );
      break;
    case 'unacknowledged':
      break;
    default:
      return domainError('INVALID_TRANSITION', `cannot re-send a message that is ${state.status}`);
  }
  const note = command.data?.note;
  if (!isNonEmptyText(note, 2000))
    return validationFailed(['note']);
  return [
    { type: 'OutboundMessageResendRequested' as const, data: { messageId: state.messageId, note, requestedAt: now } },
  ];
}

function decide(
  command: OutboundMessageCommand,
  state: OutboundMessageState,
): OutboundMessageEvent[] | DomainError {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RecordDispatch':
      if (state.status !== 'queued') return domainError('ALREADY_EXISTS', 'message already dispatched');
      return [{ type: 'OutboundMessageDispatched', data: { ...command.data, dispatchedAt: now } }];
    case 'ResendMessage':
      return decideResend(command, state);
    case 'RecordResend':
      if (state.status !== 'sent' && state.status !== 'resend_requested')
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
  // Receipts and flags are facts that stay true on a newer state; a dispatch must not be repeated, nor an
  // officer's request decided on a state the officer did not see.
  retryOnConflict: (command) => command.type !== 'RecordDispatch' && command.type !== 'ResendMessage',
};
