import { classifyDeadline, DeadlineStatus } from '@xb/domain';
import { SelectQueryBuilder } from 'kysely';
import { ReadModelDb } from './database';
import { ReadModelTables } from './tables';
import { canonicalProvince } from './projections/border-gates';
import { utcTime } from './times';

/** Statuses in which each process still awaits the counterpart or us by a deadline. */
export const AWAITING = {
  verifications: ['sent', 'delivered', 'received'],
  repatriations: ['requested', 'under_verification'],
  suspect_handovers: ['requested'],
  notices: ['received', 'classified'],
  locate_rescues: ['requested'],
  wanted_persons: ['requested'],
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
  /** Matched without diacritics or case (`Lai Châu` finds `Lai Chau`). */
  readonly province?: string;
  readonly counterpart?: string;
  /** Hand-over date range (ISO dates, inclusive). */
  readonly from?: string;
  readonly to?: string;
  /** Only cases past their decision deadline and still awaiting it. */
  readonly overdue?: boolean;
  /** The moment deadlines are judged at (ISO 8601, any offset). */
  readonly now: string;
  /** 1-based. Default 1. */
  readonly page?: number;
  /** Default 50, at most 500. */
  readonly pageSize?: number;
}

/** The border guard command's board of repatriations, newest first (ties by case id). */
export async function repatriationBoard(db: ReadModelDb, filter: RepatriationBoardFilter) {
  const now = utcTime(filter.now);
  const { page, pageSize } = pagingOf(filter);
  let query = db.selectFrom('repatriations');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.borderGate) query = query.where('border_gate', '=', filter.borderGate);
  if (filter.province) query = query.where('province', '=', canonicalProvince(filter.province));
  if (filter.counterpart) query = query.where('counterpart', '=', filter.counterpart);
  if (filter.from) query = query.where('handover_date', '>=', filter.from);
  if (filter.to) query = query.where('handover_date', '<=', filter.to);
  if (filter.overdue)
    query = query.where('status', 'in', [...AWAITING.repatriations]).where('deadline', '<', now);
  const total = await countOf(query);
  const rows = await query
    .selectAll()
    .orderBy('opened_at', 'desc')
    .orderBy('case_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows.map((row) => ({
    ...row,
    deadlineStatus: repatriationDeadlineStatusOf(row, now),
  }));
  return { items, total, page, pageSize } satisfies Page<unknown>;
}

export interface VerificationQueueFilter {
  readonly direction?: string;
  readonly status?: string;
  /** The moment deadlines are judged at (ISO 8601, any offset). */
  readonly now: string;
  /** 1-based. Default 1. */
  readonly page?: number;
  /** Default 50, at most 500. */
  readonly pageSize?: number;
}

/**
 * The liaison officers' queue of verification requests with their deadline status, earliest deadline
 * first (ties by case id), a page at a time.
 */
export async function verificationQueue(db: ReadModelDb, filter: VerificationQueueFilter) {
  const { page, pageSize } = pagingOf(filter);
  let query = db.selectFrom('verifications');
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.status) query = query.where('status', '=', filter.status);
  const now = utcTime(filter.now);
  const total = await countOf(query);
  const rows = await query
    .selectAll()
    .orderBy('deadline')
    .orderBy('case_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows.map((row) => ({ ...row, deadlineStatus: verificationDeadlineStatusOf(row, now) }));
  return { items, total, page, pageSize } satisfies Page<unknown>;
}

/**
 * Joint crackdown periods with their linked cases, latest start first (ties by id), a page at a time:
 * only the page's periods have their links read.
 */
