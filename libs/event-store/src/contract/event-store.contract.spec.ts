/**
 * The one contract every EventStore adapter passes (docs/conventions.md rule 6). Not a test file itself (no
 * tier in its name): adapters' test files call `describeEventStoreContract`. Each test uses streams of
 * its own category, so the suite also runs against a shared, non-empty EventStoreDB server.
 */
import {
  EventTooLargeError,
  InvalidStreamNameError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import type { EventStore, ExpectedRevision, RecordedEvent, StoredEvent } from '../port';
import { readAllStored, readForFold } from '../read-events';
import { SubscriptionReader, anEvent, numbered, uniqueCategory, utf8 } from './contract-helpers';

export interface ContractOptions {
  /** Largest event the store under test accepts (its configured limit). Default 1 MiB. */
  readonly maxEventBytes?: number;
}

export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  { maxEventBytes = 1024 * 1024 }: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let category: string;
    beforeEach(async () => {
      store = await makeStore();
      category = uniqueCategory();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('append and read a stream', () => {
      it('appends a batch to a new stream at revisions 0..n-1 and reads it back byte for byte', async () => {
        const stream = `${category}-1`;
        const data = { text: 'xin chào 你好 ສະບາຍດີ', nested: { list: [1, 2.5, null, true] } };
        const result = await store.appendToStream(
          stream,
          [anEvent('First', data), anEvent('Second', { n: 2 })],
          {
            expectedRevision: 'no_stream',
          },
        );
        expect(result.nextExpectedRevision).toBe(1n);
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.streamId, e.revision, e.type])).toEqual([
          [stream, 0n, 'First'],
          [stream, 1n, 'Second'],
        ]);
        expect(events[1].position).toBe(result.position);
        expect(events[0].position).toBeLessThan(events[1].position);
        expect(events[0].data).toEqual(data);
        expect(utf8(events[0].dataBytes)).toBe(JSON.stringify(data));
        expect(utf8(events[0].metadataBytes)).toBe(JSON.stringify(anEvent().metadata));
        expect(events[0].metadata).toEqual(anEvent().metadata);
        expect(Number.isNaN(Date.parse(events[0].recordedAt))).toBe(false);
      });

      it('keeps the event ids it is given and generates UUIDv7 ids when absent', async () => {
        const stream = `${category}-1`;
        const given = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
        await store.appendToStream(stream, [anEvent('A', {}, given), anEvent('B')]);
        const [first, second] = await store.readStream(stream);
        expect(first.id).toBe(given);
        expect(second.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      });

      it('reads forwards or backwards from a revision, inclusive, with a limit', async () => {
        const stream = `${category}-1`;
        await store.appendToStream(stream, numbered(5));
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(stream, options)).map((e) => e.revision);
        expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
        expect(await revisions({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
        expect(await revisions({ direction: 'backwards' })).toEqual([4n, 3n, 2n, 1n, 0n]);
        expect(await revisions({ direction: 'backwards', fromRevision: 3n, maxCount: 2 })).toEqual([3n, 2n]);
        expect(await revisions({ fromRevision: 9n })).toEqual([]);
      });

      it('throws StreamNotFoundError for a stream without events', async () => {
        await expect(store.readStream(`${category}-missing`)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('reads for a fold exactly the revisions, types and data readStream reads, from a revision on', async () => {
        const stream = `${category}-1`;
        const data = { text: 'xin chào 你好 ສະບາຍດີ', nested: { list: [1, 2.5, null, true] } };
        await store.appendToStream(stream, [anEvent('First', data), ...numbered(3)]);
        const full = await store.readStream(stream);
        const fold = await readForFold(store, stream);
        expect(fold).toEqual(full.map(({ revision, type, data: d }) => ({ revision, type, data: d })));
        expect(fold[0].data).toEqual(data);
        expect((await readForFold(store, stream, 2n)).map((e) => e.revision)).toEqual([2n, 3n]);
        expect(await readForFold(store, stream, 9n)).toEqual([]);
        await expect(readForFold(store, `${category}-missing`)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('reads the global order as stored bytes exactly as readAll reads it, unparsed', async () => {
        const stream = `${category}-1`;
        const data = { text: 'xin chào 你好 ສະບາຍດີ', nested: { list: [1, 2.5, null, true] } };
        await store.appendToStream(stream, [anEvent('First', data), ...numbered(2)]);
        // Positions need not be contiguous (EventStoreDB's are log offsets) and a shared server holds
        // other tests' events: read from this stream's first position, keep this stream's events.
        const [first] = await store.readStream(stream);
        const page = { fromPosition: first.position, maxCount: 100 };
        const full = (await store.readAll(page)).filter((e) => e.streamId === stream);
        const stored = (await readAllStored(store, page)).filter((e) => e.streamId === stream);
        const fields = (e: StoredEvent) => [
          e.position,
          e.streamId,
          e.revision,
          e.id,
          e.type,
          utf8(e.dataBytes),
          utf8(e.metadataBytes),
          e.recordedAt,
        ];
        expect(stored).toHaveLength(3);
        expect(stored.map(fields)).toEqual(full.map(fields));
        expect(utf8(stored[0].dataBytes)).toBe(JSON.stringify(data));
      });
    });

    describe('expected revision', () => {
      const cases: [string, ExpectedRevision, 'ok' | 'conflict'][] = [
        ['missing', 'any', 'ok'],
        ['missing', 'no_stream', 'ok'],
        ['missing', 'stream_exists', 'conflict'],
        ['missing', 0n, 'conflict'],
        ['at 1', 'any', 'ok'],
        ['at 1', 'no_stream', 'conflict'],
        ['at 1', 'stream_exists', 'ok'],
        ['at 1', 1n, 'ok'],
        ['at 1', 0n, 'conflict'],
        ['at 1', 2n, 'conflict'],
      ];
      it.each(cases)('stream %s, expected %p: %s', async (state, expected, outcome) => {
        const stream = `${category}-1`;
        if (state === 'at 1') await store.appendToStream(stream, numbered(2));
        const append = store.appendToStream(stream, [anEvent()], { expectedRevision: expected });
        if (outcome === 'ok') {
          expect((await append).nextExpectedRevision).toBe(state === 'at 1' ? 2n : 0n);
          return;
        }
        const error = await append.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          stream,
          expected,
          actual: state === 'at 1' ? 1n : 'no_stream',
        });
        const after = await store.readStream(stream).catch(() => []);
        expect(after).toHaveLength(state === 'at 1' ? 2 : 0);
      });

      it('lets exactly one of two racing appends at the same revision win', async () => {
        const stream = `${category}-1`;
        await store.appendToStream(stream, numbered(1));
        const results = await Promise.allSettled(
          [0, 1].map(() => store.appendToStream(stream, numbered(2), { expectedRevision: 0n })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: 2n });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('keeps concurrent appends to many streams apart: each its own outcome, none lost', async () => {
        await store.appendToStream(`${category}-0`, numbered(1));
        const results = await Promise.allSettled([
          ...Array.from({ length: 20 }, (_, i) =>
            store.appendToStream(`${category}-${i + 1}`, numbered(2), { expectedRevision: 'no_stream' }),
          ),
          store.appendToStream(`${category}-0`, numbered(1), { expectedRevision: 5n }),
          store.appendToStream(`${category}-0`, numbered(1), { expectedRevision: 0n }),
        ]);
        expect(results.slice(0, 20).every((r) => r.status === 'fulfilled')).toBe(true);
        expect(results[20]).toMatchObject({
          status: 'rejected',
          reason: { code: 'WRONG_EXPECTED_REVISION' },
        });
        expect(results[21]).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
        const positions = results
          .slice(0, 20)
          .map((r) => (r as PromiseFulfilledResult<{ position: bigint }>).value.position);
        expect(new Set(positions).size).toBe(20);
        for (let i = 1; i <= 20; i++) expect(await store.readStream(`${category}-${i}`)).toHaveLength(2);
        expect(await store.readStream(`${category}-0`)).toHaveLength(2);
      });

      it('treats the exact retry of an append (same ids, same expectation) as already done', async () => {
        const stream = `${category}-1`;
        const batch = [
          anEvent('A', {}, '0190a1b2-c3d4-7e5f-8a9b-000000000001'),
          anEvent('B', {}, '0190a1b2-c3d4-7e5f-8a9b-000000000002'),
        ];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('bad input leaves the store unchanged', () => {
      it.each([
        ['empty', ''],
        ['without a dash', 'NoDash'],
        ['with an upper-case category', 'UPPER-1'],
        ['of a system stream', '$system-1'],
        ['without an id', 'verification-'],
        ['with a space', 'a b-1'],
        ['with a slash', 'case/1-x'],
        ['of 302 characters', `x-${'y'.repeat(300)}`],
        ['in the reserved category', 'xbcheckpoint-relay'],
      ])('refuses a stream name %s with INVALID_STREAM_NAME', async (_label, stream) => {
        await expect(store.appendToStream(stream, [anEvent()])).rejects.toMatchObject({
          code: 'INVALID_STREAM_NAME',
        });
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(InvalidStreamNameError);
      });

      it('refuses an event over the size limit with EVENT_TOO_LARGE, writing none of its batch', async () => {
        const stream = `${category}-1`;
        const big = anEvent('Big', { blob: 'x'.repeat(maxEventBytes) });
        const error = await store.appendToStream(stream, [anEvent(), big]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventTooLargeError);
        expect(error).toMatchObject({ code: 'EVENT_TOO_LARGE', limit: maxEventBytes });
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('refuses an empty batch and data that is not JSON with INVALID_EVENT', async () => {
        const stream = `${category}-1`;
        await expect(store.appendToStream(stream, [])).rejects.toMatchObject({ code: 'INVALID_EVENT' });
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        await expect(store.appendToStream(stream, [anEvent('A', circular)])).rejects.toMatchObject({
          code: 'INVALID_EVENT',
        });
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('the global order', () => {
      it('reads $all forwards and backwards from a position, inclusive, in strictly increasing order', async () => {
        const a = await store.appendToStream(`${category}-a`, numbered(2));
        const b = await store.appendToStream(`${category}-b`, numbered(2));
        const ours = (events: RecordedEvent[]) => events.filter((e) => e.streamId.startsWith(category));
        const forwards = ours(await store.readAll({ fromPosition: a.position }));
        expect(forwards.map((e) => [e.streamId, e.revision])).toEqual([
          [`${category}-a`, 1n],
          [`${category}-b`, 0n],
          [`${category}-b`, 1n],
        ]);
        expect(forwards[2].position).toBe(b.position);
        for (let i = 1; i < forwards.length; i++)
          expect(forwards[i].position).toBeGreaterThan(forwards[i - 1].position);
        const backwards = await store.readAll({
          direction: 'backwards',
          fromPosition: b.position,
          maxCount: 2,
        });
        expect(backwards.map((e) => e.position)).toEqual([b.position, forwards[1].position]);
        const limited = await store.readAll({ fromPosition: a.position, maxCount: 1 });
        expect(limited.map((e) => e.position)).toEqual([a.position]);
      });
    });

    describe('subscriptions to the global order', () => {
      it('catches up after a position, then delivers live appends, in order', async () => {
        const start = await store.appendToStream(`${category}-0`, numbered(1));
        await store.appendToStream(`${category}-1`, numbered(2));
        const reader = new SubscriptionReader(
          store.subscribeToAll({ after: start.position, filter: { streamPrefixes: [`${category}-`] } }),
        );
        try {
          const caughtUp = await reader.take(2);
          expect(caughtUp.map((e) => [e.streamId, e.revision])).toEqual([
            [`${category}-1`, 0n],
            [`${category}-1`, 1n],
          ]);
          await store.appendToStream(`${category}-2`, numbered(1));
          const [live] = await reader.take(1);
          expect([live.streamId, live.revision]).toEqual([`${category}-2`, 0n]);
          expect(live.position).toBeGreaterThan(caughtUp[1].position);
        } finally {
          await reader.stop();
        }
      });

      it('filters by stream prefix and by event type', async () => {
        const start = await store.appendToStream(`${category}-start`, numbered(1));
        await store.appendToStream(`${category}x-1`, [anEvent('Kept'), anEvent('Dropped')]);
        await store.appendToStream(`${category}-1`, [anEvent('Kept'), anEvent('Dropped')]);
        const byPrefix = new SubscriptionReader(
          store.subscribeToAll({ after: start.position, filter: { streamPrefixes: [`${category}x-`] } }),
        );
        const byType = new SubscriptionReader(
          store.subscribeToAll({
            after: start.position,
            filter: { eventTypes: ['Kept'], streamPrefixes: [`${category}`] },
          }),
        );
        try {
          expect((await byPrefix.take(2)).map((e) => [e.streamId, e.type])).toEqual([
            [`${category}x-1`, 'Kept'],
            [`${category}x-1`, 'Dropped'],
          ]);
          expect((await byType.take(2)).map((e) => [e.streamId, e.type])).toEqual([
            [`${category}x-1`, 'Kept'],
            [`${category}-1`, 'Kept'],
          ]);
        } finally {
          await byPrefix.stop();
          await byType.stop();
        }
      });

      it('stopped and resumed from its checkpoint, sees every event exactly once, in order', async () => {
        const filter = { streamPrefixes: [`${category}-`] };
        const checkpoint = `contract.${category}`;
        const start = await store.appendToStream(`${category}-0`, numbered(1));
        await store.saveCheckpoint(checkpoint, start.position);
        await store.appendToStream(`${category}-1`, numbered(3));
        const seen: string[] = [];
        const first = new SubscriptionReader(
          store.subscribeToAll({ after: await store.readCheckpoint(checkpoint), filter }),
        );
        for (const event of await first.take(2)) {
          seen.push(`${event.streamId}@${event.revision}`);
          await store.saveCheckpoint(checkpoint, event.position);
        }
        await first.stop();
        await store.appendToStream(`${category}-2`, numbered(2));
        const resumed = new SubscriptionReader(
          store.subscribeToAll({ after: await store.readCheckpoint(checkpoint), filter }),
        );
        try {
          for (const event of await resumed.take(3)) seen.push(`${event.streamId}@${event.revision}`);
          await store.appendToStream(`${category}-3`, [anEvent('Sentinel')]);
          const [next] = await resumed.take(1);
          expect(next.type).toBe('Sentinel');
        } finally {
          await resumed.stop();
        }
        expect(seen).toEqual([
          `${category}-1@0`,
          `${category}-1@1`,
          `${category}-1@2`,
          `${category}-2@0`,
          `${category}-2@1`,
        ]);
      });

      it('ends the iteration when stopped while waiting for live events', async () => {
        const start = await store.appendToStream(`${category}-0`, numbered(1));
        const subscription = store.subscribeToAll({
          after: start.position,
          filter: { streamPrefixes: [`${category}-`] },
        });
        const iteration = (async () => {
          let count = 0;
          for await (const _event of subscription) count++;
          return count;
        })();
        await subscription.stop();
        await expect(iteration).resolves.toBe(0);
      });
    });

    describe('checkpoints', () => {
      it('reads undefined for a new checkpoint, then the last saved position', async () => {
        const name = `contract.${category}`;
        expect(await store.readCheckpoint(name)).toBeUndefined();
        await store.saveCheckpoint(name, 42n);
        await store.saveCheckpoint(name, 9007199254740993n);
        expect(await store.readCheckpoint(name)).toBe(9007199254740993n);
      });

      it('refuses a malformed checkpoint name', async () => {
        await expect(store.saveCheckpoint('Bad Name', 1n)).rejects.toMatchObject({
          code: 'INVALID_CHECKPOINT_NAME',
        });
      });
    });
  });
}
