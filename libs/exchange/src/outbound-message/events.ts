/** Events of one outbound message's delivery, in stream `exchange-<message id>`. */
export type OutboundMessageEvent =
  | {
      type: 'OutboundMessageDispatched';
      data: {
        messageId: string;
        correlationId: string;
        /** Stream category of the case, so the receipt reaches it. */
        category: string;
        counterpart: string;
        payloadType: string;
        /** The header's dissemination code (libs/domain handling.ts words), for the exchange log. */
        dissemination?: string;
        /** The sealed envelope as sent, base64: encrypted to our own key too, so auditors can open it. */
        envelope: string;
        envelopeSha256: string;
        /** Global position of the event that queued the message. */
        queuedAt: string;
        dispatchedAt: string;
      };
    }
  | { type: 'OutboundMessageResent'; data: { messageId: string; attempt: number; resentAt: string } }
  /**
   * An officer asks for a rejected or unacknowledged message to be sent again, the same sealed bytes
   * under the same message id, having fixed the cause (`note` says how); the resender sends it at once.
   */
  | { type: 'OutboundMessageResendRequested'; data: { messageId: string; note: string; requestedAt: string } }
  | {
      type: 'OutboundMessageReceipted';
      data: {
        messageId: string;
        status: 'accepted' | 'rejected';
        /** The counterpart's reason code when rejected. */
        reason?: string;
        /** SHA-256 the counterpart computed over the bytes it received. */
        envelopeSha256: string;
        receivedAt: string;
        recordedAt: string;
        /** The counterpart's signed receipt as received (base64), so an auditor can check its signature later. */
        signedReceipt?: string;
      };
    }
  | {
      type: 'OutboundMessageUnacknowledged';
      data: { messageId: string; attempts: number; flaggedAt: string; advice: string };
    }
  /** The message could not be put on the wire (a contract gap or a payload that breaks it): for an officer. */
  | {
      type: 'OutboundMessageUnsendable';
      data: { messageId: string; reason: string; detail: string; flaggedAt: string };
    };

export const OUTBOUND_MESSAGE_EVENT_TYPES = [
  'OutboundMessageDispatched',
  'OutboundMessageResent',
  'OutboundMessageResendRequested',
  'OutboundMessageReceipted',
  'OutboundMessageUnacknowledged',
  'OutboundMessageUnsendable',
] as const;

/** Whether an event read from an `exchange-` stream is one this decider knows. */
export const isOutboundMessageEvent = (event: {
  readonly type: string;
  readonly data: unknown;
}): event is OutboundMessageEvent => OUTBOUND_MESSAGE_EVENT_TYPES.some((type) => type === event.type);
