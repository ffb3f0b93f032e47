/**
 * The two writes of the SQLite store and the group commit that runs them, shared by the inline writer
 * (on the event loop) and the commit worker (on a worker thread): one `BEGIN IMMEDIATE` transaction for
 * a group, each write in its own savepoint, so one write's refusal leaves the others alone.
 */
import type Database from 'better-sqlite3';
import { DuplicateEventIdError, type ActualRevision } from '../errors';
import type { AppendResult, ExpectedRevision } from '../port';
import { checkExpectedRevision, firstRevisionAfter, revisionMatches, type EncodedEvent } from '../rules';
import type { BatchOutcome } from '../turn-batcher';
import type { SqliteStatements } from './statements';

/** A write as data, so that it can be sent to the commit worker. */
export type StoreWrite =
  | {
      readonly kind: 'append';
      readonly stream: string;
      readonly events: readonly EncodedEvent[];
      readonly expected: ExpectedRevision;
    }
  | { readonly kind: 'checkpoint'; readonly name: string; readonly position: bigint };

export type WriteOutcome = BatchOutcome<AppendResult | undefined>;

/**
 * Runs the writes in one transaction and returns each one's outcome once it has committed (and, with
 * synchronous=FULL, been fsynced). Throws when the transaction itself failed (I/O, disk full, the
 * write lock not obtained): then none of the writes happened.
 */
export function commitGroup(
  db: Database.Database,
  sql: SqliteStatements,
  writes: readonly StoreWrite[],
): WriteOutcome[] {
  const outcomes: WriteOutcome[] = [];
  db.transaction(() => {
    for (const write of writes) {
      try {
        // A nested transaction is a savepoint: a refused write is rolled back alone.
        outcomes.push({ ok: true, value: db.transaction(() => runWrite(sql, write))() });
      } catch (error) {
        // An error that ended the whole transaction (I/O, disk full) fails every write.
        if (!db.inTransaction) throw error;
        outcomes.push({ ok: false, error });
      }
    }
  }).immediate();
  return outcomes;
}

function runWrite(sql: SqliteStatements, write: StoreWrite): AppendResult | undefined {
  if (write.kind === 'checkpoint') {
    sql.saveCheckpoint(write.name, write.position, new Date().toISOString());
    return undefined;
  }
  return appendInTransaction(sql, write.stream, write.events, write.expected);
}

function appendInTransaction(
  sql: SqliteStatements,
  stream: string,
  events: readonly EncodedEvent[],
  expected: ExpectedRevision,
): AppendResult {
  const actual = sql.currentRevision(stream);
  const retried = originalAppendOf(sql, stream, events, expected);
  if (retried) return retried;
  checkExpectedRevision(stream, expected, actual);
  const duplicate = events.find((event) => sql.findEvent(stream, event.id));
  if (duplicate) throw new DuplicateEventIdError(stream, duplicate.id);
  const recordedAt = new Date().toISOString();
  let revision = firstRevisionAfter(actual);
  let position = 0n;
  for (const event of events) {
    position = sql.insert(stream, revision, event, recordedAt);
    revision += 1n;
  }
  return { nextExpectedRevision: revision - 1n, position };
}

/**
 * Idempotent retry (as EventStoreDB does): the same ids, in the same order, already stored back to back
 * where `expected` puts them. Returns the original append's result; undefined if this is no such retry.
 */
function originalAppendOf(
  sql: SqliteStatements,
  stream: string,
  events: readonly EncodedEvent[],
  expected: ExpectedRevision,
): AppendResult | undefined {
  const first = sql.findEvent(stream, events[0].id);
  if (!first) return undefined;
  const before: ActualRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  if (!revisionMatches(expected, before) && expected !== 'stream_exists') return undefined;
  let last = first;
  for (let i = 1; i < events.length; i++) {
    const row = sql.findEvent(stream, events[i].id);
    if (!row || row.revision !== first.revision + BigInt(i)) return undefined;
    last = row;
  }
  return { nextExpectedRevision: last.revision, position: last.position };
}
