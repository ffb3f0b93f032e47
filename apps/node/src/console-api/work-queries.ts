import type { DeadlineItem, EscalationItem } from '@xb/console-contract';
import { DUE_SOON_WITHIN_MS } from '@xb/domain';
import { sql } from 'kysely';
import { AWAITING, openEscalations, ReadModelDb, repatriationBoard } from '@xb/read-models';
import { isProcessCategory } from '@xb/domain';
import { resourceOf } from './case-views';

export type { DeadlineItem, EscalationItem };

export const MY_WORK_LIMIT = 200;

const statusAt = (deadline: string, now: Date): 'due_soon' | 'overdue' | undefined => {
  const left = Date.parse(deadline) - now.getTime();
  return left < 0 ? 'overdue' : left <= DUE_SOON_WITHIN_MS ? 'due_soon' : undefined;
};

/** Where each process keeps its awaited deadline in the read models. */
const AWAITED = [
  {
    table: 'verifications',
    category: 'verification',
    resource: 'verifications',
    id: 'case_id',
    deadline: 'deadline',
  },
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
  {
    table: 'locate_rescues',
    category: 'rescue',
    resource: 'locate-rescues',
    id: 'case_id',
    deadline: 'deadline',
  },
  {
    table: 'wanted_persons',
    category: 'wanted',
    resource: 'wanted-persons',
    id: 'case_id',
    deadline: 'deadline',
  },
] as const;

/**
 * Cases of every process whose deadline has passed or falls within a day, and that still await it: the
 * earliest MY_WORK_LIMIT of each process (an index on the deadline reads only those).
 */
export async function deadlinesDue(db: ReadModelDb, now: Date): Promise<DeadlineItem[]> {
  const soon = new Date(now.getTime() + DUE_SOON_WITHIN_MS).toISOString();
  const items: DeadlineItem[] = [];
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
      .orderBy(sql.ref(process.deadline))
      .limit(MY_WORK_LIMIT)
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

/** The table of each board the read-model library has no query for yet. */
export const SIMPLE_BOARDS = {
  'suspect-handovers': 'suspect_handovers',
  notices: 'notices',
  'locate-rescues': 'locate_rescues',
  'wanted-persons': 'wanted_persons',
} as const;
export type SimpleBoard = keyof typeof SIMPLE_BOARDS;
export const isSimpleBoard = (board: string): board is SimpleBoard =>
  Object.prototype.hasOwnProperty.call(SIMPLE_BOARDS, board);

/** Boards the read-model library has no query for yet, newest first. */
export async function simpleBoard(
  db: ReadModelDb,
  board: SimpleBoard,
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
  // One shape for four tables: Kysely cannot type a table chosen at run time.
  const table = SIMPLE_BOARDS[board] as 'suspect_handovers' | 'notices';
  let query = db.selectFrom(table);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.counterpart) query = query.where('counterpart', '=', filter.counterpart);
  if (filter.overdue) {
    const awaiting: readonly string[] = AWAITING[SIMPLE_BOARDS[board]];
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

/** Passed deadlines escalated to the duty officer that the case still waits on, latest first. */
export async function escalationsOpen(db: ReadModelDb): Promise<EscalationItem[]> {
  return (await openEscalations(db, MY_WORK_LIMIT)).flatMap((escalation) =>
    isProcessCategory(escalation.category)
      ? [{ ...escalation, resource: resourceOf(escalation.category) }]
      : [],
  );
}
