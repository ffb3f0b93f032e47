import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packedEnd, packedIs, packedPosition } from '../packed-events';
import type { StoredEvent } from '../port';
import { packRows } from './packed';
import { SqliteEventStore } from './sqlite-event-store';
import type { EventRow } from './statements';

const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let store: SqliteEventStore;
let file: string;
let n = 0;

const metadata = {
  correlationId: 'c-1',
  actor: 'officer:1',
  occurredAt: '2026-12-01T00:00:00Z',
  schemaVersion: 1,
};

beforeEach(async () => {
  file = path.join(dir, `store-${n++}.db`);
  store = new SqliteEventStore({ file });
  await store.appendToStream('case-a', [
    { type: 'Opened', data: { note: 'plain' }, metadata },
    { type: 'Noted', data: { note: 'Lào Cai, 老街, 🚩' }, metadata },
  ]);
  await store.appendToStream('case-b', [{ type: 'Opened', data: {}, metadata }]);
  // Written behind the adapter's back (its rules allow ASCII names only): text of several bytes per
  // character, and stored bytes that are not UTF-8 and hold NULs, which SQL must copy as they are.
  const raw = new Database(file);
  raw
    .prepare(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
       VALUES ('hồ-sơ-c', 0, 'id-raw', 'Đã ghi nhận', x'00ff00fe', x'', '2026-12-01T00:00:00Z')`,
    )
    .run();
  raw.close();
});
afterEach(() => store.close());

/** The packed encoding spelled out independently of the adapter (port.ts, PackedEvents). */
function expected(events: readonly StoredEvent[], headroom: number): Buffer {
  const u64 = (value: bigint) => Buffer.from(value.toString(16).padStart(16, '0'), 'hex');
  const field = (bytes: Uint8Array) => [
    Buffer.from(bytes.length.toString(16).padStart(8, '0'), 'hex'),
    Buffer.from(bytes),
  ];
  const text = (value: string) => field(Buffer.from(value, 'utf8'));
  return Buffer.concat(
    events.flatMap((event) => [
      Buffer.alloc(headroom),
      u64(event.position),
      ...text(event.streamId),
      u64(event.revision),
      ...text(event.id),
      ...text(event.type),
      ...field(event.dataBytes),
      ...field(event.metadataBytes),
    ]),
  );
}

describe('SqliteEventStore.readAllPacked', () => {
  it.each([0, 32])('packs every stored byte in the documented encoding (headroom %i)', async (headroom) => {
    const events = await store.readAllStored();
    const packed = await store.readAllPacked({ maxCount: 100, headroom });
    expect(packed).toMatchObject({ count: 4, lastPosition: 4n });
    expect(packed!.bytes.equals(expected(events, headroom))).toBe(true);
  });

  it('reads pages from a position, and nothing past the last event', async () => {
    const events = await store.readAllStored();
    const page = await store.readAllPacked({ fromPosition: 2n, maxCount: 2, headroom: 8 });
    expect(page).toMatchObject({ count: 2, lastPosition: 3n });
    expect(page!.bytes.equals(expected(events.slice(1, 3), 8))).toBe(true);
    expect(await store.readAllPacked({ fromPosition: 5n, maxCount: 2, headroom: 8 })).toBeUndefined();
  });

  it('packs the same in JS (the fallback) as in SQL', async () => {
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT * FROM events ORDER BY position').safeIntegers(true).all() as EventRow[];
    raw.close();
    const packed = await store.readAllPacked({ maxCount: 100, headroom: 32 });
    expect(packRows(rows, 32).bytes.equals(packed!.bytes)).toBe(true);
  });

  it('is walked event by event with packedEnd, packedPosition and packedIs', async () => {
    const { bytes } = (await store.readAllPacked({ maxCount: 100, headroom: 32 }))!;
    const seen: Array<[bigint, boolean]> = [];
    for (let at = 0; at < bytes.length; at = packedEnd(bytes, at + 32))
      seen.push([
        packedPosition(bytes, at + 32),
        packedIs(bytes, at + 32, Buffer.from('hồ-sơ-c'), Buffer.from('Đã ghi nhận')),
      ]);
    expect(seen).toEqual([
      [1n, false],
      [2n, false],
      [3n, false],
      [4n, true],
    ]);
  });
});
