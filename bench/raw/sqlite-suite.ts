import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchContext, BenchSuite } from '../harness/context';
import { medianRate } from '../harness/timing';

/** Events per transaction of the batched run: what a relay or importer appending in bulk would do. */
const BATCH = 100;
const EVENT_BYTES = 1024;
const STREAMS = 100;

/**
 * SQLite append rate for 1 KiB events with the durability an event store needs (WAL, synchronous=FULL):
 * one transaction per append, as a command handler does, and batched.
 */
export const rawSqliteSuite: BenchSuite = {
  name: 'raw-sqlite',
  async run(context) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-bench-sqlite-'));
    const removeDir = context.cleanup.add('sqlite bench folder', () =>
      fs.rmSync(dir, { recursive: true, force: true }),
    );
    try {
      await measure(context, path.join(dir, 'events.db'));
    } finally {
      await removeDir();
    }
  },
};

async function measure({ options, registry, cleanup, log }: BenchContext, file: string): Promise<void> {
  const db = new Database(file);
  const closeDb = cleanup.add('sqlite bench database', () => db.close());
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      data BLOB NOT NULL,
      recorded_at TEXT NOT NULL,
      UNIQUE (stream_id, revision))`);
    const append = appender(db);
    const appendOne = db.transaction(() => append());
    const appendBatch = db.transaction(() => {
      for (let i = 0; i < BATCH; i++) append();
    });
    const rate = (operation: () => void) =>
      medianRate(options.rounds, options.seconds * 1000, async () => operation());

    log('measuring SQLite appends, one transaction each');
    registry.record(
      'raw_sqlite_appends_per_s',
      await rate(appendOne),
      'events/s',
      '1 KiB event, WAL, synchronous=FULL, 1 tx per append',
    );
    log(`measuring SQLite appends, ${BATCH} per transaction`);
    registry.record(
      'raw_sqlite_appends_per_s_batched',
      (await rate(appendBatch)) * BATCH,
      'events/s',
      `1 KiB events, WAL, synchronous=FULL, ${BATCH} per tx`,
    );
  } finally {
    await closeDb();
  }
}

/** Appends one event to the next of STREAMS streams at its next revision. */
function appender(db: Database.Database): () => void {
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, type, data, recorded_at) VALUES (?, ?, ?, ?, ?)',
  );
  const revisions = new Array<number>(STREAMS).fill(0);
  const data = randomBytes(EVENT_BYTES);
  let next = 0;
  return () => {
    const stream = next++ % STREAMS;
    insert.run(
      `verification-${stream}`,
      revisions[stream]!++,
      'VerificationRequested',
      data,
      new Date().toISOString(),
    );
  };
}
