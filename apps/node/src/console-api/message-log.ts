import type { ExchangeLog, MessageItem } from '@xb/console-contract';
import { messageLog, ReadModelDb, ReadModelTables } from '@xb/read-models';

const NEW_FOR_MS = 24 * 3600_000;
/** How many days back the envelopes refused at our inbox are listed. */
export const REFUSED_DAYS = 7;
/** Most rows of each kind in `my work` (the latest first). */
const MY_WORK_MESSAGES = 200;

export type { MessageItem };

const KIND_OF_STATUS: Record<string, MessageItem['kind']> = {
  sent: 'outbound',
  resent: 'outbound',
  delivered: 'receipted',
  rejected: 'refused_by_counterpart',
  unacknowledged: 'unacknowledged',
  unsendable: 'unsendable',
};

const itemOf = (row: ReadModelTables['messages']): MessageItem =>
  row.direction === 'refused'
    ? // No case and no verified header: only what the header claimed, and why it was refused.
      {
        kind: 'refused_inbound',
        ...(row.claimed_message_id ? { messageId: row.claimed_message_id } : {}),
        ...(row.counterpart ? { counterpart: row.counterpart } : {}),
        ...(row.reason ? { reason: row.reason } : {}),
        at: row.at,
      }
    : {
        kind: row.direction === 'inbound' ? 'inbound' : (KIND_OF_STATUS[row.status] ?? 'outbound'),
        messageId: row.message_id,
        caseId: row.case_id,
        counterpart: row.counterpart,
        payloadType: row.payload_type,
        ...(row.reason ? { reason: row.reason } : {}),
        ...(row.dissemination ? { dissemination: row.dissemination } : {}),
        at: row.updated_at,
      };

/**
 * Envelopes refused at our inbox over the last REFUSED_DAYS days, the latest first (at most
 * MY_WORK_MESSAGES): rows of the `messages` read model (direction `refused`), one indexed query.
 */
async function refusedInbound(db: ReadModelDb, now: Date, counterpart?: string): Promise<MessageItem[]> {
  const page = await messageLog(db, {
    direction: 'refused',
    ...(counterpart ? { counterpart } : {}),
    since: new Date(now.getTime() - REFUSED_DAYS * NEW_FOR_MS).toISOString(),
    pageSize: MY_WORK_MESSAGES,
  });
  return page.items.map(itemOf);
}

/** For `my work`: new inbound messages (a day), messages with a delivery problem, refused envelopes. */
export async function messagesNeedingAction(db: ReadModelDb, now: Date): Promise<MessageItem[]> {
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
    refusedInbound(db, now),
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
  now: Date,
  filter: { counterpart?: string; page?: number },
): Promise<ExchangeLog> {
  const page = await messageLog(db, { ...filter, directions: ['outbound', 'inbound'] });
  return {
    ...page,
    items: page.items.map(itemOf),
    refused: await refusedInbound(db, now, filter.counterpart),
    refusedDays: REFUSED_DAYS,
  };
}
