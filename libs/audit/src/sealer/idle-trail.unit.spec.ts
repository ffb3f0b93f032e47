import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@xb/event-store';
import { waitFor } from '@xb/testing';
import { recordCounterpartSealHead } from '../anchor/counterpart-seals';
import { SEAL_ANCHOR_QUEUED, SEAL_HEAD_PAYLOAD_TYPE, type SealAnchorEvent } from '../anchor/seal-anchor';
import { SealAnchorer } from '../anchor/seal-anchorer';
import { appendCaseEvents, readSeals } from '../testing/fixtures';
import { InMemoryEventStore } from '../testing/in-memory-store';
import { ManualTimer } from '../testing/manual-timer';
import { openPgpSealKeys, type OpenPgpSealKeys } from '../testing/openpgp-seal-keys';
import { verifyAuditTrail } from '../verify/verify-audit-trail';
import { AuditSealer } from './audit-sealer';

const US = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
const HOUR = 3_600_000;
let keys: OpenPgpSealKeys;
beforeAll(async () => {
  keys = await openPgpSealKeys(US);
});

const meta = (actor: string, occurredAt: string) => ({
  correlationId: 'c',
  actor,
  occurredAt,
  schemaVersion: 1,
});

/**
 * What the relay, the counterpart and our gateway do with each queued seal head, written as they write it:
 * the dispatch (the head "sent"), the counterpart's receipt, and the counterpart's own seal head coming back
 * to us, since its node seals what it received from us and anchors that seal with us in turn.
 */
function exchangeStandIn(store: EventStore) {
  const sent: string[] = [];
  const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['anchor-'] } });
  const running = (async () => {
    for await (const event of subscription) {
      if (event.type !== SEAL_ANCHOR_QUEUED) continue;
      await deliver(store, event, sent);
    }
  })();
  return { sent, stop: async () => (await subscription.stop(), await running) };
}

async function deliver(store: EventStore, event: RecordedEvent, sent: string[]): Promise<void> {
  const anchor = event.data as SealAnchorEvent['data'];
  const { messageId, counterpart } = anchor.outbound;
  const at = '2026-11-23T04:00:00Z';
  sent.push(messageId);
  await store.appendToStream(`exchange-${messageId}`, [
    {
      type: 'OutboundMessageDispatched',
      data: {
        messageId,
        correlationId: anchor.sealId,
        category: 'anchor',
        counterpart,
        payloadType: SEAL_HEAD_PAYLOAD_TYPE,
        envelope: '',
        envelopeSha256: '00'.repeat(32),
        queuedAt: `${event.position}`,
        dispatchedAt: at,
      },
      metadata: meta('system:relay', at),
    },
    {
      type: 'OutboundMessageReceipted',
      data: {
        messageId,
        status: 'accepted',
        envelopeSha256: '00'.repeat(32),
        receivedAt: at,
        recordedAt: at,
      },
      metadata: meta('system:gateway', at),
    },
  ]);
  const theirs = randomUUID();
  await store.appendToStream(`inbox-${theirs}`, [
    {
      type: 'InboundMessageRecorded',
      data: {
        messageId: theirs,
        sender: CN,
        correlationId: theirs,
        payloadType: SEAL_HEAD_PAYLOAD_TYPE,
        envelopeSha256: '11'.repeat(32),
        outcome: 'accepted',
        recordedAt: at,
      },
      metadata: meta(`agency:${CN}`, at),
    },
  ]);
  await recordCounterpartSealHead(
    store,
    { messageId: theirs, sender: CN, sentAt: at },
    {
      agencyId: CN,
      sealId: randomUUID(),
      position: '7',
      eventCount: 7,
      chainHead: '22'.repeat(32),
      sealedAt: at,
      chainAlgorithm: 'xborder/audit-chain/v1',
    },
  );
}

const lastPosition = async (store: EventStore) =>
  (await store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.position;

describe('an idle node', () => {
  it('writes and sends nothing while only its own seals, anchors and their receipts have happened', async () => {
    const store = new InMemoryEventStore();
    const timer = new ManualTimer();
    const sealer = new AuditSealer(store, keys.signer, { agencyId: US, sealEveryMs: 10_000, timer });
    const anchorer = new SealAnchorer(store, { agencyId: US, counterparts: () => [CN] });
    const exchange = exchangeStandIn(store);
    await sealer.start();
    await anchorer.start();
    try {
      await appendCaseEvents(store, 3);
      await waitFor('the sealer to chain the case events', () => sealer.progress.pending === 3);
      await timer.advance(10_000);
      await waitFor('the seal head sent and its receipt and their head back', async () =>
        (await store.readAll()).some((e) => e.streamId.startsWith('counterpartseals-')),
      );
      const settled = await lastPosition(store);
      await waitFor('the sealer to chain the bookkeeping', () => sealer.progress.position === settled);
      expect(sealer.progress).toMatchObject({ pending: 0, unsealed: 5 });

      await timer.advance(HOUR); // 360 ticks of the seal timer

      expect(await lastPosition(store)).toBe(settled);
      expect(await readSeals(store)).toHaveLength(1);
      expect(exchange.sent).toHaveLength(1);

      // Real work seals again, and that seal covers the bookkeeping before it.
      const caseEvent = await appendCaseEvents(store, 1, 'later');
      await waitFor('the sealer to chain it', () => sealer.progress.position === caseEvent);
      await timer.advance(10_000);
      expect((await readSeals(store)).map((s) => s.position)).toEqual([3n, caseEvent]);
      await waitFor('the second head sent', () => exchange.sent.length === 2);
    } finally {
      await anchorer.stop();
      await exchange.stop();
      await sealer.stop();
    }
  });
});

describe('stopping the sealer gracefully', () => {
  it('seals everything the store holds, bookkeeping and events not yet followed included; a crash does not', async () => {
    const store = new InMemoryEventStore();
    const timer = new ManualTimer();
    const crashed = new AuditSealer(store, keys.signer, { agencyId: US, timer });
    await crashed.start();
    await appendCaseEvents(store, 4);
    await crashed.stop();
    expect(await readSeals(store)).toEqual([]);

    const sealer = new AuditSealer(store, keys.signer, { agencyId: US, timer });
    await sealer.start();
    const last = await appendCaseEvents(store, 2, 'b'); // possibly not followed yet when the stop comes
    const sealed = await sealer.stopAndSeal();

    expect(sealed?.position).toBe(last);
    const seals = await readSeals(store);
    expect(seals.map((s) => [s.position, s.count])).toEqual([[last, 6]]);
    const report = await verifyAuditTrail(store, keys.verifier, { agencyId: US });
    expect(report).toMatchObject({ ok: true, sealsChecked: 1, unsealedEvents: 0 });
    const restarted = new AuditSealer(store, keys.signer, { agencyId: US, timer });
    await restarted.start();
    expect(await restarted.stopAndSeal()).toBeUndefined(); // only the final seal follows the last seal
  });
});
