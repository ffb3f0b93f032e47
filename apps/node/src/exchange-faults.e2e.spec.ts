import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openedEvents } from '@xb/event-store';
import { inboxTopic, outboundMappingOf } from '@xb/exchange';
import { loadNodeCrypto } from './runtime/node-crypto';
import { foreignRecords } from './testing/forged-records';
import { produceRaw } from './testing/kafka-records';
import { startLocalKafka, stopLocalKafka, waitFor } from '@xb/testing';
import { RunningNode } from './node-app';
import { ChildProcessNode } from './testing/child-process-node';
import { exchangeFacts, queueNotices } from './testing/exchange-facts';
import { expectExactlyOnce } from './testing/jest/exactly-once';
import { prepareAgencies, startTestNode, storeOf } from './testing/node-pair';

/**
 * Issue 5's fault tests: 1,000 exchanges in flight (an information notice sealed, sent, opened, applied,
 * receipted) through real Kafka, with a fault in the middle; each ends with every message delivered and
 * applied exactly once and every receipt recorded once.
 */
const EXCHANGES = 1_000;
// XB_TEST_GATEWAY_WINDOW=<n> runs the nodes with a gateway window of n (XB_GATEWAY_WINDOW): how a window
// larger than the default is proven to keep each case's order and apply each message once.
const window = process.env.XB_TEST_GATEWAY_WINDOW;
const fast = { XB_ROLES: 'gateway', ...(window ? { XB_GATEWAY_WINDOW: window } : {}) };

describe('exchange faults, 1,000 exchanges in flight', () => {
  // XB_TEST_FAULT_TIMEOUT_MS: more time on a machine shared with other jobs (the waits inside still end
  // on facts; only how long the test may take to reach them changes).
  const timeoutMs = Number(process.env.XB_TEST_FAULT_TIMEOUT_MS ?? 300_000);
  jest.setTimeout(timeoutMs);
  /** How long the last wait, for every receipt, may take: 180 s of the default 300. */
  const settleMs = timeoutMs - 120_000;

  it('(a) survives the broker stopping and restarting mid-batch', async () => {
    const port = Number(process.env.XB_TEST_FAULT_KAFKA_PORT ?? 19692);
    const kafkaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-kafka-fault-'));
    const brokers = await startLocalKafka(port, kafkaDir);
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { ...fast, KAFKA_BROKERS: brokers });
    const nodes: RunningNode[] = [];
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      nodes.push(await startTestNode(vn), await startTestNode(cn));
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES);
      await waitFor(
        'a third of the messages dispatched',
        async () => (await exchangeFacts(vnStore, cnStore)).dispatched.distinct >= EXCHANGES / 3,
        { timeoutMs: 120_000, intervalMs: 100 },
      );
      await stopLocalKafka(port, kafkaDir);
      await startLocalKafka(port, kafkaDir, { keepData: true });
      await expectExactlyOnce(vnStore, cnStore, EXCHANGES, settleMs);
    } finally {
      for (const node of nodes) await node.stop().catch(() => undefined);
      await Promise.all([vnStore.close(), cnStore.close()]);
      await stopLocalKafka(port, kafkaDir);
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(kafkaDir, { recursive: true, force: true });
    }
  });

  it('(b) survives each node being killed with SIGKILL mid-batch and restarted', async () => {
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], {
      ...fast,
      XB_TEST_RESEND_TICK_MS: '500',
    });
    const [vnChild, cnChild] = [new ChildProcessNode(vn), new ChildProcessNode(cn)];
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      await Promise.all([vnChild.start(), cnChild.start()]);
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES);
      await waitFor(
        'the receiver mid-batch',
        async () => (await exchangeFacts(vnStore, cnStore)).applied.distinct >= EXCHANGES / 5,
        { timeoutMs: 120_000, intervalMs: 50 },
      );
      await cnChild.kill();
      await cnChild.start();
      await waitFor(
        'the sender mid-batch',
        async () => (await exchangeFacts(vnStore, cnStore)).dispatched.distinct >= EXCHANGES / 2,
        { timeoutMs: 120_000, intervalMs: 50 },
      );
      await vnChild.kill();
      await vnChild.start();
      await expectExactlyOnce(vnStore, cnStore, EXCHANGES, settleMs);
    } finally {
      await Promise.all([vnChild.stop(), cnChild.stop()]);
      await Promise.all([vnStore.close(), cnStore.close()]);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('(c) applies each message once when duplicated, reordered and foreign records are injected into the inbox', async () => {
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], fast);
    const nodes: RunningNode[] = [];
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      nodes.push(await startTestNode(vn), await startTestNode(cn));
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES);
      await waitFor(
        'half of the messages dispatched',
        async () => (await exchangeFacts(vnStore, cnStore)).dispatched.distinct >= EXCHANGES / 2,
        { timeoutMs: 120_000, intervalMs: 100 },
      );

      // Copies of envelopes already sent, in shuffled order, mixed with records that must be refused.
      const dispatched = (await vnStore.readAll({ maxCount: 100_000 })).filter(
        (e) => e.type === 'OutboundMessageDispatched',
      );
      const copies = dispatched.map((e) => e.data as { correlationId: string; envelope: string });
      const duplicates = copies
        .flatMap((c, i) => (i % 2 === 0 ? [c, c] : [c]))
        .map((c) => ({ key: c.correlationId, value: Buffer.from(c.envelope, 'base64') }));
      // Mapped as the relay maps it: from the event with its particulars opened.
      const opened = await openedEvents(vnStore, await vnStore.readAll({ maxCount: 10 }));
      const sample = outboundMappingOf(opened.find((e) => outboundMappingOf(e).kind === 'message')!);
      const foreign = await foreignRecords(
        { agencyId: vn.agencyId, crypto: await loadNodeCrypto(vn.dataDir) },
        cn.agencyId,
        (sample as { message: { payloadType: string; payload: Record<string, unknown> } }).message,
      );
      const injected = [...duplicates, ...foreign.map((f, i) => ({ key: `foreign-${i}`, value: f.bytes }))];
      for (let i = injected.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [injected[i], injected[j]] = [injected[j], injected[i]];
      }
      await produceRaw(inboxTopic(cn.agencyId), injected);

      const facts = await expectExactlyOnce(vnStore, cnStore, EXCHANGES, settleMs);
      // The foreign records sit among ~1,500 injected copies, handled after the originals settle: on a
      // busy machine that takes longer than waitFor's default 30 s.
      const refused = await waitFor(
        'the foreign records refused',
        async () => {
          const f = await exchangeFacts(vnStore, cnStore);
          return f.refusedAtReceiver.length >= foreign.length ? f.refusedAtReceiver : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      expect(refused.sort()).toEqual(foreign.map((f) => f.reason).sort());
      expect(facts.rejectedReceipts).toEqual([]);
    } finally {
      for (const node of nodes) await node.stop().catch(() => undefined);
      await Promise.all([vnStore.close(), cnStore.close()]);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
