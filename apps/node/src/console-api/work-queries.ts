import { DUE_SOON_WITHIN_MS } from '@xb/domain';
import { sql } from 'kysely';
import type { EventStore, RecordedEvent } from '@xb/event-store';
import { AWAITING, ReadModelDb, repatriationBoard, verificationQueue } from '@xb/read-models';

/** How far back `my work` looks in the global order for messages (the newest events first). */
export const RECENT_EVENTS = 5_000;
const NEW_FOR_MS = 24 * 3600_000;

export interface DeadlineItem {
  readonly category: string;
  readonly resource: string;
  readonly caseId: string;
  readonly status: string;
  readonly counterpart: string;
  readonly deadline: string;
  readonly deadlineStatus: 'due_soon' | 'overdue';
}

const statusAt = (deadline: string, now: Date): 'due_soon' | 'overdue' | undefined => {
  const left = Date.parse(deadline) - now.getTime();
  return left < 0 ? 'overdue' : left <= DUE_SOON_WITHIN_MS ? 'due_soon' : undefined;
};

/** Where each process keeps its awaited deadline in the read models (verifications have their own query). */
const AWAITED = [
  {
    table: 'repatriations',
    category: 'repatriation',
    resource: 'repatriations',
    id: 'case_id',
    deadline: 'deadline',
  },
  {
    table: 'suspect_handovers',
    category: 'handover',
    resource: 'suspect-handovers',
    id: 'case_id',
    deadline: 'deadline',
  },
  {
    table: 'notices',
    category: 'notice',
    resource: 'notices',
    id: 'notice_id',
    deadline: 'processing_deadline',
  },
] as const;

/** Cases of every process whose deadline has passed or falls within a day, and that still await it. */
export async function deadlinesDue(db: ReadModelDb, now: Date): Promise<DeadlineItem[]> {
  const soon = new Date(now.getTime() + DUE_SOON_WITHIN_MS).toISOString();
  const items: DeadlineItem[] = [];
  for (const v of await verificationQueue(db, { now: now.toISOString() })) {
    if (v.deadlineStatus === 'due_soon' || v.deadlineStatus === 'overdue')
      items.push({
        category: 'verification',
        resource: 'verifications',
        caseId: v.case_id,
        status: v.status,
        counterpart: v.counterpart,
        deadline: v.deadline,
        deadlineStatus: v.deadlineStatus,
      });
  }
  for (const process of AWAITED) {
    const rows = (await db
      .selectFrom(process.table)
      .select([
        sql.ref<string>(process.id).as('id'),
        'status',
        'counterpart',
        sql.ref<string>(process.deadline).as('deadline'),
      ])
      .where('status', 'in', [...AWAITING[process.table]])
      .where(sql<boolean>`${sql.ref(process.deadline)} <= ${soon}`)
      .execute()) as { id: string; status: string; counterpart: string; deadline: string }[];
    for (const row of rows)
      items.push({
        category: process.category,
        resource: process.resource,
        caseId: row.id,
        status: row.status,
        counterpart: row.counterpart,
        deadline: row.deadline,
        deadlineStatus: statusAt(row.deadline, now)!,
      });
  }
  return items.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/** A message event for an officer: never the envelope's bytes, only who, what and why. */
export interface MessageItem {
  readonly kind: 'inbound' | 'unacknowledged' | 'refused_by_counterpart' | 'unsendable' | 'refused_inbound';
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
  switch (event.type) {
    case 'InboundMessageRecorded':
      return {
        kind: 'inbound',
        messageId: d.messageId,
        caseId,
        counterpart: d.sender,
        payloadType: d.payloadType,
        ...(d.reason ? { reason: d.reason } : {}),
        at: event.metadata.occurredAt,
      };
    case 'OutboundMessageUnacknowledged':
      return {
        kind: 'unacknowledged',
        messageId: d.messageId,
        caseId,
        reason: d.advice,
        at: event.metadata.occurredAt,
      };
    case 'OutboundMessageReceipted':
      return d.status === 'rejected'
        ? {
            kind: 'refused_by_counterpart',
            messageId: d.messageId,
            caseId,
            reason: d.reason,
            at: event.metadata.occurredAt,
          }
        : undefined;
    case 'OutboundMessageUnsendable':
      return {
        kind: 'unsendable',
        messageId: d.messageId,
        caseId,
        reason: d.reason,
        at: event.metadata.occurredAt,
      };
    case 'AuditEnvelopeRefused':
      return {
        kind: 'refused_inbound',
        messageId: d.messageId,
        counterpart: d.sender,
        reason: d.reason,
        at: d.receivedAt ?? event.metadata.occurredAt,
      };
    default:
      return undefined;
  }
};

/** Messages needing an officer's eye among the newest events: new inbound ones (a day), and every problem. */
export async function messagesNeedingAction(store: EventStore, now: Date): Promise<MessageItem[]> {
  const recent = await store.readAll({ direction: 'backwards', maxCount: RECENT_EVENTS });
  return (
    recent
      .map(messageItemOf)
      .filter((item): item is MessageItem => item !== undefined)
      // Seal heads cross-anchoring the audit trails are the nodes' own business, not an officer's.
      .filter((item) => !item.payloadType?.includes('AuditSeal'))
      .filter((item) => item.kind !== 'inbound' || now.getTime() - Date.parse(item.at) <= NEW_FOR_MS)
  );
}

/** Boards the read-model library has no query for yet: suspect hand-overs and notices, newest first. */
export async function simpleBoard(
  db: ReadModelDb,
  board: 'suspect-handovers' | 'notices',
  filter: {
    status?: string;
    counterpart?: string;
    overdue?: boolean;
    now: Date;
    page: number;
    pageSize: number;
  },
) {
  const now = filter.now.toISOString();
  const table = board === 'notices' ? 'notices' : 'suspect_handovers';
  let query = db.selectFrom(table);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.counterpart) query = query.where('counterpart', '=', filter.counterpart);
  if (filter.overdue) {
    const awaiting: readonly string[] = table === 'notices' ? AWAITING.notices : AWAITING.suspect_handovers;
    const deadline = sql.ref(table === 'notices' ? 'processing_deadline' : 'deadline');
    query = query.where('status', 'in', [...awaiting]).where(sql<boolean>`${deadline} < ${now}`);
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy(sql.ref(table === 'notices' ? 'received_at' : 'opened_at'), 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows, total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

export { repatriationBoard };
