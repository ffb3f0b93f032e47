import fs from 'node:fs';
import { eventStoreFile } from '@xb/config';
import { SqliteEventStore } from '@xb/event-store';
import { inboxTopic } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { fuzzRecords } from '../../apps/node/src/testing/fuzz-records';
import { produceRaw } from '../../apps/node/src/testing/kafka-records';
import { prepareAgencies } from '../../apps/node/src/testing/node-pair';
import { noticeSealer } from '../../apps/node/src/testing/sealed-notices';
import { BenchSuite } from '../harness/context';
import { NodeProcess } from './node-process';

/**
 * How fast the gateway refuses hostile input: the fuzz test's records (seed 13; 10,000, or 2,000 small)
 * written to a node's inbox while it is stopped, then the node (role `gateway`, its own process) started;
 * the rate is the refusals recorded over the span from the first refusal to the last, by the store's own
 * timestamps, so the consumer group's join is not counted.
 */
export const oursFuzzSuite: BenchSuite = {
  name: 'ours-fuzz',
  async run({ options, registry, cleanup, kafka, log }) {
    const brokers = await kafka();
    const count = options.scale === 'full' ? 10_000 : 2_000;
    const { root, agencies } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], {
      KAFKA_BROKERS: brokers,
      XB_ROLES: 'gateway',
    });
    const removeRoot = cleanup.add('fuzz nodes data', () =>
      fs.rmSync(root, { recursive: true, force: true }),
    );
    const [vn, cn] = agencies as [(typeof agencies)[0], (typeof agencies)[0]];
    const vnStore = new SqliteEventStore({ file: eventStoreFile(vn.dataDir) });
    const cnStore = new SqliteEventStore({ file: eventStoreFile(cn.dataDir) });
    const closeStores = cleanup.add('fuzz stores', async () => {
      await vnStore.close();
      await cnStore.close();
    });
    try {
      // Started once so that it provisions its inbox, stopped while the records are written.
      await (await NodeProcess.start(cn.agencyId, cn.env, cleanup)).stop();
      const bases = (await (await noticeSealer(vn, vnStore, cn.agencyId))(5)).map((s) => s.bytes);
      log(`writing ${count} fuzzed records to ${cn.agencyId}'s inbox`);
      await produceRaw(inboxTopic(cn.agencyId), fuzzRecords(13, count, bases), brokers);
      const node = await NodeProcess.start(cn.agencyId, cn.env, cleanup);
      try {
        let lastCount = -1;
        const refusals = await waitFor(
          'the fuzzed records refused',
          async () => {
            const refused = (await cnStore.readAll({ maxCount: 1_000_000 })).filter(
              (e) => e.type === 'AuditEnvelopeRefused',
            );
            // Done when no refusal came in a whole poll: a changed envelope may still open, so not all are refused.
            const settled = refused.length >= count * 0.99 && refused.length === lastCount;
            lastCount = refused.length;
            return settled ? refused : undefined;
          },
          { timeoutMs: 600_000, intervalMs: 1_000 },
        );
        const spanS =
          (Date.parse(refusals[refusals.length - 1].recordedAt) - Date.parse(refusals[0].recordedAt)) / 1000;
        registry.record(
          'ours_fuzz_refused_per_s',
          (refusals.length - 1) / spanS,
          'records/s',
          `${refusals.length} of ${count} fuzzed records refused (audit event + dead letter each; the rest changed envelopes that still opened), one gateway`,
        );
      } finally {
        await node.stop();
      }
    } finally {
      await closeStores();
      await removeRoot();
    }
  },
};
