import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collectEvents, handleCommand, loadState, SqliteEventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import {
  CommandRunner,
  createKafka,
  ExchangeMetrics,
  InboxCodec,
  InboxGateway,
  inboxTopic,
  outboundMessageDecider,
  OpenedRecord,
  provisionInbox,
} from '.';

/**
 * The gateway's own account of a partition that fails, over the real broker. The codec is a stand-in
 * (the crypto is libs/envelope's, tested there and end to end): `HOLD` throws while held, `BOOM` always
 * throws, `GOOD:<id>` is a valid envelope, anything else is malformed.
 */
const US = `VN.GW.${randomUUID().slice(0, 8).toUpperCase()}`;
const THEM = `CN.GW.${randomUUID().slice(0, 8).toUpperCase()}`;
let held = true;

const codec: InboxCodec = {
  async open(bytes): Promise<OpenedRecord> {
    const text = Buffer.from(bytes).toString();
    if (text === 'HOLD' && held)
      throw Object.assign(new Error('store unavailable (held by the test)'), { code: 'EBUSY' });
    // A message quoting the record, as a parser's would: it must not reach health nor the refusal.
    if (text === 'BOOM') throw new TypeError('this record always fails: Nguyen Van A');
    if (text.startsWith('RECEIPT:')) {
      const id = text.slice(8);
      return {
        kind: 'receipt',
        ok: true,
        signer: THEM,
        receipt: {
          messageId: id,
          correlationId: id,
          receiver: THEM,
          status: 'accepted',
          envelopeSha256: id,
          receivedAt: new Date(0).toISOString(),
        },
      };
    }
    if (text.startsWith('GOOD:')) {
      const id = text.slice(5);
      return {
        kind: 'envelope',
        ok: true,
        header: {
          messageId: id,
          correlationId: id,
          sender: THEM,
          recipient: US,
          payloadType: 'x',
          sentAt: '',
        },
        payload: {},
        envelopeSha256: id,
      };
    }
    return {
      kind: 'unknown',
      ok: false,
      reason: 'MALFORMED',
      detail: 'test',
      senderAuthenticated: false,
      envelopeSha256: '',
    };
  },
  async signReceipt(receipt) {
    return Buffer.from(`receipt:${receipt.messageId}`);
  },
};

