import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { inboxTopic } from '@xb/exchange';
import { startLocalKafka, stopLocalKafka, waitFor } from '@xb/testing';
import { STOP_BOUND_MS } from './runtime/agency-node';
import { ChildProcessNode } from './testing/child-process-node';
import { queueNotices } from './testing/exchange-facts';
import { produceRaw } from './testing/kafka-records';
import { prepareAgencies, storeOf } from './testing/node-pair';

/**
 * Issue 13 item 5: a node stops within a bounded time whatever the broker does. The node runs every
 * default role in its own process, its gateway busy refusing junk; the broker is frozen (SIGSTOP: its
 * connections stay open and nothing answers, so every kafkajs request waits for its 30 s timeout, then
 * retries), a message is sealed so the relay is mid-send, then the node gets SIGTERM. Its parts get
 * STOP_BOUND_MS between them; the process must exit within that plus EXIT_SLACK_MS (closing the stores,
 * leaving the process). Without the bound this node was still running 20 s after SIGTERM.
 */
const EXIT_SLACK_MS = 10_000;

describe('stopping a node whose broker is gone', () => {
  jest.setTimeout(240_000);

  it(`exits within ${STOP_BOUND_MS + EXIT_SLACK_MS} ms of SIGTERM`, async () => {
    const port = Number(process.env.XB_TEST_FAULT_KAFKA_PORT ?? 19692);
    const kafkaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-kafka-stop-'));
    const brokers = await startLocalKafka(port, kafkaDir);
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { KAFKA_BROKERS: brokers });
    const node = new ChildProcessNode(vn);
    let pid = 0;
    const store = storeOf(vn);
    try {
      await node.start();
      const admin = new Kafka({
        clientId: 'xb-test-admin',
        brokers: [brokers],
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: inboxTopic(cn.agencyId) }] });
      await admin.disconnect();
      // The gateway mid-batch too: refusing junk (an audit event, a dead letter each) when the broker freezes.
      const junk = Array.from({ length: 3000 }, (_, i) => ({ key: `junk-${i}`, value: randomBytes(200) }));
      await produceRaw(inboxTopic(vn.agencyId), junk, brokers);
      await waitFor('the gateway refusing junk', async () =>
        (await store.readAll({ maxCount: 1000 })).some((e) => e.type === 'AuditEnvelopeRefused'),
      );
      pid = Number(fs.readFileSync(path.join(kafkaDir, 'kafka.pid'), 'utf8').trim());
      // Frozen, not gone: connections stay open and nothing answers, the worst case for a client.
      process.kill(pid, 'SIGSTOP');
      // Messages queued after the broker froze: the relay waits on a send that is never answered.
      await queueNotices(store, vn.agencyId, cn.agencyId, 3);
      await waitFor(
        'the relay to seal a message for the frozen broker',
        async () =>
          (await store.readAll({ maxCount: 10_000 })).some((e) => e.type === 'OutboundMessageDispatched'),
        { timeoutMs: 60_000 },
      );
      const exit = await node.terminate(STOP_BOUND_MS + EXIT_SLACK_MS);
      expect(exit.signal).toBeNull();
      expect(exit.code === 0 || node.log).toBe(true);
    } finally {
      await node.stop();
      process.kill(pid, 'SIGKILL');
      await store.close();
      await stopLocalKafka(port, kafkaDir);
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(kafkaDir, { recursive: true, force: true });
    }
  });
});
