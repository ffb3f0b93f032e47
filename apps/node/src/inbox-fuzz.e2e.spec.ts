import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { collectEvents, RecordedEvent } from '@xb/event-store';
import { deadLetterTopic, inboxTopic } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { memoryIo } from '../../auditor/src/cli/io';
import { verifyCommand } from '../../auditor/src/commands/verify';
import { agencyKeyPaths } from '@xb/envelope';
import { FuzzRecord, fuzzRecords } from './testing/fuzz-records';
import { produceRaw, readRecords } from './testing/kafka-records';
import { prepareAgencies, startTestNode, storeOf } from './testing/node-pair';
import { noticeSealer } from './testing/sealed-notices';

/**
 * Issue 13's fuzz run: XB_FUZZ_RECORDS (default 10,000) records generated from XB_FUZZ_SEED (default 13)
 * at a running node over the real broker, then one good message on every partition. The generator is
 * seeded; the valid envelopes it cuts and changes are sealed afresh each run (new keys, OpenPGP's own
 * randomness), so the same seed gives the same kinds, sizes, cuts and changed positions, not the same
 * bytes. About 60 s on two cores.
 */
const SEED = Number(process.env.XB_FUZZ_SEED ?? 13);
const COUNT = Number(process.env.XB_FUZZ_RECORDS ?? 10_000);
const PARTITIONS = 3;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dataOf = <T>(events: RecordedEvent[], type: string) =>
  events.filter((e) => e.type === type).map((e) => e.data as T);

describe(`the inbox under ${COUNT} fuzzed records (seed ${SEED})`, () => {
  jest.setTimeout(300_000);

  it('refuses and keeps every bad record, applies every good one once, stalls no partition, verifies intact', async () => {
    const {
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], {
      XB_ROLES: 'gateway,sealer',
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
    });
    const cnNode = await startTestNode(cn);
    let cnStopped = false;
    const [vnStore, cnStore] = [storeOf(vn), storeOf(cn)];
    try {
      // VN's inbox exists (no node reads it): rejected receipts for authenticated refusals land there.
      const admin = cnNode.node.kafka.admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: inboxTopic(vn.agencyId) }] });
      await admin.disconnect();

      const seal = await noticeSealer(vn, vnStore, cn.agencyId);
      const bases = (await seal(5)).map((s) => s.bytes);
      const fuzzed = fuzzRecords(SEED, COUNT, bases);
      await produceRaw(inboxTopic(cn.agencyId), fuzzed);
      const good = await seal(PARTITIONS);
      await produceRaw(
        inboxTopic(cn.agencyId),
        good.map((g, partition) => ({ key: g.messageId, value: g.bytes, partition })),
      );

      const events = await waitFor(
        'the good message of every partition recorded',
        async () => {
          const all = await collectEvents(cnStore);
          const recorded = new Set(
            dataOf<{ messageId: string }>(all, 'InboundMessageRecorded').map((r) => r.messageId),
          );
          return good.every((g) => recorded.has(g.messageId)) ? all : undefined;
        },
        { timeoutMs: 240_000, intervalMs: 1_000 },
      );

      // Every good message applied once.
      const inbound = dataOf<{ messageId: string; outcome: string; envelopeSha256: string }>(
        events,
        'InboundMessageRecorded',
      );
      for (const g of good)
        expect(inbound.filter((r) => r.messageId === g.messageId).map((r) => r.outcome)).toEqual([
          'accepted',
        ]);

      // Every bad record refused, in the audit trail and on the dead-letter topic. A changed envelope
      // that still opens (a change the encoding ignores) is accounted for as accepted or a duplicate.
      const refused = dataOf<{ sha256: string; reason: string }>(events, 'AuditEnvelopeRefused');
      const refusedDigests = new Set(refused.map((r) => r.sha256));
      const acceptedDigests = new Set(inbound.map((r) => r.envelopeSha256));
      const strict = fuzzed.filter((r) => r.kind !== 'mutated');
      const missing = (list: FuzzRecord[], digests: Set<string>) =>
        list.filter((r) => !digests.has(sha256(r.value))).map((r) => `${r.kind}:${r.value.length}`);
      expect(missing(strict, refusedDigests)).toEqual([]);
      const openedMutations = fuzzed.filter(
        (r) => r.kind === 'mutated' && !refusedDigests.has(sha256(r.value)),
      );
      expect(openedMutations.filter((r) => !acceptedDigests.has(sha256(r.value))).length).toBeLessThanOrEqual(
        (await cnNode.node.metrics.inbound.get()).values.find((v) => v.labels.outcome === 'duplicate')
          ?.value ?? 0,
      );
      expect(refused.length).toBeGreaterThanOrEqual(COUNT - openedMutations.length);

      const deadLetters = await readRecords(
        deadLetterTopic(cn.agencyId),
        (r) => r.length >= refused.length,
        120_000,
      );
      const lettered = new Map(deadLetters.map((r) => [r.headers['xb-sha256'], r]));
      expect(missing(strict, new Set(lettered.keys()))).toEqual([]);
      for (const large of fuzzed.filter((r) => r.kind === 'large'))
        expect(lettered.get(sha256(large.value))?.value.equals(large.value)).toBe(true);

      // No partition stalls: each is caught up, none failing.
      const health = cnNode.node.inboxHealth()!;
      expect(health.partitions).toHaveLength(PARTITIONS);
      expect(health.partitions.map((p) => ({ lag: p.lag, failing: p.failing }))).toEqual(
        Array.from({ length: PARTITIONS }, () => ({ lag: 0, failing: undefined })),
      );

      // The auditor's verify over the whole trail: a graceful stop seals it to its end.
      await cnNode.stop();
      cnStopped = true;
      const io = memoryIo();
      // CN's key as VN's trust store holds it: vouched for from outside the audited data.
      const exit = await verifyCommand(
        ['--data-dir', cn.dataDir, '--agency', cn.agencyId, '--keys', agencyKeyPaths(vn.dataDir).trustDir],
        io,
      );
      expect({ exit, out: io.stdout.join('\n') }).toMatchObject({ exit: 0 });
    } finally {
      if (!cnStopped) await cnNode.stop();
      await Promise.all([vnStore.close(), cnStore.close()]);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
