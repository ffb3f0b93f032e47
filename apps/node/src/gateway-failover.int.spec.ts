import fs from 'node:fs';
import { Lease } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { RunningNode } from './node-app';
import { ChildProcessNode } from './testing/child-process-node';
import { exchangeFacts, queueNotices, untilFacts } from './testing/exchange-facts';
import { expectExactlyOnce } from './testing/jest/exactly-once';
import { freePort, prepareAgencies, startTestNode, storeOf } from './testing/node-pair';

/**
 * Issue 21: two gateway processes of one agency on one event store; the relay and resender run in the
 * one holding the lease. The leader is SIGKILLed while sending; the standby takes over within the bound
 * below, sends what is left and what is queued after the kill, and every message is delivered and applied
 * exactly once.
 */
const EXCHANGES = 500;
const LEASE_TTL_MS = 2_000;
/** The lease term, a standby check every TTL/3, and slack for a loaded two-core CI machine. */
const TAKEOVER_BOUND_MS = 15_000;

describe('gateways that fail over', () => {
  jest.setTimeout(300_000);

  it(`takes over within ${TAKEOVER_BOUND_MS / 1000} s of the leader's SIGKILL, losing and repeating nothing`, async () => {
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], {
      XB_ROLES: 'gateway',
      XB_LEASE_TTL_MS: String(LEASE_TTL_MS),
      XB_TEST_RESEND_TICK_MS: '500',
    });
    const gateways = new Map<string, ChildProcessNode>();
    for (const id of ['gw-a', 'gw-b']) {
      const env = { ...vn.env, XB_INSTANCE_ID: id, XB_HTTP_PORT: String(await freePort()) };
      gateways.set(id, new ChildProcessNode({ ...vn, env }));
    }
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    const observer = new Lease({ store: vnStore, name: 'gateway', holder: 'observer', ttlMs: LEASE_TTL_MS });
    const nodes: RunningNode[] = [];
    try {
      nodes.push(await startTestNode(cn));
      await gateways.get('gw-a')!.start();
      await gateways.get('gw-b')!.start();
      expect(await observer.holder()).toBe('gw-a');
      // Half is queued before the kill and half after: since the relay commits its dispatches in groups,
      // it can send a whole queue before a poll of the test sees it started, so the kill comes as soon as
      // the leader has sent anything, and what is queued after it can only reach the counterpart through
      // the standby.
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES / 2);
      await untilFacts(vnStore, cnStore, 'the leader to be sending', (f) => f.dispatched.distinct >= 1);
      const leader = (await observer.holder())!;
      const standby = leader === 'gw-a' ? 'gw-b' : 'gw-a';
      await gateways.get(leader)!.kill();
      const killedAt = Date.now(); // its exit seen: nothing it did can be recorded after this
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES / 2);
      const progressAtKill = (await exchangeFacts(vnStore, cnStore)).dispatched.distinct;
      expect(progressAtKill).toBeLessThan(EXCHANGES);

      await waitFor(`${standby} to hold the lease`, async () => (await observer.holder()) === standby, {
        timeoutMs: TAKEOVER_BOUND_MS,
        intervalMs: 50,
      });
      process.stdout.write(`gateway takeover observed ${Date.now() - killedAt} ms after SIGKILL\n`);
      await expectExactlyOnce(vnStore, cnStore, EXCHANGES);
      // On a loaded machine a late renewal may move the lease before the kill too; after it, only the
      // standby holds it and the killed leader's name never appears again.
      const lease = await vnStore.readStream('lease-gateway');
      const afterKill = lease.filter((e) => Date.parse(e.recordedAt) > killedAt);
      expect(afterKill.length).toBeGreaterThan(0);
      expect(new Set(afterKill.map((e) => (e.data as { holder: string }).holder))).toEqual(
        new Set([standby]),
      );
      expect(lease.find((e) => e.type === 'LeaseTaken')?.data).toMatchObject({ holder: 'gw-a' });
    } finally {
      await Promise.all([...gateways.values()].map((g) => g.stop()));
      for (const node of nodes) await node.stop().catch(() => undefined);
      await Promise.all([vnStore.close(), cnStore.close()]);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
