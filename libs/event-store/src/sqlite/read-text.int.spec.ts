import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventStore } from '../port';
import { readAllText } from '../read-events';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-text-'));
let store: SqliteEventStore;

const metadata = {
  correlationId: 'c-1',
  actor: 'officer:1',
  occurredAt: '2026-12-01T00:00:00Z',
  schemaVersion: 1,
};

beforeAll(async () => {
  store = new SqliteEventStore({ file: path.join(dir, 'store.db') });
  await store.appendToStream('case-a', [
    { type: 'Opened', data: { note: 'plain' }, metadata },
    { type: 'Noted', data: { note: 'Lào Cai, 老街, 🚩' }, metadata: { ...metadata, extra: [1, 2] } },
  ]);
  await store.appendToStream('case-b', [{ type: 'Opened', data: {}, metadata }]);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `readAll` gives, as readAllText should give it: the stored bytes as text, nothing parsed. */
const asText = async (options: Parameters<EventStore['readAll']>[0]) =>
  (await store.readAll(options)).map(({ data, metadata, dataBytes, metadataBytes, ...event }) => {
    expect(JSON.parse(Buffer.from(dataBytes).toString('utf8'))).toEqual(data);
    expect(JSON.parse(Buffer.from(metadataBytes).toString('utf8'))).toEqual(metadata);
    return {
      ...event,
      dataText: Buffer.from(dataBytes).toString('utf8'),
      metadataText: Buffer.from(metadataBytes).toString('utf8'),
    };
  });

describe('SqliteEventStore.readAllText', () => {
  it.each([
    {},
    { fromPosition: 2n },
    { maxCount: 2 },
    { direction: 'backwards' as const },
    { direction: 'backwards' as const, fromPosition: 2n, maxCount: 1 },
  ])('gives what readAll gives, data and metadata as the stored text (%o)', async (options) => {
    const expected = await asText(options);
    expect(expected.length).toBeGreaterThan(0);
    expect(await store.readAllText(options)).toEqual(expected);
  });

  it('is what readAllText falls back to for a store without it', async () => {
    // The same store seen through a wrapper that lacks the method.
    const plain = Object.assign(Object.create(store) as EventStore, { readAllText: undefined });
    expect(await readAllText(plain, { fromPosition: 2n })).toEqual(
      await store.readAllText({ fromPosition: 2n }),
    );
  });
});
