/**
 * Packed pages read ahead on a worker thread with its own read-only connection: SQLite's reading
 * and packing (two thirds of the CPU of an audit verify walk) runs beside the caller, which hashes the
 * pages in order. A page is a range of positions (page i holds those from `from + i * maxCount`), so
 * readers could take turns without telling each other; pages are handed over without a copy (their
 * memory is transferred).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { PackedEvents, PackedReadOptions } from '../port';
import { inOrder, PACKED_RANGE } from './packed';

/**
 * Readers. Two (with the caller, three threads on the bench's two cores) were measured against one, in
 * turns at load 9-12: 15-20 µs of CPU per event against 11-14, and no faster; kept as a setting here.
 */
const READERS = 1;
/** Pages a reader may read before the caller has taken them. */
const AHEAD = 2;

/** The reader's code, run with `eval` so the same file serves the compiled build and the tests' TypeScript. */
const READER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.driver);
const db = new Database(w.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const range = db.prepare(w.sql).safeIntegers(true);
let from = w.from;
let credits = w.ahead;
function pump() {
  for (; credits > 0 && from <= w.upTo; from += w.stride) {
    credits -= 1;
    const row = range.get(w.headroom, from, from + w.span);
    const bytes = row.bytes;
    const page = { count: Number(row.count), lastPosition: row.last, from };
    if (bytes === null) parentPort.postMessage(page);
    else parentPort.postMessage({ ...page, buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length }, [bytes.buffer]);
  }
  if (from > w.upTo) parentPort.postMessage(null);
}
parentPort.on('message', () => { credits += 1; pump(); });
pump();
`;

interface RangeMessage {
  readonly count: number;
  readonly lastPosition: bigint | null;
  /** The first position of the range. */
  readonly from: bigint;
  readonly buffer?: ArrayBuffer;
  readonly offset?: number;
  readonly length?: number;
}

export interface PackedAheadOptions extends PackedReadOptions {
  /** The last position wanted: reading stops after the page whose range holds it. */
  readonly upTo: bigint;
}

/**
 * The non-empty pages of `maxCount` positions each from `fromPosition` up to the one holding `upTo`, in
 * order (a page has fewer events where positions are missing). `readRange` packs a range on the calling
 * thread: used when SQLite returned one out of order (see packed.ts).
 */
export async function* packedPagesAhead(
  file: string,
  options: PackedAheadOptions,
  readRange: (from: bigint, before: bigint, headroom: number) => PackedEvents | undefined,
): AsyncGenerator<PackedEvents> {
  const span = BigInt(options.maxCount);
  const from = options.fromPosition ?? 0n;
  const readers = Array.from({ length: READERS }, (_, i) =>
    startReader(file, {
      driver: createRequire(__filename).resolve('better-sqlite3'),
      file,
      sql: PACKED_RANGE,
      from: from + BigInt(i) * span,
      stride: BigInt(READERS) * span,
      span,
      upTo: options.upTo,
      headroom: options.headroom,
      ahead: AHEAD,
    }),
  );
  try {
    for (let turn = 0; ; turn = (turn + 1) % READERS) {
      const message = await readers[turn].next();
      if (message === null) return;
      const page = toPage(message);
      if (!page) continue;
      if (inOrder(page, options.headroom)) yield page;
      else {
        const again = readRange(message.from, message.from + span, options.headroom);
        if (again) yield again;
      }
    }
  } finally {
    await Promise.all(readers.map((reader) => reader.stop()));
  }
}

function toPage(message: RangeMessage): PackedEvents | undefined {
  const { count, lastPosition, buffer } = message;
  if (count === 0 || lastPosition === null || buffer === undefined) return undefined;
  return { count, lastPosition, bytes: Buffer.from(buffer, message.offset, message.length) };
}

interface Reader {
  /** The reader's next range, or null after its last. */
  next(): Promise<RangeMessage | null>;
  stop(): Promise<void>;
}

function startReader(file: string, workerData: Record<string, unknown>): Reader {
  const worker = new Worker(READER, { eval: true, workerData });
  const arrived: Array<RangeMessage | null> = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: RangeMessage | null) => {
    arrived.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the packed page reader of ${file} stopped (exit code ${code})`);
    notify();
  });
  return {
    async next() {
      while (arrived.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = arrived.shift()!;
      if (message !== null) worker.postMessage('more');
      return message;
    },
    async stop() {
      worker.removeAllListeners();
      await worker.terminate();
    },
  };
}
