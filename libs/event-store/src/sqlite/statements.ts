/** The SQL of the SQLite adapter, prepared once. Integers come back as bigints (safeIntegers). */
import type Database from 'better-sqlite3';
import type { ActualRevision } from '../errors';
import type {
  EventMetadata,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEvent,
  TextEvent,
} from '../port';
import { parseJson, type EncodedEvent } from '../rules';

export interface EventRow {
  readonly position: bigint;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: Buffer;
  readonly metadata: Buffer;
  readonly recorded_at: string;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';
/** The same with data and metadata as text: SQLite hands over strings, better-sqlite3 makes no Buffers. */
const TEXT_COLUMNS =
  'position, stream_id, revision, event_id, type, CAST(data AS TEXT) AS data, CAST(metadata AS TEXT) AS metadata, recorded_at';

/** An EventRow read with TEXT_COLUMNS. */
export type TextEventRow = Omit<EventRow, 'data' | 'metadata'> & {
  readonly data: string;
  readonly metadata: string;
};
/** SQLite's "no limit". */
const NO_LIMIT = -1;

export class SqliteStatements {
  private readonly stmt;

  constructor(db: Database.Database) {
    const prepare = (sql: string) => db.prepare(sql).safeIntegers(true);
    this.stmt = {
      currentRevision: prepare(`SELECT max(revision) AS revision FROM events WHERE stream_id = ?`),
      findEvent: prepare(`SELECT revision, position FROM events WHERE stream_id = ? AND event_id = ?`),
      insert: prepare(
        `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      streamForwards: prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      ),
      streamBackwards: prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      // A fold reads type and data only, the data handed over as text: no metadata, no Buffer copies.
      streamForFold: prepare(
        `SELECT revision, type, CAST(data AS TEXT) AS data FROM events
         WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC`,
      ),
      allForwards: prepare(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`),
      allBackwards: prepare(
        `SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,
      ),
      allTextForwards: prepare(
        `SELECT ${TEXT_COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`,
      ),
      allTextBackwards: prepare(
        `SELECT ${TEXT_COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,
      ),
      readCheckpoint: prepare(`SELECT position FROM checkpoints WHERE name = ?`),
      saveCheckpoint: prepare(
        `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      ),
    };
  }

  currentRevision(stream: string): ActualRevision {
    const row = this.stmt.currentRevision.get(stream) as { revision: bigint | null };
    return row.revision === null ? 'no_stream' : row.revision;
  }

  findEvent(stream: string, eventId: string): { revision: bigint; position: bigint } | undefined {
    return this.stmt.findEvent.get(stream, eventId) as { revision: bigint; position: bigint } | undefined;
  }

  /** Inserts one event; returns its global position. */
  insert(stream: string, revision: bigint, event: EncodedEvent, recordedAt: string): bigint {
    const info = this.stmt.insert.run(
      stream,
      revision,
      event.id,
      event.type,
      event.dataBytes,
      event.metadataBytes,
      recordedAt,
    );
    return BigInt(info.lastInsertRowid);
  }

  readStream(
    stream: string,
    { direction = 'forwards', fromRevision, maxCount }: ReadStreamOptions,
  ): EventRow[] {
    const limit = maxCount ?? NO_LIMIT;
    if (direction === 'forwards')
      return this.stmt.streamForwards.all(stream, fromRevision ?? 0n, limit) as EventRow[];
    return this.stmt.streamBackwards.all(
      stream,
      fromRevision ?? BigInt('0x7fffffffffffffff'),
      limit,
    ) as EventRow[];
  }

  readStreamForFold(
    stream: string,
    fromRevision: bigint,
  ): { revision: bigint; type: string; data: string }[] {
    return this.stmt.streamForFold.all(stream, fromRevision) as {
      revision: bigint;
      type: string;
      data: string;
    }[];
  }

  readAll({ direction = 'forwards', fromPosition, maxCount }: ReadAllOptions): EventRow[] {
    const limit = maxCount ?? NO_LIMIT;
    if (direction === 'forwards') return this.stmt.allForwards.all(fromPosition ?? 0n, limit) as EventRow[];
    return this.stmt.allBackwards.all(fromPosition ?? BigInt('0x7fffffffffffffff'), limit) as EventRow[];
  }

  readAllText({ direction = 'forwards', fromPosition, maxCount }: ReadAllOptions): TextEventRow[] {
    const limit = maxCount ?? NO_LIMIT;
    if (direction === 'forwards')
      return this.stmt.allTextForwards.all(fromPosition ?? 0n, limit) as TextEventRow[];
    return this.stmt.allTextBackwards.all(
      fromPosition ?? BigInt('0x7fffffffffffffff'),
      limit,
    ) as TextEventRow[];
  }

  readCheckpoint(name: string): bigint | undefined {
    const row = this.stmt.readCheckpoint.get(name) as { position: bigint } | undefined;
    return row?.position;
  }

  saveCheckpoint(name: string, position: bigint, updatedAt: string): void {
    this.stmt.saveCheckpoint.run(name, position, updatedAt);
  }
}

/**
 * The row as it is stored, nothing parsed. The BLOBs are the Buffers better-sqlite3 made for this row
 * alone, so they are handed over without a copy.
 */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    dataBytes: row.data,
    metadataBytes: row.metadata,
    recordedAt: row.recorded_at,
  };
}

export function toTextEvent(row: TextEventRow): TextEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    dataText: row.data,
    metadataText: row.metadata,
    recordedAt: row.recorded_at,
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const dataBytes = new Uint8Array(row.data);
  const metadataBytes = new Uint8Array(row.metadata);
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data: parseJson(dataBytes),
    metadata: parseJson<EventMetadata>(metadataBytes),
    dataBytes,
    metadataBytes,
    recordedAt: row.recorded_at,
  };
}
