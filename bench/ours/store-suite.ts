import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Producer } from 'kafkajs';
import { domainError, type Command, type Decider, type DomainEvent } from '@xb/domain';
import {
  EventToAppend,
  handleCommand,
  readForFold,
  SqliteEventStore,
  type EventStore,
  type FoldEvent,
} from '@xb/event-store';
import { Resender } from '@xb/exchange';
import { BenchSuite } from '../harness/context';
import { interleavedRates } from '../harness/timing';

/** A tally: the smallest decider that reads its stream (it must be open) and appends one event a command. */
type TallyCommand = Command<'Count', { by: number }>;
type TallyEvent =
  DomainEvent<'Opened', Record<string, never>> | DomainEvent<'Counted', { by: number; note: string }>;
type TallyState = { status: 'none' } | { status: 'open'; total: number };
const tally: Decider<TallyCommand, TallyEvent, TallyState> = {
  category: 'benchtally',
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'Opened'
      ? { status: 'open', total: 0 }
      : state.status === 'open'
        ? { status: 'open', total: state.total + event.data.by }
        : state,
  decide: (command, state) =>
    state.status === 'open'
      ? [{ type: 'Counted', data: { by: command.data.by, note: NOTE } }]
      : domainError('NOT_FOUND', 'no such tally'),
};
/** ~300 bytes of data per event, as a case step's. */
const NOTE = 'Synthetic step text, no particulars. '.repeat(8);
const META = {
  correlationId: 'bench',
  actor: 'officer:bench',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};
const count: TallyCommand = {
  type: 'Count',
  data: { by: 1 },
  metadata: { now: META.occurredAt, actor: 'officer:bench', agencyId: 'VN.BGC.LAICHAU' },
};
const counted = (n: number): EventToAppend[] =>
  Array.from({ length: n }, () => ({ type: 'Counted', data: { by: 1, note: NOTE }, metadata: META }));

/**
 * The event store as the exchange uses it (SQLite, synchronous=FULL): commands on short and on
 * 1,000-event streams (folded from snapshots), a fold's read of a long stream (all columns vs type and
 * data only), commands under concurrency (group commit), and the resender's start-up over a store of
 * closed exchanges, from scratch and from its checkpoint.
 */
