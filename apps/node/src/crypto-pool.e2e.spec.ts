import fs from 'node:fs';
import { waitFor } from '@xb/testing';
import { RunningNode } from './node-app';
import { exchangeFacts, queueNotices } from './testing/exchange-facts';
import { expectExactlyOnce } from './testing/jest/exactly-once';
import { prepareAgencies, startTestNode, storeOf } from './testing/node-pair';

/**
 * Two nodes whose gateways seal and open in a crypto pool (XB_CRYPTO_POOL), with the pool's children
 * SIGKILLed again and again while exchanges are in flight: the calls they held fail, the relay and the
 * gateway try again on the children started in their place, and every message is still applied once.
 */
const EXCHANGES = 300;
const KILLS = 3;

/** The crypto children of this process (the test nodes run in it), by their command line. */
function codecChildren(): number[] {
  const children = fs
    .readdirSync(`/proc/${process.pid}/task`)
    .flatMap((tid) => fs.readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').split(' '))
    .filter((pid) => pid.trim() !== '');
  return children.map(Number).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('codec-child');
    } catch {
      return false;
    }
  });
}

describe('crypto pool children killed mid-exchange', () => {
  jest.setTimeout(300_000);

  it('loses nothing and applies nothing twice', async () => {
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], {
      XB_ROLES: 'gateway',
      XB_CRYPTO_POOL: '1',
    });
    const nodes: RunningNode[] = [];
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      nodes.push(await startTestNode(vn), await startTestNode(cn));
      expect(codecChildren()).toHaveLength(2);
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, EXCHANGES);
      const killed: number[] = [];
      for (let kill = 1; kill <= KILLS; kill++) {
        // At a quarter, half and three quarters of the receipts back: both sides busy sealing and opening.
        await waitFor(
          `${(kill * 100) / (KILLS + 1)}% of the receipts back`,
          async () =>
            (await exchangeFacts(vnStore, cnStore)).delivered.distinct >= (kill * EXCHANGES) / (KILLS + 1),
          { timeoutMs: 120_000, intervalMs: 50 },
        );
        const children = await waitFor('both nodes with a running child', async () => {
          const pids = codecChildren().filter((pid) => !killed.includes(pid));
          return pids.length === 2 && pids;
        });
        for (const pid of children) process.kill(pid, 'SIGKILL');
        killed.push(...children);
      }
      expect(killed).toHaveLength(2 * KILLS);
      const facts = await expectExactlyOnce(vnStore, cnStore, EXCHANGES);
      expect(facts.refusedAtReceiver).toEqual([]);
      expect(facts.rejectedReceipts).toEqual([]);
      await waitFor('a child in place of each killed one', async () => codecChildren().length === 2);
    } finally {
      for (const node of nodes) await node.stop().catch(() => undefined);
      await Promise.all([vnStore.close(), cnStore.close()]);
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(codecChildren()).toEqual([]);
  });
});
