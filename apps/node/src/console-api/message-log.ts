import type { EventStore, RecordedEvent } from '@xb/event-store';

/** How far back the message views look in the global order (the newest events first). */
export const RECENT_EVENTS = 5_000;
const NEW_FOR_MS = 24 * 3600_000;

/** A message event for an officer or auditor: never the envelope's bytes, only who, what and why. */
export interface MessageItem {
  readonly kind:
    | 'outbound'
    | 'receipted'
    | 'inbound'
    | 'unacknowledged'
    | 'refused_by_counterpart'
    | 'unsendable'
    | 'refused_inbound';
  readonly messageId?: string;
  readonly caseId?: string;
  readonly counterpart?: string;
  readonly payloadType?: string;
  readonly reason?: string;
  readonly at: string;
}

const messageItemOf = (event: RecordedEvent): MessageItem | undefined => {
  const d = event.data as Record<string, string | undefined>;
  const caseId = event.metadata.correlationId;
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'OutboundMessageDispatched':
      return {
        kind: 'outbound',
        messageId: d.messageId,
        caseId,
        counterpart: d.counterpart,
        payloadType: d.payloadType,
        at,
      };
    case 'OutboundMessageReceipted':
      return d.status === 'rejected'
        ? { kind: 'refused_by_counterpart', messageId: d.messageId, caseId, reason: d.reason, at }
        : { kind: 'receipted', messageId: d.messageId, caseId, at };
    case 'InboundMessageRecorded':
      return {
        kind: 'inbound',
        messageId: d.messageId,
        caseId,
        counterpart: d.sender,
        payloadType: d.payloadType,
        ...(d.reason ? { reason: d.reason } : {}),
        at,
      };
    case 'OutboundMessageUnacknowledged':
      return { kind: 'unacknowledged', messageId: d.messageId, caseId, reason: d.advice, at };
    case 'OutboundMessageUnsendable':
      return { kind: 'unsendable', messageId: d.messageId, caseId, reason: d.reason, at };
    case 'AuditEnvelopeRefused':
      return {
        kind: 'refused_inbound',
        messageId: d.messageId,
        counterpart: d.sender,
        reason: d.reason,
        at: d.receivedAt ?? at,
      };
    default:
      return undefined;
  }
};

/**
 * The message events among the newest of the store, newest first, each outbound one's counterpart and
 * type filled in from its dispatch (receipts and flags name only the message).
 */
async function recentMessages(store: EventStore): Promise<MessageItem[]> {
  const recent = await store.readAll({ direction: 'backwards', maxCount: RECENT_EVENTS });
  const items = recent.map(messageItemOf).filter((item): item is MessageItem => item !== undefined);
  const dispatched = new Map(items.filter((i) => i.kind === 'outbound').map((i) => [i.messageId, i]));
  return (
    items
      .map((item) => {
        const sent = item.counterpart ? undefined : dispatched.get(item.messageId);
        return sent ? { ...item, counterpart: sent.counterpart, payloadType: sent.payloadType } : item;
      })
      // Seal heads cross-anchoring the audit trails are the nodes' own business, not an officer's.
      .filter((item) => !item.payloadType?.includes('AuditSeal'))
  );
}

/** For `my work`: new inbound messages (a day) and every delivery problem. */
export async function messagesNeedingAction(store: EventStore, now: Date): Promise<MessageItem[]> {
  return (await recentMessages(store)).filter(
    (item) =>
      item.kind !== 'outbound' &&
      item.kind !== 'receipted' &&
      (item.kind !== 'inbound' || now.getTime() - Date.parse(item.at) <= NEW_FOR_MS),
  );
}

/** For auditors: the exchange with one counterpart (or all), refused envelopes and their reasons included. */
export async function exchangeLog(store: EventStore, counterpart?: string): Promise<MessageItem[]> {
  return (await recentMessages(store)).filter((item) => !counterpart || item.counterpart === counterpart);
}
