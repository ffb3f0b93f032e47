/**
 * Dissemination requests and answers ↔ `dissemination.proto`. The answer names the request it answers
 * by the header's causation id (the request's message id), which is the request's id on both sides.
 */
import { compact, text } from './convert';
import { WireTable } from './types';

export const DISSEMINATION_WIRE: Pick<WireTable, 'DisseminationRequest' | 'DisseminationAnswer'> = {
  DisseminationRequest: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.DisseminationRequest',
      payload: { recipientAgencyId: data.recipient, purpose: data.purpose },
    }),
    fromWire: {
      'xborder.v1.DisseminationRequest': (message) => ({
        recipient: message.recipientAgencyId,
        purpose: message.purpose,
      }),
    },
  },
  DisseminationAnswer: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.DisseminationAnswer',
      payload: compact({
        recipientAgencyId: data.recipient,
        granted: data.granted,
        conditions: data.conditions,
        reason: data.reason,
      }),
    }),
    fromWire: {
      'xborder.v1.DisseminationAnswer': (message, context) => {
        const requestId = text(context.header.causationId);
        if (!requestId) return { invalid: 'causation_id (the request answered)' };
        return {
          requestId,
          recipient: message.recipientAgencyId,
          granted: message.granted === true,
          ...compact({ conditions: text(message.conditions), reason: text(message.reason) }),
        };
      },
    },
  },
};
