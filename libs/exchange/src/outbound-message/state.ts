import { OutboundMessageEvent } from './events';

/**
 * Delivery state of one outbound message: queued (no stream yet), sent, delivered, rejected,
 * unacknowledged, or resend_requested (an officer asked for it to be sent again; the resender sends it).
 */
export interface DispatchedMessage {
  status: 'sent' | 'delivered' | 'rejected' | 'unacknowledged' | 'resend_requested';
  messageId: string;
  correlationId: string;
  category: string;
  counterpart: string;
  envelope: string;
  envelopeSha256: string;
  /** Sends since the first dispatch, or since an officer's re-send request (0 until the resender sends). */
  attempts: number;
  lastSentAt: string;
  rejectionReason?: string;
  /** True when the counterpart's hash of what it received differs from what we sent. */
  hashMismatch?: boolean;
}

export type OutboundMessageState =
  | { status: 'queued' }
  | DispatchedMessage
  | { status: 'unsendable'; messageId: string; reason: string; detail: string };

export const initialOutboundMessageState = (): OutboundMessageState => ({ status: 'queued' });

export function evolveOutboundMessage(
  state: OutboundMessageState,
  event: OutboundMessageEvent,
): OutboundMessageState {
  switch (event.type) {
    case 'OutboundMessageDispatched':
      return {
        status: 'sent',
        messageId: event.data.messageId,
        correlationId: event.data.correlationId,
        category: event.data.category,
        counterpart: event.data.counterpart,
        envelope: event.data.envelope,
        envelopeSha256: event.data.envelopeSha256,
        attempts: 1,
        lastSentAt: event.data.dispatchedAt,
      };
    case 'OutboundMessageUnsendable':
      return {
        status: 'unsendable',
        messageId: event.data.messageId,
        reason: event.data.reason,
        detail: event.data.detail,
      };
    case 'OutboundMessageResent':
      if (state.status === 'queued' || state.status === 'unsendable') return state;
      return {
        ...state,
        ...(state.status === 'resend_requested' ? { status: 'sent' as const } : {}),
        attempts: event.data.attempt,
        lastSentAt: event.data.resentAt,
      };
    case 'OutboundMessageResendRequested': {
      if (state.status === 'queued' || state.status === 'unsendable') return state;
      // The earlier rejection no longer stands for this message: its new receipt will say.
      const { rejectionReason: _reason, hashMismatch: _mismatch, ...rest } = state;
      return { ...rest, status: 'resend_requested', attempts: 0 };
    }
    case 'OutboundMessageReceipted':
      if (state.status === 'queued' || state.status === 'unsendable') return state;
      return {
        ...state,
        status: event.data.status === 'accepted' ? 'delivered' : 'rejected',
        ...(event.data.reason ? { rejectionReason: event.data.reason } : {}),
        hashMismatch: event.data.envelopeSha256 !== state.envelopeSha256,
      };
    case 'OutboundMessageUnacknowledged':
      return state.status === 'queued' || state.status === 'unsendable'
        ? state
        : { ...state, status: 'unacknowledged' };
  }
}
