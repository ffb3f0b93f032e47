/**
 * Counterparts' erasure notices received (docs/confidentiality.md), kept as rows so that my work and the
 * erasure API read an index instead of walking every `erasurenotice-` stream of the store per request.
 * The events are libs/protection's (`ErasureNoticeReceived`, `ErasureNoticeDecided`); read-models sits
 * beside protection, not above it, so they are read here by their type names and fields, as the messages
 * projection reads the exchange's. Only ids, the ground and times are kept: a notice carries no
 * particular, and the decision's note (free text an officer typed) stays in the notice's stream.
 */
import { DomainEvent } from '@xb/domain';
import { ReadModelDb } from './database';
import type { CaseProjection } from './projector';
import { pagingOf, Page } from './queries';
import { ReadModelTables } from './tables';
import { utcTime } from './times';

export const RECEIVED_ERASURE_NOTICE_CATEGORY = 'erasurenotice';
const RECEIVED = 'ErasureNoticeReceived';
const DECIDED = 'ErasureNoticeDecided';

export type ErasureNoticeStatus = 'awaiting_decision' | 'decided';

/** A received notice as the API and my work list it: ids, the ground and times, and the decision. */
export interface ReceivedErasureNotice {
  readonly messageId: string;
  /** The counterpart that sent it. */
  readonly from: string;
  readonly erasureId: string;
  readonly ground: string;
  readonly erasedAt: string;
  readonly receivedAt: string;
  readonly personIds: readonly string[];
  readonly cases: readonly { readonly caseId: string; readonly messageIds: readonly string[] }[];
  readonly status: ErasureNoticeStatus;
  /** Once decided: what, by whom, when, and the keys destroyed (the note is in the notice's stream). */
  readonly decision?: {
    readonly decision: string;
    readonly decidedBy: string;
    readonly decidedAt: string;
    readonly keyIds: readonly string[];
  };
}

type NoticeRow = ReadModelTables['received_erasure_notices'];
type NoticeState = Omit<NoticeRow, 'updated_at'> | null;

const field = (data: unknown, key: string): unknown => (data as Record<string, unknown> | null)?.[key];
const text = (data: unknown, key: string): string => {
  const value = field(data, key);
  return typeof value === 'string' ? value : '';
};
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
/** Each case's id and message ids, rebuilt field by field so nothing else of the event is kept. */
const caseRefs = (value: unknown) =>
  (Array.isArray(value) ? value : []).map((c) => ({
    caseId: text(c, 'caseId'),
    messageIds: ids(field(c, 'messageIds')),
  }));

function evolveNotice(state: NoticeState, event: DomainEvent): NoticeState {
  const { data } = event;
  if (event.type === RECEIVED)
    return {
      message_id: text(data, 'messageId'),
      sender: text(data, 'from'),
      erasure_id: text(data, 'erasureId'),
      ground: text(data, 'ground'),
      erased_at: utcTime(text(data, 'erasedAt')),
      received_at: utcTime(text(data, 'receivedAt')),
      person_ids: JSON.stringify(ids(field(data, 'personIds'))),
      cases: JSON.stringify(caseRefs(field(data, 'cases'))),
      status: 'awaiting_decision',
      decision: null,
      decided_by: null,
      decided_at: null,
      key_ids: null,
    };
  if (event.type === DECIDED && state)
    return {
      ...state,
      status: 'decided',
      decision: text(data, 'decision'),
      decided_by: text(data, 'decidedBy'),
      decided_at: utcTime(text(data, 'decidedAt')),
      key_ids: JSON.stringify(ids(field(data, 'keyIds'))),
    };
  return state;
}

/** `erasurenotice-<message id>`: one row per notice, rewritten when it is decided. */
export const receivedErasureNoticeProjection: CaseProjection<NoticeState> = {
  category: RECEIVED_ERASURE_NOTICE_CATEGORY,
  initialState: () => null,
  evolve: evolveNotice,
  async write(trx, _messageId, state, event) {
    if (!state) return;
    const row: NoticeRow = { ...state, updated_at: utcTime(event.metadata.occurredAt) };
    await trx
      .insertInto('received_erasure_notices')
      .values(row)
      .onConflict((oc) => oc.column('message_id').doUpdateSet(row))
      .execute();
  },
};

function noticeOf(row: NoticeRow): ReceivedErasureNotice {
  const notice = {
    messageId: row.message_id,
    from: row.sender,
    erasureId: row.erasure_id,
    ground: row.ground,
    erasedAt: row.erased_at,
    receivedAt: row.received_at,
    personIds: JSON.parse(row.person_ids) as string[],
    cases: JSON.parse(row.cases) as ReceivedErasureNotice['cases'],
  };
  if (row.status !== 'decided') return { ...notice, status: 'awaiting_decision' };
  return {
    ...notice,
    status: 'decided',
    decision: {
      decision: row.decision ?? '',
      decidedBy: row.decided_by ?? '',
      decidedAt: row.decided_at ?? '',
      keyIds: JSON.parse(row.key_ids ?? '[]') as string[],
    },
  };
}

/** Notices of one status: awaiting ones oldest first (the order to decide them in), decided latest first. */
async function noticesIn(db: ReadModelDb, status: ErasureNoticeStatus, offset: number, limit: number) {
  const order = status === 'awaiting_decision' ? 'asc' : 'desc';
  const rows = await db
    .selectFrom('received_erasure_notices')
    .selectAll()
    .where('status', '=', status)
    .orderBy('received_at', order)
    .orderBy('message_id', order)
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(noticeOf);
}

async function countIn(db: ReadModelDb, status: ErasureNoticeStatus): Promise<number> {
  const { n } = await db
    .selectFrom('received_erasure_notices')
    .where('status', '=', status)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The notices awaiting our decision, oldest received first, at most `limit`: what my work lists. */
export function awaitingErasureNotices(db: ReadModelDb, limit = 200): Promise<ReceivedErasureNotice[]> {
  return noticesIn(db, 'awaiting_decision', 0, limit);
}

export interface ErasureNoticeFilter {
  /** Only the notices of this status. Default both: awaiting first, then decided. */
  readonly status?: ErasureNoticeStatus;
  /** 1-based. Default 1. */
  readonly page?: number;
  /** Default 50, at most 500. */
  readonly pageSize?: number;
}

/**
 * The notices received, a page at a time: those awaiting a decision first (oldest first), then the
 * decided ones (latest received first), so the work comes first and history costs only when paged to.
 */
export async function receivedErasureNoticeList(
  db: ReadModelDb,
  filter: ErasureNoticeFilter = {},
): Promise<Page<ReceivedErasureNotice>> {
  const { page, pageSize } = pagingOf(filter);
  const start = (page - 1) * pageSize;
  const awaiting = filter.status === 'decided' ? 0 : await countIn(db, 'awaiting_decision');
  const decided = filter.status === 'awaiting_decision' ? 0 : await countIn(db, 'decided');
  const items: ReceivedErasureNotice[] = [];
  if (start < awaiting) items.push(...(await noticesIn(db, 'awaiting_decision', start, pageSize)));
  const rest = pageSize - items.length;
  if (rest > 0 && decided > 0)
    items.push(...(await noticesIn(db, 'decided', Math.max(0, start - awaiting), rest)));
  return { items, total: awaiting + decided, page, pageSize };
}
