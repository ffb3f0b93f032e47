import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { collectEvents, EventStore, RecordedEvent } from '@xb/event-store';
import { deadLetterTopic, inboxTopic } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { memoryIo } from '../../auditor/src/cli/io';
import { verifyCommand } from '../../auditor/src/commands/verify';
import { agencyKeyPaths } from '@xb/envelope';
import { RunningNode } from './node-app';
import { produceRaw, readRecords } from './testing/kafka-records';
import { prepareAgencies, startTestNode, storeOf, TestAgency } from './testing/node-pair';
import { noticeSealer } from './testing/sealed-notices';

/** Issue 13 items 1-3 and issue 14 item 4, against nodes over the real broker. */
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ofType = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type);
const dataOf = <T>(events: RecordedEvent[], type: string) => ofType(events, type).map((e) => e.data as T);

async function getJson(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('hostile records on the inbox', () => {
  jest.setTimeout(180_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let cnNode: RunningNode;
  const nodes: RunningNode[] = [];
  const stores: EventStore[] = [];

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { XB_ROLES: 'gateway' }));
    nodes.push(await startTestNode(vn));
    cnNode = await startTestNode(
      { ...cn, env: { ...cn.env, XB_ROLES: 'api,gateway,sealer' } },
      { sealEveryMs: 500 },
    );
    nodes.push(cnNode);
  });

  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const node of nodes) await node.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps a ~900 KB record by digest and an empty one whole; later messages on that partition are applied', async () => {
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    stores.push(vnStore, cnStore);
    const seal = await noticeSealer(vn, vnStore, cn.agencyId);
    const good = await seal(3);
    const large = randomBytes(900_000);
    await produceRaw(inboxTopic(cn.agencyId), [
      { key: 'large', value: large, partition: 0 },
      { key: 'empty', value: Buffer.alloc(0), partition: 0 },
      ...good.map((g) => ({ key: g.messageId, value: g.bytes, partition: 0 })),
    ]);

    // The refusals are written with the batch's answers, so they may land after the good records.
    const events = await waitFor('the three good messages recorded and both bad ones refused', async () => {
      const all = await collectEvents(cnStore);
      const recorded = dataOf<{ messageId: string }>(all, 'InboundMessageRecorded').map((r) => r.messageId);
      const sizes = dataOf<{ size?: number }>(all, 'AuditEnvelopeRefused').map((r) => r.size);
      const refusedBoth = sizes.includes(large.length) && sizes.includes(0);
      return good.every((g) => recorded.includes(g.messageId)) && refusedBoth ? all : undefined;
    });
    const refused = dataOf<Record<string, unknown>>(events, 'AuditEnvelopeRefused');
    expect(refused.find((r) => r.size === large.length)).toMatchObject({
      reason: 'MALFORMED',
      sha256: sha256(large),
      rawKeptAt: `kafka:${deadLetterTopic(cn.agencyId)}`,
    });
    expect(refused.find((r) => r.size === large.length)?.rawBase64).toBeUndefined();
    expect(refused.find((r) => r.size === 0)).toMatchObject({
      rawBase64: '',
      sha256: sha256(Buffer.alloc(0)),
    });

    // The large record's bytes are on the dead-letter topic, named by the digest in the audit event.
    const deadLetters = await readRecords(deadLetterTopic(cn.agencyId), (r) => r.length >= 2);
    const largeLetter = deadLetters.find((r) => r.headers['xb-sha256'] === sha256(large));
    expect(largeLetter?.value.equals(large)).toBe(true);
    expect(largeLetter?.headers).toMatchObject({ 'xb-reason': 'MALFORMED', 'xb-size': String(large.length) });

    // The partition moved on: no failure, no lag, and the metrics agree.
    const health = await waitFor('partition 0 caught up', async () => {
      const h = await getJson(`${cnNode.url}/health`);
      const p0 = (h.body.inbox as { partitions: { partition: number; lag: number }[] }).partitions.find(
        (p) => p.partition === 0,
      );
      return p0?.lag === 0 ? h : undefined;
    });
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`${cnNode.url}/metrics`)).text();
    expect(metrics).toMatch(/xb_inbox_consumer_lag\{partition="0"\} 0/);
    expect(metrics).toMatch(/xb_inbox_partition_failing\{partition="0"\} 0/);
    expect(metrics).toMatch(/xb_envelope_refusals_total\{reason="MALFORMED"\} 2/);
  });

  it('answers a duplicate with the recorded receipt, byte for byte', async () => {
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    stores.push(vnStore, cnStore);
    const seal = await noticeSealer(vn, vnStore, cn.agencyId);
    const [first] = await seal(1);
    await produceRaw(inboxTopic(cn.agencyId), [{ key: first.messageId, value: first.bytes }]);
    await waitFor('the first copy recorded', async () =>
      dataOf<{ messageId: string }>(await collectEvents(cnStore), 'InboundMessageRecorded').some(
        (r) => r.messageId === first.messageId,
      ),
    );
    await produceRaw(inboxTopic(cn.agencyId), [{ key: first.messageId, value: first.bytes }]);

    const receipts = (
      await readRecords(
        inboxTopic(vn.agencyId),
        (r) => r.filter((x) => x.headers['xb-receipt-for'] === first.messageId).length >= 2,
      )
    ).filter((r) => r.headers['xb-receipt-for'] === first.messageId);
    expect(receipts).toHaveLength(2);
    expect(receipts[1].value.equals(receipts[0].value)).toBe(true);
    const recorded = dataOf<{ messageId: string; receipt: string }>(
      await collectEvents(cnStore),
      'InboundMessageRecorded',
    ).find((r) => r.messageId === first.messageId);
    expect(Buffer.from(recorded!.receipt, 'base64').equals(receipts[0].value)).toBe(true);
  });
  // Last, as it stops CN: a graceful stop seals the trail to its end, so verify can call it intact.
  it('keeps a trail that the auditor verifies intact, hostile records and all', async () => {
    await cnNode.stop();
    nodes.splice(nodes.indexOf(cnNode), 1);
    const io = memoryIo();
    // CN's key as VN's trust store holds it: vouched for from outside the audited data.
    const exit = await verifyCommand(
      ['--data-dir', cn.dataDir, '--agency', cn.agencyId, '--keys', agencyKeyPaths(vn.dataDir).trustDir],
      io,
    );
    expect({ exit, out: io.stdout.join('\n') }).toMatchObject({ exit: 0 });
  });
});

