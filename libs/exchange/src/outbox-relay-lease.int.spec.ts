import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { collectEvents, handleCommand, loadState, SqliteEventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { OutboxRelay } from './outbox-relay';

/** The relay's fencing: a gateway whose lease term has passed seals, records and sends nothing. */
describe('outbox relay under the gateway lease', () => {
  it('sends nothing while its lease is not held, and resumes from its checkpoint once it is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-relay-lease-'));
    const store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    const sent: unknown[] = [];
    const producer = { sendBatch: async (batch: unknown) => void sent.push(batch) } as unknown as Producer;
    const errors: string[] = [];
    let held = false;
    const caseId = uuidv7();
    const messageId = uuidv7();
    const relay = new OutboxRelay({
      store,
      producer,
      agencyId: 'VN.BGC.LAICHAU',
      lease: { held: () => held },
      runCommand: (decider, id, command) => handleCommand(store, decider, id, command),
      loadState: (decider, id) => loadState(store, decider, id),
      mapOutbound: (event) =>
        event.streamId === `notice-${caseId}`
          ? {
              kind: 'message',
              message: {
                messageId,
                category: 'notice',
                correlationId: caseId,
                counterpart: 'CN.YN.BORDERPOLICE',
                payloadType: 'xborder.v1.InformationNotice',
                payload: {},
              },
            }
          : { kind: 'none' },
      seal: async () => new Uint8Array([1, 2, 3]),
      onError: (error) => errors.push(String(error)),
    });
    try {
      await store.appendToStream(`notice-${caseId}`, [
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
      await relay.stop();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
