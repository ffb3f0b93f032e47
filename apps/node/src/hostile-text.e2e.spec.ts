import fs from 'node:fs';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { jointOperationDecider, JointOperationState } from '@xb/domain';
import { loadState } from '@xb/event-store';
import { inboxTopic } from '@xb/exchange';
import { openReadModelDb } from '@xb/read-models';
import { TEST_DATABASE_URL, waitFor } from '@xb/testing';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode } from './node-app';
import { loadNodeCrypto } from './runtime/node-crypto';
import { craftEnvelope } from './testing/forged-records';
import { queuedWireMessage } from './testing/exchange-facts';
import { produceRaw } from './testing/kafka-records';
import { prepareAgencies, startTestNode, storeOf, TestAgency, tokenFor } from './testing/node-pair';

const NAME = 'Chiến dịch Nguyễn Thị Hồng';
const NAME_COMBINING = NAME.normalize('NFD');
const SCHEMA = `xb_h3_hostile_${uuidv7().replace(/-/g, '').slice(-12)}`;

const proposalBody = (counterpart: string, name: string) => {
  const example = COMMAND_ROUTES.find((r) => r.command === 'ProposeJointOperation')!.example(new Date()) as {
    terms: object;
  };
  return { ...example, counterpart, terms: { ...example.terms, name } };
};

describe('hostile text through the API and the gateway, with PostgreSQL read models', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  const nodes: RunningNode[] = [];
  let vnNode: RunningNode;
  let cnNode: RunningNode;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
    vn.env.DATABASE_URL = `${TEST_DATABASE_URL}?schema=${SCHEMA}`;
    vnNode = await startTestNode(vn);
    cnNode = await startTestNode(cn);
    nodes.push(vnNode, cnNode);
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    const { db, close } = await openReadModelDb({ databaseUrl: TEST_DATABASE_URL, schema: SCHEMA });
    await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(db);
    await close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const api = async (node: RunningNode, agency: TestAgency, path: string, body?: unknown) => {
    const token = await tokenFor(agency, { id: 'lo-1', roles: ['liaison_officer', 'border_guard_command'] });
    const response = await fetch(`${node.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever JSON came back
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('refuses a NUL in a joint operation name through the API, and the projector keeps going', async () => {
    const refused = await api(
      vnNode,
      vn,
      '/api/joint-operations',
      proposalBody(cn.agencyId, `${NAME}\u0000`),
    );
    expect(refused).toEqual({
      status: 400,
      body: expect.objectContaining({
        code: 'VALIDATION_FAILED',
        field: 'terms.name',
        rule: 'CONTROL_CHARACTER',
      }),
    });
    expect(JSON.stringify(refused.body)).not.toContain('Hồng');
    const health = await api(vnNode, vn, '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ready', projector: { parked: 0 } } });
  });

  it('refuses a bidi override in a counterpart’s proposal, and stores a combining-marks name as NFC', async () => {
    expect((await api(cnNode, cn, '/api/joint-operations', proposalBody(vn.agencyId, NAME))).status).toBe(
      201,
    );
    const cnStore = storeOf(cn);
    const vnStore = storeOf(vn);
    try {
      await waitFor('the proposal queued', async () => {
        await queuedWireMessage(cnStore, 'xborder.v1.JointOperationProposal');
        return true;
      });
      const message = await queuedWireMessage(cnStore, 'xborder.v1.JointOperationProposal');
      const crypto = await loadNodeCrypto(cn.dataDir);
      // CN's own API would refuse these names; a counterpart built from the contract alone might not.
      const send = async (name: string) => {
        const payload = message.payload as { terms: Record<string, unknown> };
        const messageId = uuidv7();
        const bytes = await craftEnvelope({
          claimedSender: cn.agencyId,
          addressedTo: vn.agencyId,
          signingKey: crypto.ownKeys.current,
          encryptTo: [crypto.trustStore.encryptionKeyFor(vn.agencyId, new Date())!, crypto.ownPublicKey],
          payloadType: message.payloadType,
          payload: { ...payload, terms: { ...payload.terms, name } },
          messageId,
        });
        await produceRaw(inboxTopic(vn.agencyId), [{ key: messageId, value: bytes }]);
        return messageId;
      };
      const overridden = await send(`${NAME}\u202E`);
      const combining = await send(NAME_COMBINING);

      const inboxRecord = async (messageId: string) => {
        const events = await vnStore.readStream(`inbox-${messageId}`).catch(() => []);
        return events[0]?.data as { outcome: string; reason?: string; correlationId: string } | undefined;
      };
      await waitFor('both messages recorded', async () => (await inboxRecord(combining)) !== undefined);
      await waitFor('both messages recorded', async () => (await inboxRecord(overridden)) !== undefined);
      expect(await inboxRecord(overridden)).toMatchObject({
        outcome: 'rejected',
        reason: 'VALIDATION_FAILED',
      });
      const accepted = (await inboxRecord(combining))!;
      expect(accepted).toMatchObject({ outcome: 'accepted' });
      const state = (await loadState(
        vnStore,
        jointOperationDecider,
        accepted.correlationId,
      )) as JointOperationState;
      expect(state.status).not.toBe('none');
      expect(state.status !== 'none' && state.terms.name).toBe(NAME);
    } finally {
      await cnStore.close();
      await vnStore.close();
    }
  });

  it('parks an event the PostgreSQL projection cannot apply, shows it on /health and /metrics, and goes on', async () => {
    const vnStore = storeOf(vn);
    try {
      const first = await api(vnNode, vn, '/api/joint-operations', proposalBody(cn.agencyId, NAME));
      const [proposal] = await vnStore.readStream(`jointop-${first.body.caseId}`);
      const data = proposal.data as { terms: { name: string } };
      // Written as only a writer bypassing the command handler could: a NUL PostgreSQL text refuses.
      const poisoned = `jointop-${uuidv7()}`;
      await vnStore.appendToStream(poisoned, [
        {
          type: proposal.type,
          data: { ...data, terms: { ...data.terms, name: `${NAME}\u0000` } },
          metadata: proposal.metadata,
        },
      ]);
      const after = await api(vnNode, vn, '/api/joint-operations', proposalBody(cn.agencyId, NAME));
      expect(after.status).toBe(201);

      const board = await vnNode.node.readModels.db();
      await waitFor('the later proposal on the board', async () => {
        const row = await board
          .selectFrom('joint_operations')
          .select('operation_id')
          .where('operation_id', '=', after.body.caseId as string)
          .executeTakeFirst();
        return row !== undefined;
      });
      const health = await api(vnNode, vn, '/health');
      expect(health.status).toBe(200);
      expect(health.body.projector).toMatchObject({
        status: 'running',
        parked: 1,
        parkedEvents: [{ streamId: poisoned, type: 'JointOperationProposed', failure: 'error 22021' }],
      });
      expect(JSON.stringify(health.body)).not.toContain('Hồng');
      const metrics = await (await fetch(`${vnNode.url}/metrics`)).text();
      expect(metrics).toMatch(/^xb_projector_parked_events 1$/m);
      expect(metrics).toMatch(/^xb_projector_stopped 0$/m);
    } finally {
      await vnStore.close();
    }
  });
});
