import { AUDIT_ENVELOPE_REFUSED } from '@xb/audit';
import type { RecordedEvent } from '@xb/event-store';

/** One message in the exchange log with a counterpart. */
export interface ExchangeEntry {
  readonly direction: 'out' | 'in' | 'refused';
  /** Dispatch time (out), recording time (in), reception time (refused). */
  readonly at: string;
  readonly messageId: string | undefined;
  /** Payload type from the envelope header (out, in); unknown for a refused envelope. */
  readonly payloadType: string | undefined;
  /** The case the message belongs to. */
  readonly correlationId: string | undefined;
  /** `delivered`, `rejected: <code>`, `awaiting receipt`, `unacknowledged`; `accepted`/`rejected: <code>` in; the refusal code. */
  readonly outcome: string;
  /** Re-sends of an outbound message. */
  readonly resends?: number;
  /** When the counterpart's receipt came (out). */
  readonly receiptAt?: string;
  /** SHA-256 of the envelope bytes. */
  readonly envelopeSha256?: string;
}

export interface HistoryWindow {
  readonly counterpart: string;
  /** Inclusive (ISO). */
  readonly from?: string;
  /** Exclusive (ISO). */
  readonly to?: string;
}

/** The stream prefixes the exchange log is read from. */
export const HISTORY_STREAM_PREFIXES = ['exchange-', 'inbox-', 'audit-refused-'];

const data = (event: RecordedEvent): Record<string, unknown> =>
  typeof event.data === 'object' && event.data !== null ? (event.data as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

interface OutboundDraft {
  counterpart?: string;
  entry: { -readonly [K in keyof ExchangeEntry]: ExchangeEntry[K] };
}

/**
 * Builds the exchange log with one counterpart from the events of the exchange-*, inbox-* and
 * audit-refused-* streams (libs/exchange outbound-message/events.ts, inbound-message.ts; libs/audit
 * audit-events.ts), one entry per message, sorted by time. An outbound message's later events carry
 * only its id; its stream (`exchange-<message id>`) ties them to its dispatch.
 */
export function exchangeLog(events: Iterable<RecordedEvent>, window: HistoryWindow): ExchangeEntry[] {
  const outbound = new Map<string, OutboundDraft>();
  const entries: ExchangeEntry[] = [];
  for (const event of events) {
    const d = data(event);
    if (event.streamId.startsWith('exchange-')) foldOutbound(outbound, event.streamId, event.type, d);
    else if (event.type === 'InboundMessageRecorded' && d.sender === window.counterpart)
      entries.push({
        direction: 'in',
        at: text(d.recordedAt) ?? event.metadata.occurredAt,
        messageId: text(d.messageId),
        payloadType: text(d.payloadType),
        correlationId: text(d.correlationId),
        outcome: d.outcome === 'rejected' ? `rejected: ${text(d.reason) ?? '?'}` : 'accepted',
        envelopeSha256: text(d.envelopeSha256),
      });
    else if (event.type === AUDIT_ENVELOPE_REFUSED && d.sender === window.counterpart)
      entries.push({
        direction: 'refused',
        at: text(d.receivedAt) ?? event.metadata.occurredAt,
        messageId: text(d.messageId),
        payloadType: undefined,
        correlationId: undefined,
        outcome: `refused: ${text(d.reason) ?? '?'}`,
        envelopeSha256: text(d.sha256),
      });
  }
  for (const draft of outbound.values())
    if (draft.counterpart === window.counterpart && draft.entry.at) entries.push(draft.entry);
  return entries.filter((e) => inWindow(e.at, window)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const inWindow = (at: string, window: HistoryWindow): boolean =>
  (window.from === undefined || Date.parse(at) >= Date.parse(window.from)) &&
  (window.to === undefined || Date.parse(at) < Date.parse(window.to));

function foldOutbound(
  outbound: Map<string, OutboundDraft>,
  streamId: string,
  type: string,
  d: Record<string, unknown>,
): void {
  let draft = outbound.get(streamId);
  if (!draft) {
    draft = {
      entry: {
        direction: 'out',
        at: '',
        messageId: streamId.slice('exchange-'.length),
        payloadType: undefined,
        correlationId: undefined,
        outcome: 'awaiting receipt',
        resends: 0,
      },
    };
    outbound.set(streamId, draft);
  }
  const entry = draft.entry;
  switch (type) {
    case 'OutboundMessageDispatched':
      draft.counterpart = text(d.counterpart);
      Object.assign(entry, {
        at: text(d.dispatchedAt) ?? '',
        messageId: text(d.messageId) ?? entry.messageId,
        payloadType: text(d.payloadType),
        correlationId: text(d.correlationId),
        envelopeSha256: text(d.envelopeSha256),
      });
      return;
    case 'OutboundMessageResent':
      entry.resends = (entry.resends ?? 0) + 1;
      return;
    case 'OutboundMessageReceipted':
      entry.outcome = d.status === 'rejected' ? `rejected: ${text(d.reason) ?? '?'}` : 'delivered';
      entry.receiptAt = text(d.receivedAt) ?? text(d.recordedAt);
      return;
    case 'OutboundMessageUnacknowledged':
      entry.outcome = 'unacknowledged';
      return;
    // An officer's re-send after fixing the cause: the earlier outcome no longer stands.
    case 'OutboundMessageResendRequested':
      entry.outcome = 'awaiting receipt';
      return;
  }
}