describe('a counterpart without an inbox topic', () => {
  jest.setTimeout(180_000);

  it('parks the receipts it cannot send, keeps the inbox moving, says so, and sends them once the topic exists', async () => {
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { XB_ROLES: 'api,gateway' });
    // VN runs no node here: its inbox topic does not exist.
    const cnNode = await startTestNode(cn, {
      retryPolicy: { initialDelayMs: 300, multiplier: 1, maxDelayMs: 300, maxAttempts: 8 },
    });
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      const admin = cnNode.node.kafka.admin();
      await admin.connect();
      expect(await admin.listTopics()).not.toContain(inboxTopic(vn.agencyId));
      const seal = await noticeSealer(vn, vnStore, cn.agencyId);
      const good = await seal(3);
      const junk = randomBytes(64);
      await produceRaw(inboxTopic(cn.agencyId), [
        ...good.map((g) => ({ key: 'one-case', value: g.bytes, partition: 1 })),
        { key: 'junk', value: junk, partition: 1 },
      ]);

      const events = await waitFor('the messages applied and the record after them refused', async () => {
        const all = await collectEvents(cnStore);
        const refused = dataOf<{ sha256: string }>(all, 'AuditEnvelopeRefused');
        return ofType(all, 'InboundMessageRecorded').length === 3 &&
          ofType(all, 'ReceiptParked').length === 3 &&
          refused.some((r) => r.sha256 === sha256(junk))
          ? all
          : undefined;
      });
      expect(
        dataOf<{ messageId: string }>(events, 'ReceiptParked')
          .map((p) => p.messageId)
          .sort(),
      ).toEqual(good.map((g) => g.messageId).sort());
      const health = await getJson(`${cnNode.url}/health`);
      expect(health).toMatchObject({ status: 200, body: { status: 'ready', inbox: { receiptsParked: 3 } } });
      expect(await (await fetch(`${cnNode.url}/metrics`)).text()).toMatch(/xb_receipts_parked 3/);

      // The counterpart creates its topic: the parked receipts go out, exactly the recorded bytes.
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: inboxTopic(vn.agencyId), numPartitions: 1 }],
      });
      await admin.disconnect();
      const receipts = await readRecords(inboxTopic(vn.agencyId), (r) => r.length >= 3);
      const recorded = dataOf<{ messageId: string; receipt: string }>(
        await collectEvents(cnStore),
        'InboundMessageRecorded',
      );
      for (const r of recorded)
        expect(receipts.some((x) => x.value.equals(Buffer.from(r.receipt, 'base64')))).toBe(true);
      const sent = await waitFor('the parked receipts recorded as sent', async () => {
        const s = ofType(await collectEvents(cnStore), 'ParkedReceiptSent');
        return s.length === 3 ? s : undefined;
      });
      expect(sent).toHaveLength(3);
      expect((await getJson(`${cnNode.url}/health`)).body.inbox).toMatchObject({ receiptsParked: 0 });
    } finally {
      await cnNode.stop();
      await Promise.all([vnStore.close(), cnStore.close()]);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