export async function jointOperations(db: ReadModelDb, filter: { page?: number; pageSize?: number } = {}) {
  const { page, pageSize } = pagingOf(filter);
  const query = db.selectFrom('joint_operations');
  const total = await countOf(query);
  const operations = await query
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('operation_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = operations.map((op) => op.operation_id);
  const links = ids.length
    ? await db
        .selectFrom('joint_operation_cases')
        .selectAll()
        .where('operation_id', 'in', ids)
        .orderBy('case_id')
        .execute()
    : [];
  const items = operations.map((op) => ({
    ...op,
    linkedCases: links
      .filter((l) => l.operation_id === op.operation_id)
      .map(({ case_id, case_type }) => ({ caseId: case_id, process: case_type })),
  }));
  return { items, total, page, pageSize } satisfies Page<unknown>;
}

/** `refused`: envelopes refused at our inbox (projections/messages.ts). */
export type MessageDirection = 'outbound' | 'inbound' | 'refused';

export interface MessageLogFilter {
  readonly direction?: MessageDirection;
  /** Only messages of these directions (the exchange log: `outbound` and `inbound`, not `refused`). */
  readonly directions?: readonly MessageDirection[];
  readonly counterpart?: string;
  /** Only messages in one of these states (`messages.status`). */
  readonly statuses?: readonly string[];
  /** Only messages changed at or after this moment (ISO 8601). */
  readonly since?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

/** Messages in and out, the latest changed first (ties by id), a page at a time. */
export async function messageLog(db: ReadModelDb, filter: MessageLogFilter) {
  const { page, pageSize } = pagingOf(filter);
  let query = db.selectFrom('messages');
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.directions) query = query.where('direction', 'in', [...filter.directions]);
  if (filter.directions) query = query.where('direction', 'in', [...filter.directions]);
  if (filter.counterpart) query = query.where('counterpart', '=', filter.counterpart);
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.since) query = query.where('updated_at', '>=', utcTime(filter.since));
  const total = await countOf(query);
  const items = await query
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('message_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total, page, pageSize } satisfies Page<unknown>;
}

/** Boards are read a page at a time (default 50 rows, at most 500), so a board costs the same at any size. */
export function pagingOf(filter: { page?: number; pageSize?: number }) {
  return {
    page: wholeNumberIn(filter.page, 1, Number.MAX_SAFE_INTEGER, 1),
    pageSize: wholeNumberIn(filter.pageSize, 1, 500, 50),
  };
}

/** The rows a filtered board query matches, before paging. */
export async function countOf<TB extends keyof ReadModelTables>(
  query: SelectQueryBuilder<ReadModelTables, TB, object>,
): Promise<number> {
  const { total } = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

/**
 * Liaison meetings, latest start first (ties by id), a page at a time, each with its minutes' action items and
 * where each stands against its deadline at `now` (`met` once done): the same on both nodes of the meeting.
 * Only the page's meetings have their action items read.
 */
export async function liaisonMeetings(
  db: ReadModelDb,
  now: string,
  filter: { page?: number; pageSize?: number } = {},
) {
  const { page, pageSize } = pagingOf(filter);
  const query = db.selectFrom('liaison_meetings');
  const total = await countOf(query);
  const meetings = await query
    .selectAll()
    .orderBy('starts_at', 'desc')
    .orderBy('meeting_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = meetings.map((meeting) => meeting.meeting_id);
  const actionItems = ids.length
    ? await db
        .selectFrom('liaison_action_items')
        .selectAll()
        .where('meeting_id', 'in', ids)
        .orderBy('number')
        .execute()
    : [];
  const items = meetings.map((meeting) => ({
    ...meeting,
    actionItems: actionItems
      .filter((item) => item.meeting_id === meeting.meeting_id)
      .map(({ number, owner, deadline, done_at }) => ({
        number: Number(number),
        owner,
        deadline,
        doneAt: done_at,
        deadlineStatus: classifyDeadline({ deadline, met: done_at !== null }, now),
      })),
  }));
  return { items, total, page, pageSize } satisfies Page<unknown>;
}

/** Working groups and delegations, latest arrival first (ties by id), a page at a time. */
export async function missions(db: ReadModelDb, filter: { page?: number; pageSize?: number } = {}) {
  const { page, pageSize } = pagingOf(filter);
  const query = db.selectFrom('missions');
  const total = await countOf(query);
  const rows = await query
    .selectAll()
    .orderBy('arrives_on', 'desc')
    .orderBy('mission_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows.map((row) => ({ ...row, members: Number(row.members) }));
  return { items, total, page, pageSize } satisfies Page<unknown>;
}

/** A paging parameter as a whole number within bounds; the default when absent or not a number. */
const wholeNumberIn = (value: number | undefined, min: number, max: number, fallback: number) =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, Math.trunc(value)));

const isOneOf = (values: readonly string[], value: string) => values.includes(value);

/**
 * The domain's `repatriationDeadlineStatus` on a row: the receiving side's decision is awaited while
 * requested or under verification, met once decided, and nothing is awaited of a cancelled case.
 */
function repatriationDeadlineStatusOf(
  row: { readonly status: string; readonly deadline: string | null },
  now: string,
): DeadlineStatus {
  if (!row.deadline || row.status === 'cancelled') return 'none';
  const met = !isOneOf(AWAITING.repatriations, row.status);
  return classifyDeadline({ deadline: row.deadline, met }, now);
}

/**
 * The domain's `verificationDeadlineStatus` on a row: running while an answer is awaited, met once
 * answered (or closed after an answer) unless the answer asked for more information, else none
 * (drafts, withdrawn cases, cases waiting on the requester's additional information).
 */
function verificationDeadlineStatusOf(
  row: { readonly status: string; readonly deadline: string; readonly outcome: string | null },
  now: string,
): DeadlineStatus {
  const awaiting = isOneOf(AWAITING.verifications, row.status);
  const answered =
    isOneOf(['answered', 'closed'], row.status) &&
    row.outcome !== null &&
    row.outcome !== 'more_information_needed';
  if (!awaiting && !answered) return 'none';
  return classifyDeadline({ deadline: row.deadline, met: answered }, now);
}

/** Where a tip or notice that came to us stands: the plans' "received, classified, processed". */
export type NoticeProcessingState = 'received' | 'classified' | 'processed';

export interface NoticeListFilter {
  /** `tip`: our hotline's; `notice`: what counterparts sent (their notices and tip-offs). */
  readonly source?: 'tip' | 'notice';
  readonly state?: NoticeProcessingState;
  /** Only those unprocessed past their processing deadline. */
  readonly overdue?: boolean;
  /** The moment deadlines are judged at (ISO 8601, any offset). */
  readonly now: string;
  readonly page?: number;
  readonly pageSize?: number;
}

const processingStateOf = (status: string): NoticeProcessingState =>
  status === 'received' || status === 'classified' ? status : 'processed';

/**
 * Tips and notices that came to us, with their processing state and whether they are unprocessed past
 * their deadline, earliest deadline first; and, over all of them (not the page), how many are
 * unprocessed past it, by source.
 */
export async function noticeList(db: ReadModelDb, filter: NoticeListFilter) {
  const now = utcTime(filter.now);
  const page = wholeNumberIn(filter.page, 1, Number.MAX_SAFE_INTEGER, 1);
  const pageSize = wholeNumberIn(filter.pageSize, 1, 500, 50);
  let query = db.selectFrom('notices').where('direction', '=', 'incoming');
  if (filter.source) query = query.where('source', filter.source === 'tip' ? '=' : '!=', 'hotline');
  if (filter.state === 'processed') query = query.where('status', 'not in', [...AWAITING.notices]);
  else if (filter.state) query = query.where('status', '=', filter.state);
  if (filter.overdue)
    query = query.where('status', 'in', [...AWAITING.notices]).where('processing_deadline', '<', now);
  const { total } = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('processing_deadline')
    .orderBy('notice_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const handling = await caseHandling(
    db,
    'notice',
    rows.map((row) => row.notice_id),
  );
  const items = rows.map((row) => ({
    noticeId: row.notice_id,
    /** The highest handling restriction the notice came with (none for our hotline's tips). */
    handling: handling.get(row.notice_id) ?? null,
    source: row.source === 'hotline' ? ('tip' as const) : ('notice' as const),
    kind: row.kind,
    counterpart: row.source === 'hotline' ? null : row.counterpart,
    urgency: row.urgency,
    status: row.status,
    state: processingStateOf(row.status),
    receivedAt: row.received_at,
    processingDeadline: row.processing_deadline,
    processedAt: row.processed_at,
    overdue:
      isAwaitingNotice(row.status) && row.processing_deadline !== null && row.processing_deadline < now,
  }));
  return {
    items,
    total: Number(total),
    page,
    pageSize,
    unprocessedPastDeadline: await unprocessedNoticesPastDeadline(db, filter.now),
  };
}

const isAwaitingNotice = (status: string) => (AWAITING.notices as readonly string[]).includes(status);

/** Tips and notices that came to us and are unprocessed past their processing deadline, by source. */
export async function unprocessedNoticesPastDeadline(db: ReadModelDb, now: string) {
  const rows = await db
    .selectFrom('notices')
    .where('direction', '=', 'incoming')
    .where('status', 'in', [...AWAITING.notices])
    .where('processing_deadline', '<', utcTime(now))
    .select(['source', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('source')
    .execute();
  const count = (tip: boolean) =>
    rows.filter((r) => (r.source === 'hotline') === tip).reduce((sum, r) => sum + Number(r.n), 0);
  return { tips: count(true), notices: count(false) };
}

/** Tips and notices that came to us, by source and processing state (the `xb_notices` gauge). */
export async function noticeStateCounts(db: ReadModelDb) {
  const rows = await db
    .selectFrom('notices')
    .where('direction', '=', 'incoming')
    .select(['source', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(['source', 'status'])
    .execute();
  const counts: Record<'tip' | 'notice', Record<NoticeProcessingState, number>> = {
    tip: { received: 0, classified: 0, processed: 0 },
    notice: { received: 0, classified: 0, processed: 0 },
  };
  for (const row of rows)
    counts[row.source === 'hotline' ? 'tip' : 'notice'][processingStateOf(row.status)] += Number(row.n);
  return counts;
}

/**
 * The highest handling restriction received by each of the given cases of `category` that has one
 * (projections/handling.ts), by case id: what a board shows beside a case.
 */
export async function caseHandling(db: ReadModelDb, category: string, caseIds: readonly string[]) {
  const rows =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('case_handling')
          .selectAll()
          .where('category', '=', category)
          .where('case_id', 'in', [...caseIds])
          .execute();
  return new Map(
    rows.map((row) => [
      row.case_id,
      {
        dissemination: row.dissemination,
        evidentialUse: row.evidential_use,
        hasConditions: Number(row.has_conditions) === 1,
      },
    ]),
  );
}
