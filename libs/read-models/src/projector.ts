import { Transaction } from 'kysely';
import { DomainEvent } from '@xb/domain';
import { AllSubscription, EventMetadata, EventStore, RecordedEvent, TextEvent } from '@xb/event-store';
import { inBatches, readAllText } from '@xb/event-store';
import { ReadModelDb } from './database';
import { countParked, ParkedEvent, parkedEvents, parkEvent, unparkAll, unparkStream } from './parking';
import { PROJECTED_TABLES, ReadModelTables } from './tables';
import { upsertRow, withRowsFolded } from './upsert';

/** What a projection is given of an event: all but the stored bytes (catch-up reads none). */
export type ProjectedEvent = Omit<RecordedEvent, 'dataBytes' | 'metadataBytes'>;

/**
 * A read model of one process (emmett style): the process's own evolve folds each case, and `write`
 * turns the folded state into rows. Reusing the decider's evolve keeps one definition of what a case is.
 */
export interface CaseProjection<S = unknown> {
  /**
   * Stream category: events of streams `<category>-<case id>` are projected. It may hold a dash itself
   * (`audit-refused`: the audit trail's day streams of one kind), the rest of the stream id being the id.
   */
  readonly category: string;
  initialState(): S;
  // Method syntax on purpose: it lets a list of projections of different states be typed as
  // CaseProjection<unknown>[] without casts (the projector only ever feeds a projection its own state).
  evolve(state: S, event: DomainEvent): S;
  write(trx: Transaction<ReadModelTables>, caseId: string, state: S, event: ProjectedEvent): Promise<void>;
}

export interface ProjectorOptions {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  /** The read models to keep, one per stream category (`ALL_PROJECTIONS` for all of them). */
  readonly projections: readonly CaseProjection[];
  /** Checkpoint name, kept in the read-model store itself. Default `read-models`. */
  readonly name?: string;
  /** Most events applied in one transaction. Default 500. */
  readonly maxBatch?: number;
  /**
   * The same for `rebuild`, which nobody reads meanwhile: fewer commits (each an fsync of the WAL) and
   * more of a case's events folded into one write of its rows. Default 5,000 (at least `maxBatch`).
   */
  readonly rebuildBatch?: number;
  /** When an event is parked, as the node's clock says. Default the system clock. */
  readonly clock?: () => Date;
}

/**
 * Follows the global order into the read models. Rows and the checkpoint are written in one transaction
 * of the read-model store, so every event is applied exactly once even across crashes. An event a
 * projection cannot apply is parked (parking.ts) in the transaction that moves the checkpoint past it,
 * so one event never stops the read models; only a store that cannot even record the parking stops it.
 */
export class Projector {
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private applied: bigint | undefined;
  private failed?: unknown;
  private parked = 0;
  private readonly byCategory: Map<string, CaseProjection<unknown>>;

  constructor(private readonly options: ProjectorOptions) {
    this.byCategory = new Map(options.projections.map((p) => [p.category, p]));
  }

  /** The checkpoint's name. */
  get name(): string {
    return this.options.name ?? 'read-models';
  }

  /** Global position of the last event applied (undefined before the first). */
  get position(): bigint | undefined {
    return this.applied;
  }

  /** Why the live projection stopped, if it failed (it then stays stopped; `stop()` rethrows it). */
  get failure(): unknown {
    return this.failed;
  }

  /** How many events are parked, waiting for `replayParked()`. */
  get parkedCount(): number {
    return this.parked;
  }

  /** The parked events, oldest first. */
  parkedEvents(limit?: number): Promise<ParkedEvent[]> {
    return parkedEvents(this.options.db, this.name, limit);
  }

  /**
   * Follows the global order live from the stored checkpoint until `stop()`. Do not run `catchUp` or
   * `rebuild` on the same read-model store meanwhile: both would apply the same events.
   */
  async start(): Promise<void> {
    if (this.running) throw new Error(`projector ${this.name} already started`);
    this.failed = undefined;
    this.applied = await this.readCheckpoint();
    this.parked = await countParked(this.options.db, this.name);
    this.subscription = this.options.store.subscribeToAll({
      ...(this.applied !== undefined ? { after: this.applied } : {}),
      filter: { streamPrefixes: [...this.byCategory.keys()].map((c) => `${c}-`) },
    });
    const subscription = this.subscription;
    this.running = (async () => {
      for await (const batch of inBatches(subscription, this.options.maxBatch ?? 500)) {
        try {
          await this.applyOrPark(batch);
        } catch (error) {
          // Kept, not thrown into the void: the owner sees it through `failure` and `stop()`. The
          // subscription is stopped first, else leaving the loop would wait for the next live event.
          this.failed = error;
          await subscription.stop();
          return;
        }
      }
    })();
  }

