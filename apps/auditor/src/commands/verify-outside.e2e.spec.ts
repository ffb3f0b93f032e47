import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import {
  AUDIT_SEALS_STREAM,
  AuditBookkeeping,
  counterpartSealsStream,
  SEAL_HEAD_PAYLOAD_TYPE,
} from '@xb/audit';
import { eventStoreFile } from '@xb/config';
import { agencyKeyPaths } from '@xb/envelope';
import { collectEvents, type EventStore } from '@xb/event-store';
import { inboxTopic } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { ManualTimer } from '../../../../libs/audit/src/testing/manual-timer';
// Two real agency nodes over the test broker, as the node's own end-to-end tests start them.
import type { RunningNode } from '../../../node/src/node-app';
import { queueNotices } from '../../../node/src/testing/exchange-facts';
import {
  prepareAgencies,
  startTestNode,
  storeOf,
  type TestAgency,
} from '../../../node/src/testing/node-pair';
import { memoryIo } from '../cli/io';
import { runAuditor } from '../main';
import { forgeTrail } from '../testing/forger';

/** Seal heads the counterpart has receipted, as our store records them. */
async function receiptedAnchors(store: EventStore): Promise<number> {
  const events = await collectEvents(store, ['exchange-']);
  const anchors = new Set(
    events
      .filter(
        (e) =>
          e.type === 'OutboundMessageDispatched' &&
          (e.data as { payloadType?: string }).payloadType === SEAL_HEAD_PAYLOAD_TYPE,
      )
      .map((e) => e.streamId),
  );
  return events.filter((e) => e.type === 'OutboundMessageReceipted' && anchors.has(e.streamId)).length;
}

/** Nothing in flight: every anchor queued is dispatched, every dispatch receipted. */
async function settled(store: EventStore): Promise<boolean> {
  const events = await collectEvents(store, ['anchor-', 'exchange-']);
  const dispatched = events.filter((e) => e.type === 'OutboundMessageDispatched');
  const receipted = new Set(
    events.filter((e) => e.type === 'OutboundMessageReceipted').map((e) => e.streamId),
  );
  const queued = events.filter((e) => e.streamId.startsWith('anchor-')).length;
  const anchorsSent = dispatched.filter(
    (e) => (e.data as { payloadType?: string }).payloadType === SEAL_HEAD_PAYLOAD_TYPE,
  );
  return queued === anchorsSent.length && dispatched.every((e) => receipted.has(e.streamId));
}

/** What an idle node must leave alone: its store's end, how much of it is real work, and its inbox. */
async function factsOf(node: RunningNode, agencyId: string) {
  const events = await collectEvents(node.node.store);
  const bookkeeping = new AuditBookkeeping(node.node.store);
  let real = 0;
  for (const event of events) if (!(await bookkeeping.isBookkeeping(event))) real++;
  const admin = node.node.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(inboxTopic(agencyId));
    return { end: `${events.at(-1)?.position}`, real, inbox: offsets.map((o) => o.high).join(',') };
  } finally {
    await admin.disconnect();
  }
}

