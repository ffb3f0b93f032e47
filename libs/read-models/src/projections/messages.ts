import { DomainEvent } from '@xb/domain';
import { CaseProjection } from '../projector';
import { ReadModelTables } from '../tables';
import { utcTime } from '../times';
import { upsertRow } from '../upsert';

type MessageRow = ReadModelTables['messages'];

/**
 * One message in or out as officers and auditors list it (`messages`): who, what, when and why, never
 * its bytes. Folded from the message's own stream, `exchange-<id>` (outbound, the delivery's events) or
 * `inbox-<id>` (inbound, the inbox record), so the lists cost the same at any length of history.
 */
type MessageState = Omit<MessageRow, 'updated_at'> | null;

const text = (data: unknown, key: string): string | undefined => {
  const value = (data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : undefined;
};

function evolveOutbound(state: MessageState, event: DomainEvent): MessageState {
  const { data } = event;
  if (event.type === 'OutboundMessageDispatched')
    return {
      message_id: text(data, 'messageId') ?? '',
      direction: 'outbound',
      case_id: text(data, 'correlationId') ?? '',
      category: text(data, 'category') ?? '',
      counterpart: text(data, 'counterpart') ?? '',
      payload_type: text(data, 'payloadType') ?? '',
      status: 'sent',
      reason: null,
      claimed_message_id: null,
      at: utcTime(text(data, 'dispatchedAt') ?? ''),
      dissemination: text(data, 'dissemination') ?? null,
    };
  if (!state) return state;
  switch (event.type) {
    case 'OutboundMessageResent':
      return { ...state, status: 'resent', reason: null };
    case 'OutboundMessageReceipted':
      return text(data, 'status') === 'rejected'
        ? { ...state, status: 'rejected', reason: text(data, 'reason') ?? null }
        : { ...state, status: 'delivered', reason: null };
    case 'OutboundMessageUnacknowledged':
      return { ...state, status: 'unacknowledged', reason: text(data, 'advice') ?? null };
    case 'OutboundMessageUnsendable':
      return { ...state, status: 'unsendable', reason: text(data, 'reason') ?? null };
    default:
      return state;
  }
}

function evolveInbound(state: MessageState, event: DomainEvent): MessageState {
  if (event.type !== 'InboundMessageRecorded') return state;
  const { data } = event;
  const rejected = text(data, 'outcome') === 'rejected';
  return {
    message_id: text(data, 'messageId') ?? '',
    direction: 'inbound',
    case_id: text(data, 'correlationId') ?? '',
    category: null,
    counterpart: text(data, 'sender') ?? '',
    payload_type: text(data, 'payloadType') ?? '',
    status: rejected ? 'rejected' : 'received',
    reason: rejected ? (text(data, 'reason') ?? null) : null,
    claimed_message_id: null,
    at: utcTime(text(data, 'recordedAt') ?? ''),
    dissemination: text(data, 'dissemination') ?? null,
  };
}

const messageProjection = (
  category: 'exchange' | 'inbox',
  evolve: (state: MessageState, event: DomainEvent) => MessageState,
): CaseProjection<MessageState> => ({
  category,
  initialState: () => null,
  evolve,
  async write(trx, _id, state, event) {
    // Seal heads cross-anchoring the audit trails are the nodes' own business, not an officer's.
    if (!state || state.payload_type.includes('AuditSeal')) return;
    const row = { ...state, updated_at: utcTime(event.metadata.occurredAt) };
    await upsertRow(trx, 'messages', row, ['message_id'], row);
  },
});

export const outboundMessageProjection = messageProjection('exchange', evolveOutbound);
export const inboundMessageProjection = messageProjection('inbox', evolveInbound);

/** The audit trail's event of an envelope refused at our inbox (libs/audit, AUDIT_ENVELOPE_REFUSED). */
const ENVELOPE_REFUSED = 'AuditEnvelopeRefused';
/** The key of a refused envelope's row: its audit event's id (the header's message id may be forged or repeated). */
export const refusedRowId = (auditEventId: string) => `refused:${auditEventId}`;

/**
 * Envelopes refused at our inbox (`audit-refused-<day>` streams: no case, no message stream) as rows of
 * `messages` (direction `refused`), so that `my work` and the exchange log read them like any message
 * instead of reading the trail's day streams on every request. Each refusal is a row of its own, keyed by
 * its audit event; what the unverified header claimed (message id, sender) is kept as claimed.
 */
export const refusedEnvelopeProjection: CaseProjection<null> = {
  category: 'audit-refused',
  initialState: () => null,
  evolve: () => null,
  async write(trx, _day, _state, event) {
    if (event.type !== ENVELOPE_REFUSED) return;
    const { data } = event;
    const receivedAt = utcTime(text(data, 'receivedAt') ?? event.metadata.occurredAt);
    const row: MessageRow = {
      message_id: refusedRowId(event.id),
      direction: 'refused',
      case_id: '',
      category: null,
      counterpart: text(data, 'sender') ?? '',
      payload_type: '',
      status: 'refused',
      reason: text(data, 'reason') ?? null,
      claimed_message_id: text(data, 'messageId') ?? null,
      // A refused envelope's header is unverified: its claimed code is not shown as the message's.
      dissemination: null,
      at: receivedAt,
      updated_at: receivedAt,
    };
    await upsertRow(trx, 'messages', row, ['message_id'], row);
  },
};
