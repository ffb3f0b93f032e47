import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { collectEvents, handleCommand, loadState, SqliteEventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

/**
 * A relay over a fresh SQLite store whose notices (`notice-<case>` streams) each queue one message, and a
 * producer that keeps what it is given.
 */
function relayFixture(options: Partial<OutboxRelayOptions> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-relay-'));
  const store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
  const sent: unknown[] = [];
  const producer = { sendBatch: async (batch: unknown) => void sent.push(batch) } as unknown as Producer;
  const errors: string[] = [];
  const messageOf = new Map<string, string>();
  const relay = new OutboxRelay({
    store,
    producer,
    agencyId: 'VN.BGC.LAICHAU',
    runCommand: (decider, id, command) => handleCommand(store, decider, id, command),
    loadState: (decider, id) => loadState(store, decider, id),
    mapOutbound: (event) => {
      const caseId = event.streamId.startsWith('notice-')
        ? event.streamId.slice('notice-'.length)
        : undefined;
      return caseId
        ? {
            kind: 'message',
            message: {
              messageId: messageOf.get(caseId)!,
              category: 'notice',
              correlationId: caseId,
              counterpart: 'CN.YN.BORDERPOLICE',
              payloadType: 'xborder.v1.InformationNotice',
              payload: {},
            },
          }
        : { kind: 'none' };
    },
    seal: async () => new Uint8Array([1, 2, 3]),
    // As the node has it: the relay does not follow its own dispatch records.
    filter: { streamPrefixes: ['notice-'] },
    onError: (error) => errors.push(String(error)),
    ...options,
  });
  /** Queues one notice; resolves with its position in the store. */
  const queueNotice = async (): Promise<bigint> => {
    const caseId = uuidv7();
    messageOf.set(caseId, uuidv7());
    const appended = await store.appendToStream(`notice-${caseId}`, [
      {
        type: 'InformationNoticeSent',
        data: { caseId },
        metadata: {
          correlationId: caseId,
          actor: 'officer:t',
          occurredAt: '2031-01-01T00:00:00Z',
          schemaVersion: 1,
        },
      },
    ]);
    return appended.position;
  };
  const close = async () => {
    await relay.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { store, relay, sent, errors, queueNotice, close };
}

/** The relay's fencing: a gateway whose lease term has passed seals, records and sends nothing. */
describe('outbox relay under the gateway lease', () => {
  it('sends nothing while its lease is not held, and resumes from its checkpoint once it is', async () => {
    let held = false;
    const { store, relay, sent, errors, queueNotice, close } = relayFixture({ lease: { held: () => held } });
    try {
      await queueNotice();
      await relay.start();
      await waitFor(
        'the relay to refuse for want of the lease',
        () => errors.some((e) => e.includes('lease')),
        {
          timeoutMs: 5_000,
        },
      ).catch((e) => {
        throw new Error(`${e}; errors ${JSON.stringify(errors)}`);
      });
      expect(sent).toEqual([]);
      expect((await collectEvents(store)).map((e) => e.type)).toEqual(['InformationNoticeSent']);
      expect(await store.readCheckpoint('outbox-relay')).toBeUndefined();

      held = true;
      await waitFor('the message sent once the lease is held', () => sent.length === 1, {
        timeoutMs: 15_000,
      });
      expect((await collectEvents(store)).map((e) => e.type)).toContain('OutboundMessageDispatched');
    } finally {
      await close();
    }
  });
});

/** The checkpoint a batch earns rides in the next batch's commit, or is saved when the relay stops. */
describe('outbox relay checkpoint', () => {
  it('saves what Kafka acknowledged with the next batch, not in a commit of its own', async () => {
    // A delay no test waits for: only the next batch or the stop can save the checkpoint.
    const { store, relay, sent, queueNotice, close } = relayFixture({ checkpointDelayMs: 3_600_000 });
    try {
      const first = await queueNotice();
      await relay.start();
      await waitFor('the first message sent', () => sent.length === 1, { timeoutMs: 15_000 });
      expect(await store.readCheckpoint('outbox-relay')).toBeUndefined();

      const second = await queueNotice();
      await waitFor('the second message sent', () => sent.length === 2, { timeoutMs: 15_000 });
      // The first batch's checkpoint was written with the second batch's dispatch record.
      const dispatched = (await collectEvents(store)).filter((e) => e.type === 'OutboundMessageDispatched');
      expect(dispatched).toHaveLength(2);
      expect(await store.readCheckpoint('outbox-relay')).toBe(first);

      await relay.stop();
      expect(await store.readCheckpoint('outbox-relay')).toBe(second);
    } finally {
      await close();
    }
  });
});