export const oursStoreSuite: BenchSuite = {
  name: 'ours-store',
  async run({ options, registry, cleanup, log }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-bench-store-'));
    const store = new SqliteEventStore({ file: path.join(dir, 'event-store.sqlite') });
    const close = cleanup.add('store suite', async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    try {
      const windowMs = options.seconds * 1000;
      const short = 500;
      const long = 8;
      log(`preparing ${short} short streams (4 events) and ${long} streams of 1,000 events`);
      for (let i = 0; i < short; i++) await open(store, `short${i}`, 3);
      for (let i = 0; i < long; i++) await open(store, `long${i}`, 999);
      let s = 0;
      let l = 0;
      let c = 0;
      const rates = await interleavedRates(options.rounds, windowMs, {
        short: () => handleCommand(store, tally, `short${s++ % short}`, count),
        long: () => handleCommand(store, tally, `long${l++ % long}`, count),
        concurrent: () =>
          Promise.all(
            Array.from({ length: 32 }, () => handleCommand(store, tally, `short${c++ % short}`, count)),
          ),
      });
      registry.record(
        'ours_store_command_per_s_short',
        rates.short.perSecond,
        'ops/s',
        'handleCommand, stream of ~4-20 events, one at a time',
      );
      registry.record(
        'ours_store_command_per_s_long',
        rates.long.perSecond,
        'ops/s',
        'handleCommand, stream of ~1,000 events (folded from its snapshot)',
      );
      registry.ratio(
        'command_long_vs_short',
        'ours_store_command_per_s_long',
        'ours_store_command_per_s_short',
      );
      registry.record(
        'ours_store_commands_per_s_concurrent',
        rates.concurrent.perSecond * 32,
        'ops/s',
        'handleCommand, 32 at once on distinct short streams (group commit)',
      );

      log('reading one 1,000-event stream for a fold: whole events vs type and data only');
      const stream = `${tally.category}-long0`;
      const fold = (events: readonly FoldEvent[]) =>
        events.reduce((state, e) => tally.evolve(state, e as TallyEvent), tally.initialState());
      const reads = await interleavedRates(options.rounds, windowMs, {
        whole: async () => fold(await store.readStream(stream)),
        foldOnly: async () => fold(await readForFold(store, stream)),
      });
      const events = (await readForFold(store, stream)).length;
      registry.record(
        'ours_store_fold_ms_per_1000_whole',
        (1000 / reads.whole.perSecond) * (1000 / events),
        'ms',
        'readStream (every column, metadata parsed) + fold, per 1,000 events',
      );
      registry.record(
        'ours_store_fold_ms_per_1000_fold_only',
        (1000 / reads.foldOnly.perSecond) * (1000 / events),
        'ms',
        'readStreamForFold (type, data as text) + fold, per 1,000 events',
      );

      const exchanges = options.scale === 'full' ? 100_000 : 10_000;
      log(`filling ${exchanges} closed exchanges (dispatched, receipted)`);
      await fillClosedExchanges(store, exchanges);
      const scratch = await resenderStartup(store, 'bench-resender');
      registry.record(
        'ours_resender_startup_ms_from_scratch',
        scratch,
        'ms',
        `first start, no checkpoint: ${exchanges} closed exchanges folded`,
      );
      const again = await resenderStartup(store, 'bench-resender');
      registry.record(
        'ours_resender_startup_ms',
        again,
        'ms',
        `start from its checkpoint with ${exchanges} closed exchanges in the store`,
      );
    } finally {
      await close();
    }
  },
};

async function open(store: EventStore, id: string, more: number): Promise<void> {
  await store.appendToStream(`${tally.category}-${id}`, [
    { type: 'Opened', data: {}, metadata: META },
    ...counted(more),
  ]);
}

async function fillClosedExchanges(store: EventStore, total: number): Promise<void> {
  const envelope = Buffer.alloc(1400, 7).toString('base64');
  const at = '2026-01-01T00:00:00.000Z';
  for (let start = 0; start < total; start += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, total - start) }, (_, i) => {
        const messageId = `0190a1b2-c3d4-7e5f-8a9b-${(start + i).toString(16).padStart(12, '0')}`;
        return store.appendToStream(`exchange-${messageId}`, [
          {
            type: 'OutboundMessageDispatched',
            data: {
              messageId,
              correlationId: messageId,
              category: 'notice',
              counterpart: 'CN.GX.DONGXING',
              payloadType: 'xb.v1.InformationNotice',
              envelope,
              envelopeSha256: '0'.repeat(64),
              queuedAt: '1',
              dispatchedAt: at,
            },
            metadata: META,
          },
          {
            type: 'OutboundMessageReceipted',
            data: {
              messageId,
              status: 'accepted',
              envelopeSha256: '0'.repeat(64),
              receivedAt: at,
              recordedAt: at,
            },
            metadata: META,
          },
        ]);
      }),
    );
  }
}

/** Milliseconds from start() to ready(); one tick afterwards saves the checkpoint for the next start. */
async function resenderStartup(store: EventStore, checkpointName: string): Promise<number> {
  const unused = new Proxy({} as Producer, {
    get: () => () => Promise.reject(new Error('the bench resender has nothing to send')),
  });
  const resender = new Resender({
    store,
    producer: unused,
    runCommand: (decider, id, command) => handleCommand(store, decider, id, command),
    agencyId: 'VN.BGC.LAICHAU',
    tickMs: 3_600_000,
    checkpointName,
  });
  const started = performance.now();
  resender.start();
  await resender.ready();
  const elapsed = performance.now() - started;
  await resender.tick();
  await resender.stop();
  return elapsed;
}
