import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { v7 as uuidv7 } from 'uuid';
import { AuditSealer, measureVerify, openPgpSealSigner, openPgpSealVerifier } from '@xb/audit';
import { EventToAppend, SqliteEventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { BenchSuite } from '../harness/context';

const EVENTS_PER_APPEND = 500;
/** ~1 KiB of data per event, as a notice's content. */
const TEXT = 'Synthetic audited event text, no particulars. '.repeat(21);

/**
 * The audit trail at scale: a store of 100,000 events (full; 20,000 small) of ~1 KiB, appended in
 * batches, sealed by the node's AuditSealer (a signed seal every 1,000 events), then `measureVerify`
 * with OpenPGP seal signatures: the hash chain re-walked and every seal's signature checked.
 */
export const oursAuditSuite: BenchSuite = {
  name: 'ours-audit',
  async run({ options, registry, cleanup, log }) {
    const total = options.scale === 'full' ? 100_000 : 20_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-bench-audit-'));
    const store = new SqliteEventStore({ file: path.join(dir, 'event-store.sqlite'), pollIntervalMs: 10 });
    const close = cleanup.add('audit store', async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    try {
      log(`appending ${total} events of ~1 KiB, ${EVENTS_PER_APPEND} per append`);
      let started = performance.now();
      for (let appended = 0; appended < total; appended += EVENTS_PER_APPEND)
        await store.appendToStream(
          `notice-${uuidv7()}`,
          batch(Math.min(EVENTS_PER_APPEND, total - appended)),
        );
      registry.record(
        'ours_audit_fill_events_per_s',
        total / ((performance.now() - started) / 1000),
        'events/s',
        `${EVENTS_PER_APPEND} events per append into SqliteEventStore`,
      );

      const { privateKey } = await openpgp.generateKey({
        type: 'ecc',
        userIDs: [{ name: 'VN.BGC.LAICHAU' }],
        format: 'object',
      });
      const sealer = new AuditSealer(store, openPgpSealSigner(privateKey), { agencyId: 'VN.BGC.LAICHAU' });
      const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
      log('sealing them with the AuditSealer');
      started = performance.now();
      await sealer.start();
      try {
        await waitFor(
          'the sealer to reach the last event',
          () => (sealer.progress.position ?? -1n) >= last!.position,
          { timeoutMs: 300_000, intervalMs: 20 },
        );
        await sealer.sealNow();
      } finally {
        await sealer.stop();
      }
      registry.record(
        'ours_audit_seal_events_per_s',
        total / ((performance.now() - started) / 1000),
        'events/s',
        `AuditSealer chaining ${total} events, a signed seal every 1,000`,
      );

      log('verifying the trail');
      const verified = await measureVerify(store, openPgpSealVerifier([privateKey.toPublic()]));
      if (!verified.ok) throw new Error('the audit trail did not verify');
      registry.record(
        'ours_audit_verify_events_per_s',
        verified.eventsPerSecond,
        'events/s',
        `measureVerify: ${verified.events} events, ${verified.seals} OpenPGP seals checked`,
      );
      registry.record(
        'ours_audit_verify_cpu_us_per_event',
        (verified.cpuSeconds * 1e6) / verified.events,
        'us',
        'CPU of this process per event verified (the load-independent figure)',
      );
    } finally {
      await close();
    }
  },
};

function batch(size: number): EventToAppend[] {
  return Array.from({ length: size }, (_, i) => ({
    type: 'BenchAuditedEvent',
    data: { index: i, text: TEXT },
    metadata: {
      correlationId: uuidv7(),
      actor: 'system:bench',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  }));
}
