import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConcurrencyConflictError, StreamNotFoundError } from '../errors';
import type { EventStore } from '../port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { counter, increment, metadata, open } from './counter-decider.fixture';
import type { Command, Decider, DomainEvent } from '@xb/domain';
import { handleCommand, loadState } from './handle-command';

const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let store: SqliteEventStore;
let n = 0;
beforeEach(() => {
  store = new SqliteEventStore({ file: path.join(dir, `commands-${n++}.db`) });
});
afterEach(() => store.close());

/** The store as seen by a command that races another writer: it appends first, `races` times. */
function racing(inner: EventStore, races: number): { store: EventStore; appends: () => number } {
  let appends = 0;
  const store = Object.create(inner) as EventStore;
  store.appendToStream = async (stream, events, options) => {
    appends++;
    if (appends <= races) {
      const racer = {
        correlationId: 'x',
        actor: 'officer:other',
        occurredAt: metadata.now,
        schemaVersion: 1,
      };
      await inner.appendToStream(stream, [{ type: 'Incremented', data: { by: 100 }, metadata: racer }]);
    }
    return inner.appendToStream(stream, events, options);
  };
  return { store, appends: () => appends };
}

describe('handleCommand', () => {
  it('starts a missing stream from the initial state with expected no_stream, and fills event metadata', async () => {
    const outcome = await handleCommand(store, counter, 'c1', open());
    expect(outcome).toMatchObject({
      kind: 'Accepted',
      streamId: 'counter-c1',
      revision: 0n,
      events: [{ type: 'CounterOpened' }],
    });
    await handleCommand(store, counter, 'c1', increment(5, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'));
    const [opened, incremented] = await store.readStream('counter-c1');
    expect(opened.metadata).toEqual({
      correlationId: 'c1',
      actor: 'officer:42',
      occurredAt: metadata.now,
      schemaVersion: 1,
    });
    expect(incremented.metadata).toEqual({
      correlationId: 'c1',
      causationId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      actor: 'officer:42',
      occurredAt: metadata.now,
      schemaVersion: 1,
    });
    expect(incremented.data).toEqual({ by: 5 });
  });

  it('returns a DomainError as a value and leaves the store unchanged', async () => {
    expect(await handleCommand(store, counter, 'c1', increment(1))).toMatchObject({
      kind: 'DomainError',
      code: 'NOT_FOUND',
    });
    await expect(store.readStream('counter-c1')).rejects.toBeInstanceOf(StreamNotFoundError);
    await handleCommand(store, counter, 'c1', open());
    expect(await handleCommand(store, counter, 'c1', open())).toMatchObject({
      kind: 'DomainError',
      code: 'ALREADY_EXISTS',
    });
    expect(await store.readStream('counter-c1')).toHaveLength(1);
  });

  it('appends nothing when the decider decides no events', async () => {
    await handleCommand(store, counter, 'c1', open());
    const outcome = await handleCommand(store, counter, 'c1', { type: 'Touch', data: {}, metadata });
    expect(outcome).toEqual({
      kind: 'Accepted',
      streamId: 'counter-c1',
      events: [],
      state: { status: 'open', value: 0 },
      revision: 0n,
      position: undefined,
    });
    expect(await store.readStream('counter-c1')).toHaveLength(1);
  });

  it('returns the state with the new events folded in, the same as loading the stream', async () => {
    await handleCommand(store, counter, 'c1', open());
    const outcome = await handleCommand(store, counter, 'c1', increment(5));
    expect(outcome).toMatchObject({ kind: 'Accepted', state: { status: 'open', value: 5 } });
    expect(await loadState(store, counter, 'c1')).toEqual({ status: 'open', value: 5 });
  });

  it('decides again on the newer state after losing a race, when the decider allows it', async () => {
    await handleCommand(store, counter, 'c1', open());
    const contested = racing(store, 2);
    const outcome = await handleCommand(contested.store, counter, 'c1', increment(1));
    expect(outcome).toMatchObject({ kind: 'Accepted', revision: 3n });
    expect(contested.appends()).toBe(3);
    expect((await store.readStream('counter-c1')).map((e) => e.data)).toEqual([
      {},
      { by: 100 },
      { by: 100 },
      { by: 1 },
    ]);
  });

  it('refuses with ConcurrencyConflictError when the decider does not allow a retry', async () => {
    const contested = racing(store, 1);
    const error = await handleCommand(contested.store, counter, 'c1', open()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect(error).toMatchObject({ code: 'CONCURRENCY_CONFLICT', stream: 'counter-c1', attempts: 1 });
    expect((await store.readStream('counter-c1')).map((e) => e.type)).toEqual(['Incremented']);
  });

  it('gives up after the bounded number of retries', async () => {
    await handleCommand(store, counter, 'c1', open());
    const contested = racing(store, 10);
    const error = await handleCommand(contested.store, counter, 'c1', increment(1), { maxRetries: 3 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'CONCURRENCY_CONFLICT', attempts: 4 });
    expect(contested.appends()).toBe(4);
    expect(
      (await store.readStream('counter-c1')).filter((e) => e.data && (e.data as { by?: number }).by === 1),
    ).toEqual([]);
  });
});

/** Records the command's data as its event, so a test sees exactly what a decider was given. */
const notes: Decider<Command, DomainEvent, null> = {
  category: 'note',
  initialState: () => null,
  evolve: (state) => state,
  decide: (command) => [{ type: 'Noted', data: command.data }],
};

describe('handleCommand: the text boundary', () => {
  it('gives the decider text in NFC, so both Vietnamese forms are stored as one string', async () => {
    const name = 'Nguyễn Thị Hồng';
    await handleCommand(store, notes, 'n1', {
      type: 'Note',
      data: { name: name.normalize('NFD') },
      metadata,
    });
    const [event] = await store.readStream('note-n1');
    expect(event.data).toEqual({ name });
  });

  it('refuses text that breaks a rule before deciding, naming field and rule, and appends nothing', async () => {
    const outcome = await handleCommand(store, notes, 'n2', {
      type: 'Note',
      data: { victim: { name: { original: 'Hồng\u202E' } } },
      metadata,
    });
    expect(outcome).toEqual({
      kind: 'DomainError',
      code: 'VALIDATION_FAILED',
      field: 'victim.name.original',
      rule: 'BIDI_CONTROL',
      reason: expect.stringMatching(/^victim\.name\.original: /),
    });
    expect(JSON.stringify(outcome)).not.toContain('Hồng');
    await expect(store.readStream('note-n2')).rejects.toBeInstanceOf(StreamNotFoundError);
  });
});

describe('handleCommand on a long stream (snapshots)', () => {
  const fill = async (target: EventStore, count: number) => {
    await handleCommand(target, counter, 'long', open());
    const meta = { correlationId: 'long', actor: 'officer:42', occurredAt: metadata.now, schemaVersion: 1 };
    await target.appendToStream(
      'counter-long',
      Array.from({ length: count }, () => ({ type: 'Incremented', data: { by: 1 }, metadata: meta })),
    );
  };

  it('folds from its snapshot only what was appended since, by this or another store on the file', async () => {
    await fill(store, 120);
    const read = jest.spyOn(store, 'readStreamForFold');
    expect(await handleCommand(store, counter, 'long', increment(1))).toMatchObject({
      state: { value: 121 },
      revision: 121n,
    });
    expect(read).toHaveBeenLastCalledWith('counter-long', 0n);
    expect(await handleCommand(store, counter, 'long', increment(1))).toMatchObject({
      state: { value: 122 },
    });
    expect(read).toHaveBeenLastCalledWith('counter-long', 122n);
    const other = new SqliteEventStore({ file: path.join(dir, `commands-${n - 1}.db`) });
    try {
      await handleCommand(other, counter, 'long', increment(10));
    } finally {
      await other.close();
    }
    expect(await handleCommand(store, counter, 'long', increment(1))).toMatchObject({
      state: { value: 133 },
      revision: 124n,
    });
    expect(read).toHaveBeenLastCalledWith('counter-long', 123n);
    expect(await loadState(store, counter, 'long')).toEqual({ status: 'open', value: 133 });
    const folded = (await store.readStream('counter-long')).reduce(
      (state, event) => counter.evolve(state, event as never),
      counter.initialState(),
    );
    expect(folded).toEqual({ status: 'open', value: 133 });
  });

  it('decides a refused command on the snapshot and leaves it as it was', async () => {
    await fill(store, 60);
    await handleCommand(store, counter, 'long', increment(1));
    expect(await handleCommand(store, counter, 'long', open())).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await loadState(store, counter, 'long')).toEqual({ status: 'open', value: 61 });
  });

  it('keeps no snapshot of a short stream', async () => {
    await handleCommand(store, counter, 'short', open());
    await handleCommand(store, counter, 'short', increment(1));
    const read = jest.spyOn(store, 'readStreamForFold');
    await handleCommand(store, counter, 'short', increment(1));
    expect(read).toHaveBeenLastCalledWith('counter-short', 0n);
  });
});