  /** Stops following; the checkpoint stays, so `start()` (on this or a new projector) resumes from it. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
    this.subscription = undefined;
    this.running = undefined;
    if (this.failed !== undefined) throw this.failed;
  }

  /**
   * Applies everything from the checkpoint up to the current end of the global order, then returns how
   * many events it read (rebuild, tests, bench).
   */
  async catchUp(): Promise<number> {
    return this.applyToEnd(this.options.maxBatch ?? 500);
  }

  /**
   * Reads the order as text and parses only the events a projection takes (a node's store holds many
   * it does not: audit days, leases); the checkpoint still moves past the page's last event.
   */
  private async applyToEnd(maxCount: number): Promise<number> {
    let count = 0;
    this.applied = await this.readCheckpoint();
    for (;;) {
      const page = await readAllText(this.options.store, {
        ...(this.applied !== undefined ? { fromPosition: this.applied + 1n } : {}),
        maxCount,
      });
      if (page.length === 0) return count;
      const projected = page.filter((event) => this.projectionOf(event.streamId)).map(parsed);
      await this.applyOrPark(projected, page[page.length - 1].position);
      count += page.length;
    }
  }

  /** Empties every read model and its checkpoint, then replays the whole global order. */
  async rebuild(): Promise<number> {
    await this.options.db.transaction().execute(async (trx) => {
      for (const table of PROJECTED_TABLES) await trx.deleteFrom(table).execute();
      await trx.deleteFrom('rm_checkpoints').where('name', '=', this.name).execute();
      await unparkAll(trx, this.name);
    });
    this.applied = undefined;
    this.parked = 0;
    return this.applyToEnd(Math.max(this.options.rebuildBatch ?? 5_000, this.options.maxBatch ?? 500));
  }

