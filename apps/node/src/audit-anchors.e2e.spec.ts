import fs from 'node:fs';
import { AUDIT_SEALS_STREAM, counterpartSealsStream, parseSeal } from '@xb/audit';
import { EventStore, StreamNotFoundError } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { RunningNode } from './node-app';
import { queueNotices } from './testing/exchange-facts';
import { prepareAgencies, startTestNode, storeOf, TestAgency, tokenFor } from './testing/node-pair';

const readOrNone = (store: EventStore, stream: string) =>
  store.readStream(stream).catch((error) => {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  });

describe('cross-anchoring: seal heads sent to the counterpart and acknowledged', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  const nodes: RunningNode[] = [];

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
    nodes.push(await startTestNode(vn, { sealEveryEvents: 5, sealEveryMs: 500 }), await startTestNode(cn));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps our seal heads at the counterpart, and verify checks its signed receipts', async () => {
    const vnStore = storeOf(vn);
    const cnStore = storeOf(cn);
    try {
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, 3);
      const auditor = await tokenFor(vn, { id: 'au-1', roles: ['auditor'] });
      const report = await waitFor('an anchored seal', async () => {
        const response = await fetch(`${nodes[0].url}/api/audit/verify`, {
          headers: { authorization: `Bearer ${auditor}` },
        });
        const body = (await response.json()) as { ok: boolean; anchors: { anchored: number } };
        return body.anchors.anchored >= 1 ? body : undefined;
      });
      expect(report).toMatchObject({ ok: true, anchors: { failures: [] } });

      // What the counterpart keeps is exactly our seal.
      const [kept] = await readOrNone(cnStore, counterpartSealsStream(vn.agencyId));
      const seal = (await vnStore.readStream(AUDIT_SEALS_STREAM)).find(
        (e) => e.id === (kept.data as { sealId: string }).sealId,
      )!;
      const parsed = parseSeal(seal);
      if (typeof parsed === 'string') throw new Error(parsed);
      expect(kept.data).toMatchObject({
        agencyId: vn.agencyId,
        chainHead: Buffer.from(parsed.chainHead).toString('hex'),
        position: parsed.position.toString(),
      });
    } finally {
      await Promise.all([vnStore.close(), cnStore.close()]);
    }
  });
});
