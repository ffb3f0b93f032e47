/**
 * Packed pages read ahead on a worker thread with its own read-only connection: SQLite's reading and
 * packing (about half the CPU of an audit verify walk) runs on a second core while the caller hashes
 * the page before. Pages are handed over without a copy (their memory is transferred).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PackedEvents, PackedReadOptions } from '../port';
import { inOrder, PACKED_PAGE } from './packed';

/** Pages the worker may read before the caller has taken them: enough to never wait on either side. */
const AHEAD = 2;

/** The worker's code, run with `eval` so the same file serves the compiled build and the tests' TypeScript. */
const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.driver);
const db = new Database(w.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const page = db.prepare(w.sql).safeIntegers(true);
let from = w.fromPosition;
let credits = w.ahead;
let done = false;
function pump() {
  while (credits > 0 && !done) {
    credits -= 1;
    const row = page.get(w.headroom, from, w.maxCount);
    if (row.count === 0n || row.last === null) { done = true; parentPort.postMessage(null); return; }
    const bytes = row.bytes;
    const message = { count: Number(row.count), lastPosition: row.last, buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length };
    try { parentPort.postMessage(message, [bytes.buffer]); } catch { parentPort.postMessage(message); }
    if (row.last >= w.upTo || row.count < BigInt(w.maxCount)) { done = true; parentPort.postMessage(null); return; }
    from = row.last + 1n;
  }
}
parentPort.on('message', () => { credits += 1; pump(); });
pump();
`;

interface PageMessage {
  count: number;
  lastPosition: bigint;
  buffer: ArrayBuffer;
  offset: number;
  length: number;
}

export interface PackedAheadOptions extends PackedReadOptions {
  /** The last position wanted: the worker stops after the page that reaches it. */
  readonly upTo: bigint;
}

/**
 * The pages from `fromPosition` up to the one holding `upTo`, in order. `readPage` reads one page on the
 * calling thread: used when SQLite returned a page out of order (see packed.ts).
 */
export async function* packedPagesAhead(
  file: string,
  options: PackedAheadOptions,
  readPage: (options: PackedReadOptions) => PackedEvents | undefined,
): AsyncGenerator<PackedEvents> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      driver: createRequire(__filename).resolve('better-sqlite3'),
      file,
      sql: PACKED_PAGE,
      fromPosition: options.fromPosition ?? 0n,
      upTo: options.upTo,
      maxCount: options.maxCount,
      headroom: options.headroom,
      ahead: AHEAD,
    },
  });
  const arrived: Array<PageMessage | null> = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: PageMessage | null) => {
    arrived.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the packed page reader stopped (exit code ${code})`);
    notify();
  });
  let from = options.fromPosition ?? 0n;
  try {
    for (;;) {
      while (arrived.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = arrived.shift()!;
      if (message === null) return;
      worker.postMessage('more');
      const page = {
        count: message.count,
        lastPosition: message.lastPosition,
        bytes: Buffer.from(message.buffer, message.offset, message.length),
      };
      if (inOrder(page, options.headroom)) yield page;
      else {
        const again = readPage({ ...options, fromPosition: from });
        if (again) yield again;
      }
      from = page.lastPosition + 1n;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
