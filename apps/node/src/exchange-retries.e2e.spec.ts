import fs from 'node:fs';
import { loadState } from '@xb/event-store';
import { createKafka, inboxTopic, outboundMessageDecider, provisionTopics } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { RunningNode } from './node-app';
import { exchangeFacts, queueNotices } from './testing/exchange-facts';
import { prepareAgencies, startTestNode, storeOf, TestAgency } from './testing/node-pair';

describe('an envelope without a receipt', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  const nodes: RunningNode[] = [];

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { XB_ROLES: 'gateway' }));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is re-sent with backoff under the same message id, flagged for an officer, and delivered once the counterpart answers', async () => {
    // The counterpart's inbox exists, but nobody reads it yet.
    const kafka = createKafka({
      kafkaBrokers: vn.env.KAFKA_BROKERS!.split(','),
      kafkaClientId: 'retry-test',
      kafkaSsl: false,
    } as never);
    await provisionTopics(kafka, { topics: [inboxTopic(cn.agencyId)], partitions: 3, replicationFactor: 1 });
    nodes.push(
      await startTestNode(vn, {
        retryPolicy: { initialDelayMs: 200, multiplier: 2, maxDelayMs: 1_000, maxAttempts: 3 },
        resendTickMs: 50,
      }),
    );
    const vnStore = storeOf(vn);
    const cnStore = storeOf(cn);
    try {
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, 1);
      const messageId = await waitFor('the dispatch', async () =>
        (await vnStore.readAll())
          .find((e) => e.type === 'OutboundMessageDispatched')
          ?.streamId.slice('exchange-'.length),
      );
      const flagged = await waitFor('the message flagged unacknowledged', async () => {
        const state = await loadState(vnStore, outboundMessageDecider, messageId);
        return state.status === 'unacknowledged' ? state : undefined;
      });
      expect(flagged).toMatchObject({ attempts: 3 });
      const stream = await vnStore.readStream(`exchange-${messageId}`);
      expect(stream.map((e) => e.type)).toEqual([
        'OutboundMessageDispatched',
        'OutboundMessageResent',
        'OutboundMessageResent',
        'OutboundMessageUnacknowledged',
      ]);
      expect((stream[3].data as { advice: string }).advice).toContain('hotline');

      // The counterpart comes back: three copies wait in its inbox; it applies one and answers each.
      nodes.push(await startTestNode(cn));
      const facts = await waitFor('the late delivery', async () => {
        const f = await exchangeFacts(vnStore, cnStore);
        return f.delivered.events === 1 && f.inboxRecords.events === 1 ? f : undefined;
      });
      expect(facts.applied).toEqual({ events: 1, distinct: 1 });
      expect(await loadState(vnStore, outboundMessageDecider, messageId)).toMatchObject({
        status: 'delivered',
      });
    } finally {
      await Promise.all([vnStore.close(), cnStore.close()]);
    }
  });
});