describe('the inbox gateway on a failing partition', () => {
  jest.setTimeout(120_000);
  const kafka = createKafka({
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    kafkaClientId: 'gw-test',
    kafkaSsl: false,
  } as never);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-gateway-'));
  const store = new SqliteEventStore({ file: path.join(dir, 'store.sqlite') });
  const metrics = new ExchangeMetrics();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const runCommand: CommandRunner = (decider, id, command) => handleCommand(store, decider, id, command);
  let gateway: InboxGateway;
  /** Receipts told to the case; the first telling fails as a gateway killed before it would. */
  const told: string[] = [];
  /** Per receipt told: whether the receipt was already committed when the case was told. */
  const receiptCommittedWhenTold = new Map<string, boolean>();
  let tellingFails = true;
  /** Held by the answer-budget test: a record whose applying waits on the test. */
  let gate: (messageId: string) => Promise<void> = async () => undefined;

  beforeAll(async () => {
    await provisionInbox(kafka, US, { partitions: 1, replicationFactor: 1 });
    await provisionInbox(kafka, THEM, { partitions: 1, replicationFactor: 1 });
    await producer.connect();
    gateway = new InboxGateway({
      kafka,
      producer,
      agencyId: US,
      codec,
      runCommand,
      loadState: (decider, id) => loadState(store, decider, id),
      applyInbound: async (header) => {
        await gate(header.messageId);
        return { accepted: true };
      },
      onReceipt: async (receipt) => {
        receiptCommittedWhenTold.set(
          receipt.messageId,
          (await collectEvents(store)).some(
            (e) => e.type === 'OutboundMessageReceipted' && e.streamId === `exchange-${receipt.messageId}`,
          ),
        );
        if (tellingFails) {
          tellingFails = false;
          throw Object.assign(new Error('killed before telling the case'), { code: 'EINTR' });
        }
        told.push(receipt.messageId);
      },
      store,
      metrics,
      maxRecordFailures: 4,
      // Every window's answers go at once: the budget test below needs no wait on the machine's speed.
      answerBudgetMs: 0,
    });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway.stop();
    await producer.disconnect();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const produce = (values: string[]) =>
    producer.send({
      topic: inboxTopic(US),
      acks: -1,
      messages: values.map((value) => ({ key: 'k', value })),
    });
  const recorded = async () =>
    (await collectEvents(store))
      .filter((e) => e.type === 'InboundMessageRecorded')
      .map((e) => (e.data as { messageId: string }).messageId);
  /** A message of ours, dispatched to THEM, for a receipt to answer. */
  const recordDispatch = (id: string) =>
    runCommand(outboundMessageDecider, id, {
      type: 'RecordDispatch',
      data: {
        messageId: id,
        correlationId: id,
        category: 'notice',
        counterpart: THEM,
        payloadType: 'x',
        envelope: '',
        envelopeSha256: id,
        queuedAt: '0',
      },
      metadata: { now: new Date(0).toISOString(), actor: 'system:relay', agencyId: US },
    });
  const gauge = async (name: 'consumerLag' | 'partitionFailing') =>
    (await metrics[name].get()).values.find((v) => v.labels.partition === '0')?.value;

  it('says a partition is failing, with its lag, while a record fails; then that it moves again', async () => {
    await produce(['GOOD:a', 'HOLD', 'GOOD:b']);
    const failing = await waitFor('partition 0 failing', () =>
      gateway.health().partitions.find((p) => p.failing),
    );
    expect(failing).toMatchObject({
      partition: 0,
      // The kind of failure only, never its message (failureKind): a message may echo the record.
      failing: { error: 'Error EBUSY' },
    });
    expect(failing.lag).toBeGreaterThanOrEqual(2);
    expect(await gauge('partitionFailing')).toBe(1);
    expect(await gauge('consumerLag')).toBeGreaterThanOrEqual(2);
    expect(await recorded()).toEqual(['a']);

    held = false;
    await waitFor('the record after the held one applied', async () => (await recorded()).includes('b'));
    await waitFor('partition 0 caught up', () => gateway.health().partitions[0]?.lag === 0);
    expect(gateway.health().partitions[0]).toEqual({ partition: 0, lag: 0 });
    expect([await gauge('partitionFailing'), await gauge('consumerLag')]).toEqual([0, 0]);
  });

  it('refuses a record that keeps failing as PROCESSING_FAILED and carries on', async () => {
    await produce(['BOOM', 'GOOD:c']);
    await waitFor('the record after it applied', async () => (await recorded()).includes('c'));
    // The refusal is written when the answers are flushed, after the records behind it were handled.
    const refusals = async () =>
      (await collectEvents(store)).filter((e) => e.type === 'AuditEnvelopeRefused').map((e) => e.data);
    const refused = await waitFor('the refusal written', async () => {
      const found = await refusals();
      return found.some((r) => (r as { reason?: string }).reason === 'PROCESSING_FAILED') ? found : undefined;
    });
    expect(refused).toContainEqual(
      expect.objectContaining({
        reason: 'PROCESSING_FAILED',
        detail: 'TypeError',
        rawBase64: Buffer.from('BOOM').toString('base64'),
      }),
    );
    expect(JSON.stringify(refused)).not.toContain('Nguyen Van A');
    await waitFor('partition 0 caught up', () => gateway.health().partitions[0]?.lag === 0);
    expect(gateway.health().partitions[0]).toEqual({ partition: 0, lag: 0 });
  });

  it('tells the case of a receipt recorded before a failure, when the record comes back', async () => {
    const id = randomUUID();
    await recordDispatch(id);
    await produce([`RECEIPT:${id}`]);
    await waitFor('the case told of the receipt', () => told.includes(id));
    const receipted = (await collectEvents(store)).filter(
      (e) => e.type === 'OutboundMessageReceipted' && e.streamId === `exchange-${id}`,
    );
    expect(receipted).toHaveLength(1);
    expect(told).toEqual([id]);
  });

  it('tells the case while the receipt is being recorded, so that both share one commit', async () => {
    const id = randomUUID();
    await recordDispatch(id);
    await produce([`RECEIPT:${id}`]);
    await waitFor('the case told of the receipt', () => told.includes(id));
    // Told one after the other, the case would find the receipt committed already (two fsyncs in a row).
    expect(receiptCommittedWhenTold.get(id)).toBe(false);
    await waitFor('the receipt recorded', async () =>
      (await collectEvents(store)).some(
        (e) => e.type === 'OutboundMessageReceipted' && e.streamId === `exchange-${id}`,
      ),
    );
  });

  it('commits the offsets of its last answers once idle, though the commit interval has not passed', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      await produce(ids.map((id) => `GOOD:${id}`));
      await waitFor('all three recorded', async () =>
        ids.every((id) => recorded().then((r) => r.includes(id))),
      );
      const [{ high }] = await admin.fetchTopicOffsets(inboxTopic(US));
      // Each answer is flushed at once (answerBudgetMs 0) but the offsets at most every 100 ms: the
      // last ones wait for the gateway to be idle, and nothing else would ever commit them.
      await waitFor('the offsets committed up to the last record', async () => {
        const [topic] = await admin.fetchOffsets({
          groupId: `xb-gateway-${US.toLowerCase()}`,
          topics: [inboxTopic(US)],
        });
        return topic?.partitions[0]?.offset === high;
      });
    } finally {
      await admin.disconnect();
    }
  });

  it("sends a record's receipt within the answer budget, before the rest of its batch is done", async () => {
    const admin = kafka.admin();
    await admin.connect();
    const receiptsSent = async () =>
      (await admin.fetchTopicOffsets(inboxTopic(THEM))).reduce((sum, p) => sum + Number(p.high), 0);
    try {
      const before = await receiptsSent();
      const first = randomUUID();
      const slow = `gate-${randomUUID()}`;
      // The second record is applied only once the first one's receipt is on the broker: were the
      // answers held until the batch ends, it would wait forever (waitFor gives up and the test fails).
      gate = async (messageId) => {
        if (messageId === slow)
          await waitFor('the first receipt sent', async () => (await receiptsSent()) > before);
      };
      await produce([`GOOD:${first}`, `GOOD:${slow}`]);
      await waitFor('both recorded', async () => (await recorded()).includes(slow));
      expect(await recorded()).toEqual(expect.arrayContaining([first, slow]));
      await waitFor('both receipts sent', async () => (await receiptsSent()) >= before + 2);
    } finally {
      gate = async () => undefined;
      await admin.disconnect();
    }
  });
});