  /**
   * Applies the parked events again, each with its whole stream re-folded up to the checkpoint, so the
   * case ends as if nothing had been parked. Run it while no live projector follows this store (as for
   * `rebuild`). Returns how many were applied and how many stay parked (they failed again).
   */
  async replayParked(): Promise<{ replayed: number; parked: number }> {
    const upTo = await this.readCheckpoint();
    const streams = new Set((await this.parkedEvents()).map((event) => event.streamId));
    let replayed = 0;
    for (const streamId of streams) {
      const events = (await this.options.store.readStream(streamId)).filter(
        (event) => upTo !== undefined && event.position <= upTo,
      );
      try {
        replayed += await this.options.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('case_documents').where('stream_id', '=', streamId).execute();
          await this.project(trx, events);
          return unparkStream(trx, this.name, streamId);
        });
      } catch {
        // Still failing: it stays parked as it was, and the next stream is tried.
      }
    }
    this.parked = await countParked(this.options.db, this.name);
    return { replayed, parked: this.parked };
  }

  private async readCheckpoint(): Promise<bigint | undefined> {
    const row = await this.options.db
      .selectFrom('rm_checkpoints')
      .select('position')
      .where('name', '=', this.name)
      .executeTakeFirst();
    return row ? BigInt(row.position) : undefined;
  }

  /**
   * The batch in one transaction; if it fails, its events one by one, parking each that fails alone. A
   * failure to park (the store itself failing) is thrown: the live projection then stops visibly.
   */
  private async applyOrPark(
    batch: readonly ProjectedEvent[],
    upTo = batch[batch.length - 1].position,
  ): Promise<void> {
    try {
      return await this.apply(batch, upTo);
    } catch (error) {
      if (batch.length === 1 && batch[0].position === upTo) return this.park(batch[0], error);
    }
    for (const event of batch) {
      try {
        await this.apply([event], event.position);
      } catch (error) {
        await this.park(event, error);
      }
    }
    // Past the events no projection takes after the last one it did.
    if (this.applied !== upTo) await this.apply([], upTo);
  }

  private async park(event: ProjectedEvent, error: unknown): Promise<void> {
    await this.options.db.transaction().execute(async (trx) => {
      await parkEvent(trx, this.name, event, error, this.options.clock?.() ?? new Date());
      await this.saveCheckpoint(trx, event.position);
    });
    this.applied = event.position;
    this.parked++;
  }

  private async apply(batch: readonly ProjectedEvent[], upTo: bigint): Promise<void> {
    await this.options.db.transaction().execute(async (trx) => {
      await this.project(trx, batch);
      await this.saveCheckpoint(trx, upTo);
    });
    this.applied = upTo;
  }

  private async saveCheckpoint(trx: Transaction<ReadModelTables>, position: bigint): Promise<void> {
    await upsertRow(trx, 'rm_checkpoints', { name: this.name, position: position.toString() }, ['name'], {
      position: position.toString(),
    });
  }

  /**
   * Folds each event into its case's document and rows, within the caller's transaction. The rows are
   * made per event (a row may depend on the event, e.g. when a notice was processed) but each written
   * once, at the end of the batch (`withRowsFolded`); the document, the folded state alone, once per case
   * too: the same rows as an event at a time, fewer statements and index rewrites.
   */
  private async project(trx: Transaction<ReadModelTables>, events: readonly ProjectedEvent[]): Promise<void> {
    const documents = new Map<string, CaseDocument>();
    const projected = events.flatMap((event) => {
      const projection = this.projectionOf(event.streamId);
      return projection ? [{ event, category: projection.category, projection }] : [];
    });
    const stored = await loadStates(trx, [...new Set(projected.map(({ event }) => event.streamId))]);
    await withRowsFolded(trx, async () => {
      for (const { event, category, projection } of projected) {
        const caseId = event.streamId.slice(category.length + 1);
        const known = documents.get(event.streamId);
        const json = stored.get(event.streamId);
        const before = known
          ? known.state
          : json !== undefined
            ? (JSON.parse(json) as unknown)
            : projection.initialState();
        const state = projection.evolve(before, { type: event.type, data: event.data });
        await projection.write(trx, caseId, state, event);
        documents.set(event.streamId, { category, caseId, state, position: event.position });
      }
      for (const [streamId, document] of documents) await saveDocument(trx, streamId, document);
    });
  }

  /** The projection whose category the stream id starts with (`<category>-`), if any. */
  private projectionOf(streamId: string): CaseProjection<unknown> | undefined {
    for (let dash = streamId.indexOf('-'); dash > 0; dash = streamId.indexOf('-', dash + 1)) {
      const projection = this.byCategory.get(streamId.slice(0, dash));
      if (projection) return projection;
    }
    return undefined;
  }
}

/** A case's folded state after the last event of a batch that touched it. */
interface CaseDocument {
  readonly category: string;
  readonly caseId: string;
  readonly state: unknown;
  readonly position: bigint;
}

async function saveDocument(
  trx: Transaction<ReadModelTables>,
  streamId: string,
  { category, caseId, state, position }: CaseDocument,
): Promise<void> {
  const stateJson = JSON.stringify(state);
  const row = { state_json: stateJson, last_position: position.toString() };
  await upsertRow(
    trx,
    'case_documents',
    { stream_id: streamId, category, case_id: caseId, ...row },
    ['stream_id'],
    row,
  );
}

/**
 * Streams' ids looked up in one query per this many: padded up to a power of two at most this, so the
 * query takes a handful of shapes (the SQLite statement cache keeps one statement per shape).
 */
const LOOKUP_CHUNK = 256;

/** The stored documents of `streamIds` (state JSON by stream id), a query per chunk rather than per case. */
async function loadStates(
  trx: Transaction<ReadModelTables>,
  streamIds: readonly string[],
): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (let at = 0; at < streamIds.length; at += LOOKUP_CHUNK) {
    const chunk = streamIds.slice(at, at + LOOKUP_CHUNK);
    let size = 1;
    while (size < chunk.length) size *= 2;
    const padded = [...chunk, ...Array<string>(size - chunk.length).fill(chunk[0])];
    const rows = await trx
      .selectFrom('case_documents')
      .select(['stream_id', 'state_json'])
      .where('stream_id', 'in', padded)
      .execute();
    for (const row of rows) states.set(row.stream_id, row.state_json);
  }
  return states;
}

/** An event read as text, with its data and metadata parsed. */
function parsed(event: TextEvent): ProjectedEvent {
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    id: event.id,
    type: event.type,
    data: JSON.parse(event.dataText) as unknown,
    metadata: JSON.parse(event.metadataText) as EventMetadata,
    recordedAt: event.recordedAt,
  };
}