async function auditor(...argv: string[]) {
  const io = memoryIo({});
  const code = await runAuditor(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const readKey = async (file: string) => openpgp.readPrivateKey({ armoredKey: fs.readFileSync(file, 'utf8') });

describe('verify holds the trail against what it does not contain', () => {
  jest.setTimeout(180_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let heldByCn: { sealId: string; position: string }[];
  const timer = new ManualTimer();
  const nodes: RunningNode[] = [];

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
    nodes.push(
      await startTestNode(vn, { sealEveryEvents: 5, sealTimer: timer }),
      await startTestNode(cn, { sealTimer: timer }),
    );
    await queueNotices(nodes[0].node.store, vn.agencyId, cn.agencyId, 4);
    await waitFor(
      'two seal heads receipted by the counterpart',
      async () => (await receiptedAnchors(nodes[0].node.store)) >= 2,
    );
  });

  /** Stops both nodes gracefully (each sealer seals what is pending), once, for the tests on their stores. */
  let stopping: Promise<void> | undefined;
  const stopped = () =>
    (stopping ??= (async () => {
      for (const node of nodes.splice(0)) await node.stop();
      const cnStore = storeOf(cn);
      heldByCn = (await cnStore.readStream(counterpartSealsStream(vn.agencyId))).map(
        (e) => e.data as { sealId: string; position: string },
      );
      await cnStore.close();
    })());

  afterAll(async () => {
    await stopped();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lets two idle nodes write and send nothing while their seal timers tick for an hour', async () => {
    const facts = async () => Promise.all([factsOf(nodes[0], vn.agencyId), factsOf(nodes[1], cn.agencyId)]);
    const bothSettled = async () =>
      (await settled(nodes[0].node.store)) && (await settled(nodes[1].node.store));
    // Timed seals of the work done, their anchors, and the seal heads each side sends the other, until a
    // tick finds nothing new twice running (never, when bookkeeping calls for seals).
    let before = await facts();
    for (let quiet = 0, round = 0; quiet < 2; round++) {
      if (round === 20) throw new Error('the nodes never fell idle: each tick sealed something new');
      await timer.advance(10_000);
      await waitFor('both nodes settled', bothSettled);
      const now = await facts();
      quiet = JSON.stringify(now) === JSON.stringify(before) ? quiet + 1 : 0;
      before = now;
    }

    await timer.advance(3_600_000); // 360 ticks of each node's seal timer
    await waitFor('both nodes settled', bothSettled);
    expect(await facts()).toEqual(before);
  });

  /** A copy of VN's data dir, for a test that changes it. */
  const copyOfVn = async (name: string) => {
    await stopped();
    const dir = path.join(root, name);
    fs.cpSync(vn.dataDir, dir, { recursive: true });
    return dir;
  };
  const independent = () => [
    '--keys',
    agencyKeyPaths(cn.dataDir).trustDir,
    '--private-key',
    agencyKeyPaths(vn.dataDir).privateKey,
    '--counterpart-store',
    eventStoreFile(cn.dataDir),
  ];

  it('finds a gracefully stopped node sealed to its last event, checked against the counterpart', async () => {
    await stopped();
    const store = storeOf(vn);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await store.close();
    expect(last.streamId).toBe(AUDIT_SEALS_STREAM);

    const { code, out } = await auditor('verify', '--data-dir', vn.dataDir, ...independent());
    expect(out).toContain('result: INTACT');
    expect(out).toContain('unsealed events: 0');
    expect(out).toMatch(/cross-anchors: [1-9]\d* seal heads acknowledged/);
    expect(out).toMatch(/counterpart copy .*: [1-9]\d* of our seal heads match/);
    expect(code).toBe(0);
  });

  it('says so, with its own result and exit code, when only keys from the audited data vouch for the seals', async () => {
    await stopped();
    const { code, out } = await auditor('verify', '--data-dir', vn.dataDir, '--agency', vn.agencyId);
    expect(out).toContain('result: NOT INDEPENDENTLY CHECKED');
    expect(code).toBe(4);
  });

  it("vouches for our key through the counterpart's signed receipts of the heads it signed", async () => {
    await stopped();
    const theirKeyOnly = path.join(root, 'auditor-trust');
    fs.mkdirSync(theirKeyOnly);
    const trustDir = agencyKeyPaths(cn.dataDir).trustDir;
    for (const name of fs.readdirSync(trustDir).filter((n) => n.startsWith(`${cn.agencyId}.`)))
      fs.copyFileSync(path.join(trustDir, name), path.join(theirKeyOnly, name));
    const args = ['verify', '--data-dir', vn.dataDir, '--agency', vn.agencyId, '--keys', theirKeyOnly];

    const unread = await auditor(...args);
    expect(unread.out).toContain('result: NOT INDEPENDENTLY CHECKED');
    expect(unread.code).toBe(4);
    const read = await auditor(...args, '--private-key', agencyKeyPaths(vn.dataDir).privateKey);
    expect(read.out).toContain('result: INTACT');
    expect(read.code).toBe(0);
  });

  it('refuses a forger who re-signs the trail with their own key and drops it into keys/retired (a)', async () => {
    const dir = await copyOfVn('forged');
    const { privateKey: forger } = await openpgp.generateKey({
      type: 'ecc',
      userIDs: [{ name: vn.agencyId }],
      format: 'object',
    });
    await forgeTrail(eventStoreFile(dir), { insertAfter: 3n, signingKey: forger });
    fs.mkdirSync(agencyKeyPaths(dir).retiredDir, { recursive: true });
    fs.writeFileSync(path.join(agencyKeyPaths(dir).retiredDir, 'old.asc'), forger.toPublic().armor());

    const asInTheIssue = await auditor('verify', '--data-dir', dir, '--agency', vn.agencyId);
    expect(asInTheIssue.out).toContain('result: NOT INDEPENDENTLY CHECKED');
    expect(asInTheIssue.out).toMatch(/cross-anchors: 0 seal heads acknowledged/);
    expect(asInTheIssue.code).toBe(4);

    const checked = await auditor('verify', '--data-dir', dir, '--max-failures', '100', ...independent());
    expect(checked.out).toContain('result: INTEGRITY FAILURE');
    expect(checked.out).toContain('SEAL_SIGNATURE_INVALID');
    expect(checked.out).toContain('ANCHOR_HEAD_MISMATCH');
    expect(checked.out).toContain('COUNTERPART_HEAD_MISMATCH');
    expect(checked.code).toBe(1);
  });

  it("refuses seals signed with a counterpart's key, with or without --agency (b)", async () => {
    const dir = await copyOfVn('their-key');
    await forgeTrail(eventStoreFile(dir), {
      signingKey: await readKey(agencyKeyPaths(cn.dataDir).privateKey),
    });
    const trustBoth = agencyKeyPaths(cn.dataDir).trustDir; // holds both agencies' keys
    for (const agency of [[], ['--agency', vn.agencyId]]) {
      const { code, out } = await auditor(
        'verify',
        '--store',
        eventStoreFile(dir),
        '--keys',
        trustBoth,
        ...agency,
      );
      expect(out).toContain('SEAL_SIGNER_OTHER_AGENCY');
      expect(code).toBe(1);
    }
  });

  const lastHeld = () => heldByCn.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
  const sealPosition = (dir: string, sealId: string) => {
    const db = new Database(eventStoreFile(dir), { readonly: true });
    const row = db.prepare('SELECT position FROM events WHERE event_id = ?').get(sealId) as {
      position: number;
    };
    db.close();
    return row.position;
  };
  const cut = (dir: string, from: number, { coverTracks }: { coverTracks: boolean }) => {
    const db = new Database(eventStoreFile(dir));
    db.prepare('DELETE FROM events WHERE position >= ?').run(from);
    if (coverTracks) {
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(from - 1);
      db.prepare('UPDATE checkpoints SET position = min(position, ?)').run(from - 1);
    }
    db.close();
  };

  it('notices the tail cut after a seal, from the positions the file has handed out', async () => {
    const dir = await copyOfVn('cut-after-seal');
    cut(dir, sealPosition(dir, lastHeld().sealId) + 1, { coverTracks: false });
    const { code, out } = await auditor('verify', '--data-dir', dir, ...independent());
    expect(out).toContain('result: INTEGRITY FAILURE');
    expect(out).toMatch(/TRAIL_TRUNCATED: the store's sequence has handed out positions up to \d+/);
    expect(code).toBe(1);
  });

  it("notices the tail cut with the last anchored seal, from the counterpart's copy even with the tracks covered", async () => {
    const dir = await copyOfVn('cut-with-seal');
    cut(dir, sealPosition(dir, lastHeld().sealId), { coverTracks: true });
    const { code, out } = await auditor('verify', '--data-dir', dir, ...independent());
    expect(out).toContain('result: INTEGRITY FAILURE');
    expect(out).toContain(`TRAIL_TRUNCATED: the counterpart holds our seal ${lastHeld().sealId}`);
    expect(out).not.toContain("the store's sequence");
    expect(code).toBe(1);
  });
});
