import { auditStream } from '@xb/audit';
import { readStreamIfAny, type EventStore } from '@xb/event-store';
import { messageLog, ReadModelDb, ReadModelTables } from '@xb/read-models';

const NEW_FOR_MS = 24 * 3600_000;
/** How many days back the refused envelopes are listed (one `audit-refused-<day>` stream a day). */
export const REFUSED_DAYS = 7;
/** Most rows of each kind in `my work` (the latest first). */
const MY_WORK_MESSAGES = 200;

/** A message for an officer or auditor: never the envelope's bytes, only who, what and why. */
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
  /** Who the message may go on to, as its header's handling code says. */
  readonly dissemination?: string;
  readonly at: string;
}

const KIND_OF_STATUS: Record<string, MessageItem['kind']> = {
  sent: 'outbound',
  resent: 'outbound',
  delivered: 'receipted',
  rejected: 'refused_by_counterpart',
  unacknowledged: 'unacknowledged',
  unsendable: 'unsendable',
};

const itemOf = (row: ReadModelTables['messages']): MessageItem => ({
  kind: row.direction === 'inbound' ? 'inbound' : (KIND_OF_STATUS[row.status] ?? 'outbound'),
  messageId: row.message_id,
  caseId: row.case_id,
  counterpart: row.counterpart,
  payloadType: row.payload_type,
  ...(row.reason ? { reason: row.reason } : {}),
  ...(row.dissemination ? { dissemination: row.dissemination } : {}),
  at: row.updated_at,
});

/**
 * Envelopes refused at our inbox over the last REFUSED_DAYS days (they have no case and no message
 * stream: only the audit trail's day streams know them), the latest first.
 */
async function refusedInbound(store: EventStore, now: Date, counterpart?: string): Promise<MessageItem[]> {
  const items: MessageItem[] = [];
  for (let day = 0; day < REFUSED_DAYS; day++) {
    const stream = auditStream('refused', new Date(now.getTime() - day * NEW_FOR_MS).toISOString());
    for (const event of (await readStreamIfAny(store, stream)) ?? []) {
      const d = event.data as Record<string, string | undefined>;
      if (counterpart && d.sender !== counterpart) continue;
      items.push({
        kind: 'refused_inbound',
        ...(d.messageId ? { messageId: d.messageId } : {}),
        ...(d.sender ? { counterpart: d.sender } : {}),
        ...(d.reason ? { reason: d.reason } : {}),
        at: d.receivedAt ?? event.metadata.occurredAt,
      });
    }
  }
  return items.sort((a, b) => b.at.localeCompare(a.at));
}

/** For `my work`: new inbound messages (a day), messages with a delivery problem, refused envelopes. */
export async function messagesNeedingAction(
  db: ReadModelDb,
  store: EventStore,
  now: Date,
): Promise<MessageItem[]> {
  const [problems, inbound, refused] = await Promise.all([
    messageLog(db, {
      direction: 'outbound',
      statuses: ['rejected', 'unacknowledged', 'unsendable'],
      pageSize: MY_WORK_MESSAGES,
    }),
    messageLog(db, {
      direction: 'inbound',
      since: new Date(now.getTime() - NEW_FOR_MS).toISOString(),
      pageSize: MY_WORK_MESSAGES,
    }),
    refusedInbound(store, now),
  ]);
  return [...problems.items.map(itemOf), ...inbound.items.map(itemOf), ...refused].sort((a, b) =>
    b.at.localeCompare(a.at),
  );
}

/**
 * For auditors: a page of the messages exchanged with one counterpart (or all), each in its latest state
 * with its reason, and the envelopes refused at our inbox over the last REFUSED_DAYS days.
 */
export async function exchangeLog(
  db: ReadModelDb,
  store: EventStore,
  now: Date,
  filter: { counterpart?: string; page?: number },
) {
  const page = await messageLog(db, filter);
  return {
    ...page,
    items: page.items.map(itemOf),
    refused: await refusedInbound(store, now, filter.counterpart),
    refusedDays: REFUSED_DAYS,
  };
}
