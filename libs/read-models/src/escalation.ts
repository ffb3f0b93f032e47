/**
 * Escalation of passed deadlines (docs/architecture.md, "Deadlines and escalation"). Each process lists
 * the deadlines its case still waits on (`deciderOf(category).openDeadlines`); this follower reads the
 * folded cases the projector keeps (`case_documents`, no stream is re-read) and records one
 * `DeadlineEscalated` per passed deadline in a stream of its own, appended with expected revision
 * `no_stream`: the store refuses a second append, so a deadline is escalated once however many
 * followers run (two projector processes, a restart) and the event is sealed and audited like any other.
 */
import { createHash } from 'node:crypto';
import { deciderOf, isProcessCategory, passedDeadlines, PROCESS_CATEGORIES } from '@xb/domain';
import { EventStore, WrongExpectedRevisionError } from '@xb/event-store';
import { ReadModelDb } from './database';
import type { CaseProjection } from './projector';
import { utcTime } from './times';
import { upsertRow } from './upsert';

export const ESCALATION_CATEGORY = 'escalation';
export const DEADLINE_ESCALATED = 'DeadlineEscalated';
export const ESCALATION_ACTOR = 'system:escalation';

export interface DeadlineEscalated {
  readonly category: string;
  readonly caseId: string;
  readonly kind: string;
  readonly ref: string;
  readonly due: string;
  readonly escalatedAt: string;
}

/** The stream of one deadline's escalation: the ref is hashed (a message id or `item:<n>`, any length). */
export const escalationStreamOf = (caseId: string, kind: string, ref: string): string =>
  `${ESCALATION_CATEGORY}-${caseId}-${kind}-${createHash('sha256').update(ref).digest('hex').slice(0, 16)}`;

export interface DeadlineEscalatorOptions {
  readonly clock: () => Date;
  /** Called once per escalation this follower recorded (a metric). */
  readonly onEscalated?: (escalation: DeadlineEscalated) => void;
}

export class DeadlineEscalator {
  /** Streams known to exist (recorded here or refused as already recorded): not tried again. */
  private readonly recorded = new Set<string>();

  constructor(
    private readonly db: () => Promise<ReadModelDb>,
    private readonly store: EventStore,
    private readonly options: DeadlineEscalatorOptions,
  ) {}

  /** One pass: records every passed deadline not yet escalated; returns what this pass recorded. */
  async escalate(): Promise<readonly DeadlineEscalated[]> {
    const now = this.options.clock().toISOString();
    const db = await this.db();
    const rows = await db
      .selectFrom('case_documents')
      .select(['category', 'case_id', 'state_json'])
      .where('category', 'in', [...PROCESS_CATEGORIES])
      .execute();
    const done: DeadlineEscalated[] = [];
    for (const row of rows) {
      if (!isProcessCategory(row.category)) continue;
      const state = JSON.parse(row.state_json) as { status: string };
      for (const deadline of passedDeadlines(deciderOf(row.category).openDeadlines(state), now)) {
        const stream = escalationStreamOf(row.case_id, deadline.kind, deadline.ref);
        if (this.recorded.has(stream)) continue;
        const escalation: DeadlineEscalated = {
          category: row.category,
          caseId: row.case_id,
          kind: deadline.kind,
          ref: deadline.ref,
          due: deadline.due,
          escalatedAt: now,
        };
        if (await this.record(stream, escalation)) {
          done.push(escalation);
          this.options.onEscalated?.(escalation);
        }
        this.recorded.add(stream);
      }
    }
    return done;
  }

  /** False when another follower (or an earlier run) recorded it first. */
  private async record(stream: string, escalation: DeadlineEscalated): Promise<boolean> {
    try {
      await this.store.appendToStream(
        stream,
        [
          {
            type: DEADLINE_ESCALATED,
            data: escalation,
            metadata: {
              correlationId: escalation.caseId,
              actor: ESCALATION_ACTOR,
              occurredAt: escalation.escalatedAt,
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}

/** Keeps each recorded escalation as a row, for the duty officer's work list. */
export const deadlineEscalationProjection: CaseProjection<DeadlineEscalated | undefined> = {
  category: ESCALATION_CATEGORY,
  initialState: () => undefined,
  evolve: (state, event) => (event.type === DEADLINE_ESCALATED ? (event.data as DeadlineEscalated) : state),
  async write(trx, _caseId, state, event) {
    if (state === undefined) return;
    await upsertRow(
      trx,
      'deadline_escalations',
      {
        stream_id: event.streamId,
        category: state.category,
        case_id: state.caseId,
        kind: state.kind,
        ref: state.ref,
        due: utcTime(state.due),
        escalated_at: utcTime(state.escalatedAt),
      },
      ['stream_id'],
      'nothing',
    );
  },
};

/**
 * Escalations whose deadline the case still waits on (met since: left out), latest first, at most
 * `limit`: what the duty officer's "my work" lists.
 */
export async function openEscalations(db: ReadModelDb, limit = 200): Promise<DeadlineEscalated[]> {
  const rows = await db
    .selectFrom('deadline_escalations')
    .selectAll()
    .orderBy('escalated_at', 'desc')
    .limit(limit)
    .execute();
  const open: DeadlineEscalated[] = [];
  for (const row of rows) {
    if (!isProcessCategory(row.category)) continue;
    const document = await db
      .selectFrom('case_documents')
      .select('state_json')
      .where('stream_id', '=', `${row.category}-${row.case_id}`)
      .executeTakeFirst();
    const state = document ? (JSON.parse(document.state_json) as { status: string }) : undefined;
    const stillOpen =
      state !== undefined &&
      deciderOf(row.category)
        .openDeadlines(state)
        .some((deadline) => deadline.kind === row.kind && deadline.ref === row.ref);
    if (stillOpen)
      open.push({
        category: row.category,
        caseId: row.case_id,
        kind: row.kind,
        ref: row.ref,
        due: row.due,
        escalatedAt: row.escalated_at,
      });
  }
  return open;
}
