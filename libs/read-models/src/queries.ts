import { classifyDeadline, DeadlineStatus } from '@xb/domain';
import { ReadModelDb } from './database';

/** Statuses in which each process still awaits the counterpart or us by a deadline. */
export const AWAITING = {
  verifications: ['sent', 'delivered', 'received'],
  repatriations: ['requested', 'under_verification'],
  suspect_handovers: ['requested'],
  notices: ['received', 'classified'],
} as const;

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface RepatriationBoardFilter {
  readonly status?: string;
  readonly borderGate?: string;
  readonly province?: string;
  readonly counterpart?: string;
  /** Hand-over date range (ISO dates, inclusive). */
  readonly from?: string;
  readonly to?: string;
  /** Only cases past their decision deadline and still awaiting it. */
  readonly overdue?: boolean;
  readonly now: string;
  /** 1-based. Default 1. */
  readonly page?: number;
  /** Default 50, at most 500. */
  readonly pageSize?: number;
}

/** The border guard command's board of repatriations, newest first. */
export async function repatriationBoard(db: ReadModelDb, filter: RepatriationBoardFilter) {
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, filter.pageSize ?? 50));
  let query = db.selectFrom('repatriations');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.borderGate) query = query.where('border_gate', '=', filter.borderGate);
  if (filter.province) query = query.where('province', '=', filter.province);
  if (filter.counterpart) query = query.where('counterpart', '=', filter.counterpart);
  if (filter.from) query = query.where('handover_date', '>=', filter.from);
  if (filter.to) query = query.where('handover_date', '<=', filter.to);
  if (filter.overdue)
    query = query.where('status', 'in', [...AWAITING.repatriations]).where('deadline', '<', filter.now);
  const { total } = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('opened_at', 'desc')
    .orderBy('case_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows.map((row) => ({
    ...row,
    deadlineStatus: deadlineStatusOf(
      row.deadline,
      (AWAITING.repatriations as readonly string[]).includes(row.status),
      filter.now,
    ),
  }));
  return { items, total: Number(total), page, pageSize } satisfies Page<unknown>;
}

/** The liaison officers' queue of verification requests with their deadline status, most urgent first. */
export async function verificationQueue(
  db: ReadModelDb,
  filter: { readonly direction?: string; readonly status?: string; readonly now: string },
) {
  let query = db.selectFrom('verifications').selectAll();
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('deadline').orderBy('case_id').execute();
  return rows.map((row) => ({
    ...row,
    deadlineStatus: deadlineStatusOf(
      row.deadline,
      (AWAITING.verifications as readonly string[]).includes(row.status),
      filter.now,
    ),
  }));
}

/** Joint crackdown periods with their linked cases. */
export async function jointOperations(db: ReadModelDb) {
  const operations = await db
    .selectFrom('joint_operations')
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('operation_id')
    .execute();
  const links = await db.selectFrom('joint_operation_cases').selectAll().orderBy('case_id').execute();
  return operations.map((op) => ({
    ...op,
    linkedCases: links
      .filter((l) => l.operation_id === op.operation_id)
      .map(({ case_id, case_type }) => ({ caseId: case_id, process: case_type })),
  }));
}

function deadlineStatusOf(deadline: string | null, awaiting: boolean, now: string): DeadlineStatus {
  if (!deadline) return 'none';
  return classifyDeadline({ deadline, met: !awaiting }, now);
}
