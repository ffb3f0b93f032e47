import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { AddressInfo } from 'node:net';
import { Kafka } from 'kafkajs';
import { loadConfig, NodeConfig, nodeSettings } from '@xb/config';
import { createKafka, deadLetterTopic, inboxTopic } from '@xb/exchange';
import {
  LocalCluster,
  misnamedServerIdentity,
  startLocalCluster,
  strangerIdentity,
  waitForKafkaCoordinator,
} from '@xb/testing';
import { RunningNode } from './node-app';
import { exchangeFacts, queueNotices, untilFacts } from './testing/exchange-facts';
import { expectExactlyOnce } from './testing/jest/exactly-once';
import { prepareAgencies, startTestNode, storeOf, TestAgency } from './testing/node-pair';

/**
 * Issue 21: the secured three-broker cluster of `kafka.sh cluster` (SASL_SSL, SCRAM-SHA-512 per agency,
 * the StandardAuthorizer with the ACLs of docs/operations.md, replication 3, min.insync.replicas 2).
 * Clients are built by the node's own createKafka from the node's own settings.
 */
const EXCHANGES = 1_000;
const port = Number(process.env.XB_TEST_CLUSTER_KAFKA_PORT ?? 19892);

/** A kafkajs client from node settings, failing fast: these tests expect refusals, not retries. */
const clientOf = (env: NodeJS.ProcessEnv, retries = 0): Kafka =>
  createKafka(loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, env), {
    retry: { retries, initialRetryTime: 100 },
    connectionTimeout: 5_000,
    authenticationTimeout: 5_000,
  });

/** The broker's TLS alert to a client whose certificate is missing or not of the cluster's CA. */
const TLS_REFUSAL = /alert (bad certificate|certificate unknown|certificate required|unknown ca)/;

const without = (env: NodeJS.ProcessEnv, ...names: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));

const connectAdmin = async (kafka: Kafka) => {
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await admin.listTopics();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

describe('secured three-broker cluster', () => {
  jest.setTimeout(300_000);
  let cluster: LocalCluster | undefined;
  let root: string;
  let vn: TestAgency, cn: TestAgency;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-cluster-test-'));

  beforeAll(async () => {
    const prepared = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { XB_ROLES: 'gateway' });
    root = prepared.root;
    const ids = prepared.agencies.map((a) => a.agencyId);
    cluster = await startLocalCluster(port, ids);
    [vn, cn] = prepared.agencies.map((a) => ({ ...a, env: { ...a.env, ...cluster!.clientEnv(a.agencyId) } }));
    // The first test must meet the ACLs, not a group coordinator still loading.
    await waitForKafkaCoordinator(
      [],
      120_000,
      clientOf(vn.env, 2),
      `xb-gateway-${vn.agencyId.toLowerCase()}`,
    );
  });

  afterAll(async () => {
    await cluster?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("refuses an agency's credentials on another agency's inbox and dead letters (TOPIC_AUTHORIZATION_FAILED)", async () => {
    const kafka = clientOf(vn.env);
    for (const topic of [inboxTopic(cn.agencyId), deadLetterTopic(cn.agencyId)]) {
      const consumer = kafka.consumer({ groupId: `xb-gateway-${vn.agencyId.toLowerCase()}` });
      try {
        // Refused either when subscribing (no DESCRIBE on the topic) or when fetching (no READ).
        const refusal = await new Promise<unknown>((resolve) => {
          consumer.on(consumer.events.CRASH, (event) => resolve(event.payload.error));
          consumer
            .connect()
            .then(() => consumer.subscribe({ topics: [topic], fromBeginning: true }))
            .then(() => consumer.run({ eachMessage: async () => undefined }))
            .catch(resolve);
        });
        expect(String(refusal)).toMatch(/Not authorized to access topics: \[Topic authorization failed\]/);
      } finally {
        await consumer.disconnect().catch(() => undefined);
      }
    }
    // The same credentials read their own inbox: the refusal is the ACL, not the client.
    expect(await connectAdmin(kafka)).toContain(inboxTopic(vn.agencyId));
  });

  it('refuses a client without credentials, with a wrong password, without a certificate, or without TLS', async () => {
    const tlsOnly = without(vn.env, 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD');
    await expect(connectAdmin(clientOf(tlsOnly))).rejects.toThrow();
    await expect(
      connectAdmin(clientOf({ ...vn.env, KAFKA_SASL_PASSWORD: 'not-the-password' })),
    ).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    const noCertificate = without(vn.env, 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE');
    await expect(connectAdmin(clientOf(noCertificate))).rejects.toThrow(TLS_REFUSAL);
    const plain = without(noCertificate, 'KAFKA_SSL_CA_FILE');
    await expect(connectAdmin(clientOf({ ...plain, KAFKA_SSL: 'false' }))).rejects.toThrow();
  });

  it('refuses a certificate from a CA the cluster does not trust, either way round', async () => {
    const stranger = await strangerIdentity(path.join(scratch, 'stranger'));
    // The broker refuses the stranger's client certificate, although the password is right.
    await expect(
      connectAdmin(
        clientOf({ ...vn.env, KAFKA_SSL_CERT_FILE: stranger.certFile, KAFKA_SSL_KEY_FILE: stranger.keyFile }),
      ),
    ).rejects.toThrow(TLS_REFUSAL);
    // A client that trusts only the stranger's CA refuses the brokers.
    await expect(connectAdmin(clientOf({ ...vn.env, KAFKA_SSL_CA_FILE: stranger.certFile }))).rejects.toThrow(
      /self.signed|unable to (verify|get)/i,
    );
  });

  it('verifies host names: a certificate of our own CA for another host is refused', async () => {
    const misnamed = await misnamedServerIdentity(cluster!.tlsDir, path.join(scratch, 'misnamed'));
    const server = tls.createServer(
      { key: fs.readFileSync(misnamed.keyFile), cert: fs.readFileSync(misnamed.certFile) },
      (socket) => socket.destroy(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      await expect(connectAdmin(clientOf({ ...vn.env, KAFKA_BROKERS: address }))).rejects.toThrow(
        /does not match certificate's altnames/,
      );
    } finally {
      server.close();
    }
  });

  it(`delivers ${EXCHANGES} exchanges exactly once while one broker is killed and restarted`, async () => {
    const nodes: RunningNode[] = [];
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      nodes.push(await startTestNode(vn), await startTestNode(cn));
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES);
      await untilFacts(vnStore, cnStore, 'a fifth applied', (f) => f.applied.distinct >= EXCHANGES / 5);
      await cluster!.kill(2);
      const { applied } = await exchangeFacts(vnStore, cnStore);
      // Two of three replicas meet min.insync.replicas=2: the exchange goes on while broker 2 is down.
      await untilFacts(
        vnStore,
        cnStore,
        'progress with broker 2 down',
        (f) => f.applied.distinct >= Math.min(EXCHANGES, applied.distinct + 100),
      );
      await cluster!.restart(2);
      await expectExactlyOnce(vnStore, cnStore, EXCHANGES, 300_000);
    } finally {
      for (const node of nodes) await node.stop().catch(() => undefined);
      await Promise.all([vnStore.close(), cnStore.close()]);
    }
  }, 600_000);
});
