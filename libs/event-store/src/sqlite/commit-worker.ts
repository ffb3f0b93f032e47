/**
 * The commit worker of the `thread` writer: its own connection to the store file, on which it runs the
 * same group commit as the inline writer, one group per message, and answers with the outcomes once
 * the transaction has committed. Loaded by thread-writer.ts, never imported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  outcomeToWire,
  toWire,
  type CommitWorkerData,
  type FromWorker,
  type ToWorker,
} from './commit-messages';
import { commitGroup, type StoreWrite } from './group-commit';
import { openStoreFile } from './schema';
import { SqliteStatements } from './statements';

const { file, busyTimeoutMs } = workerData as CommitWorkerData;
const db = openStoreFile(file, { busyTimeoutMs });
const sql = new SqliteStatements(db);
const port = parentPort!;

port.on('message', (message: ToWorker) => {
  if (message.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let answer: FromWorker;
  try {
    answer = {
      kind: 'committed',
      outcomes: commitGroup(db, sql, message.writes.map(withBuffers)).map(outcomeToWire),
    };
  } catch (error) {
    answer = { kind: 'failed', error: toWire(error) };
  }
  port.postMessage(answer);
});

/** Buffers arrive as plain Uint8Arrays (structured clone); better-sqlite3 binds BLOBs from Buffers. */
function withBuffers(write: StoreWrite): StoreWrite {
  if (write.kind !== 'append') return write;
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    ...write,
    events: write.events.map((event) => ({
      ...event,
      dataBytes: buffer(event.dataBytes),
      metadataBytes: buffer(event.metadataBytes),
    })),
  };
}
