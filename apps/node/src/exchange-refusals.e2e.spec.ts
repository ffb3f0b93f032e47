import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { isDomainError } from '@xb/domain';
import { handleCommand, loadState } from '@xb/event-store';
import { deadLetterTopic, inboxTopic, outboundMessageDecider } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { RunningNode } from './node-app';
import { loadNodeCrypto } from './runtime/node-crypto';
import { craftEnvelope, foreignRecords, withOuterHeaderChanged } from './testing/forged-records';
import { exchangeFacts, queuedWireMessage, queueNotices } from './testing/exchange-facts';
import { produceRaw, readHeaders } from './testing/kafka-records';
import { prepareAgencies, startTestNode, storeOf, TestAgency } from './testing/node-pair';

const sorted = (list: readonly string[]) => [...list].sort();

describe('refused envelopes: dead-letter topic, audit trail, rejected receipts', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  const nodes: RunningNode[] = [];

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { XB_ROLES: 'gateway' }));
    nodes.push(await startTestNode(vn), await startTestNode(cn));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps every refused record with its reason, and answers the authenticated sender with a rejected receipt', async () => {
    const vnStore = storeOf(vn);
    const cnStore = storeOf(cn);
    try {
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, 1);
      await waitFor(
        'the first notice delivered',
        async () => (await exchangeFacts(vnStore, cnStore)).delivered.distinct === 1,
      );
      const message = await queuedWireMessage(vnStore);
      const crypto = await loadNodeCrypto(vn.dataDir);

      // A message VN really sent (and recorded), whose readable header was changed on the way.
      const messageId = uuidv7();
      const sealed = await craftEnvelope({
        claimedSender: vn.agencyId,
        addressedTo: cn.agencyId,
        signingKey: crypto.ownKeys.current,
        encryptTo: [crypto.trustStore.encryptionKeyFor(cn.agencyId, new Date())!, crypto.ownPublicKey],
        payloadType: message.payloadType,
        payload: message.payload,
        messageId,
      });
      const dispatched = await handleCommand(vnStore, outboundMessageDecider, messageId, {
        type: 'RecordDispatch',
        data: {
          messageId,
          correlationId: message.correlationId,
          category: 'notice',
          counterpart: cn.agencyId,
          payloadType: message.payloadType,
          envelope: Buffer.from(sealed).toString('base64'),
          envelopeSha256: 'sha',
          queuedAt: '0',
        },
        metadata: { now: new Date().toISOString(), actor: 'system:test', agencyId: vn.agencyId },
      });
      expect(isDomainError(dispatched)).toBe(false);

      const foreign = await foreignRecords({ agencyId: vn.agencyId, crypto }, cn.agencyId, message);
      const all = [...foreign, { bytes: withOuterHeaderChanged(sealed), reason: 'HEADER_MISMATCH' }];
      await produceRaw(
        inboxTopic(cn.agencyId),
        all.map((r, i) => ({ key: `k${i}`, value: r.bytes })),
      );

      const refused = await waitFor('every record refused at the receiver', async () => {
        const facts = await exchangeFacts(vnStore, cnStore);
        return facts.refusedAtReceiver.length >= all.length ? facts.refusedAtReceiver : undefined;
      });
      expect(sorted(refused)).toEqual(sorted(all.map((r) => r.reason)));

      const deadLetters = await readHeaders(deadLetterTopic(cn.agencyId), all.length);
      expect(sorted(deadLetters.map((h) => h['xb-reason']))).toEqual(sorted(all.map((r) => r.reason)));
      expect(deadLetters.every((h) => h['xb-source']?.startsWith(inboxTopic(cn.agencyId)))).toBe(true);

      const state = await waitFor('the rejected receipt at the sender', async () => {
        const s = await loadState(vnStore, outboundMessageDecider, messageId);
        return s.status === 'rejected' ? s : undefined;
      });
      expect(state).toMatchObject({ status: 'rejected', rejectionReason: 'HEADER_MISMATCH' });
      // Only the authenticated refusal was answered: the sender has exactly two receipts.
      expect((await exchangeFacts(vnStore, cnStore)).receipted.events).toBe(2);
      expect((await exchangeFacts(vnStore, cnStore)).applied.events).toBe(1);
    } finally {
      await Promise.all([vnStore.close(), cnStore.close()]);
    }
  });
});
