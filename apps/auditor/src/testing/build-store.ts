/**
 * FOR TESTS: a real SQLite event store written by the real command handler and deciders (SCENARIO), an
 * outbound message with a really sealed envelope, an inbox record, a refused envelope, and the seals of a
 * real AuditSealer signing with an openpgp agency key (base64 detached signatures, as envelope's signBytes).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { appendAuditRecord, AuditSealer, envelopeRefused, type SealSigner } from '@xb/audit';
import { deciderOf, isDomainError } from '@xb/domain';
import { sealContent, signBytes, toTimestamp, v1 } from '@xb/envelope';
import { handleCommand, SqliteEventStore, type EventStore } from '@xb/event-store';
import { waitFor } from '@xb/testing';
// The exchange lib does not export its message deciders yet; tests import them by path.
import { inboundMessageDecider } from '../../../../libs/exchange/src/inbound-message/inbound-message';
import { outboundMessageDecider } from '../../../../libs/exchange/src/outbound-message/decide';
import { CN, SCENARIO, US } from './scenario';

export interface BuiltStore {
  readonly file: string;
  readonly privateKeyFile: string;
  readonly keysDir: string;
  readonly privateKey: openpgp.PrivateKey;
}

const must = <T>(outcome: T): T => {
  if (isDomainError(outcome)) throw new Error(`${outcome.code}: ${outcome.reason}`);
  return outcome;
};

export async function buildStore(dir: string): Promise<BuiltStore> {
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    userIDs: [{ name: US }],
    format: 'object',
  });
  const cnKey = (await openpgp.generateKey({ type: 'ecc', userIDs: [{ name: CN }], format: 'object' }))
    .privateKey;
  const keysDir = path.join(dir, 'keys');
  fs.mkdirSync(keysDir, { recursive: true });
  fs.writeFileSync(path.join(keysDir, 'agency.public.asc'), privateKey.toPublic().armor());
  const privateKeyFile = path.join(dir, 'agency.private.asc');
  fs.writeFileSync(privateKeyFile, privateKey.armor());

  const file = path.join(dir, 'event-store.sqlite');
  const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
  for (const step of SCENARIO)
    must(await handleCommand(store, deciderOf(step.category), step.id, step.command));
  await recordExchange(store, privateKey, cnKey.toPublic());
  await seal(store, privateKey);
  await store.close();
  return { file, privateKeyFile, keysDir, privateKey };
}

/** The request of case v-1 as dispatched (really sealed), receipted; CN's answer recorded; a refused envelope. */
async function recordExchange(
  store: EventStore,
  ours: openpgp.PrivateKey,
  theirs: openpgp.PublicKey,
): Promise<void> {
  const header = v1.Header.create({
    messageId: 'm-v1',
    correlationId: 'v-1',
    senderAgencyId: US,
    recipientAgencyId: CN,
    sentAt: toTimestamp(new Date()), // the relay stamps sent_at when it seals, payloadType: 'VerificationRequest', schemaVersion: 1,
  });
  const content = v1.SealedContent.encode({ header, payload: new Uint8Array([8, 1]) }).finish();
  const sealed = await sealContent(content, ours, [theirs, ours.toPublic()]);
  const envelope = Buffer.from(v1.InboxRecord.encode({ envelope: { header, sealed } }).finish());
  const at = (now: string) => ({ now, actor: 'system:relay', agencyId: US });
  const dispatch = {
    messageId: 'm-v1',
    correlationId: 'v-1',
    category: 'verification',
    counterpart: CN,
    payloadType: 'VerificationRequest',
    envelope: envelope.toString('base64'),
    envelopeSha256: createHash('sha256').update(envelope).digest('hex'),
    queuedAt: '4',
  };
  must(
    await handleCommand(store, outboundMessageDecider, 'm-v1', {
      type: 'RecordDispatch',
      data: dispatch,
      metadata: at('2026-07-01T02:00:02Z'),
    }),
  );
  const receipt = {
    messageId: 'm-v1',
    status: 'accepted' as const,
    envelopeSha256: dispatch.envelopeSha256,
    receivedAt: '2026-07-01T02:00:05Z',
  };
  must(
    await handleCommand(store, outboundMessageDecider, 'm-v1', {
      type: 'RecordReceipt',
      data: receipt,
      metadata: at('2026-07-01T02:00:06Z'),
    }),
  );
  const inbox = {
    messageId: 'in-v1',
    sender: CN,
    correlationId: 'v-1',
    payloadType: 'VerificationAnswer',
    envelopeSha256: 'ab'.repeat(32),
    outcome: 'accepted' as const,
  };
  must(
    await handleCommand(store, inboundMessageDecider, 'in-v1', {
      type: 'RecordInbound',
      data: inbox,
      metadata: at('2026-07-10T02:00:00Z'),
    }),
  );
  await appendAuditRecord(
    store,
    envelopeRefused(Buffer.from('a forged envelope'), {
      reason: 'BAD_SIGNATURE',
      messageId: 'in-x',
      sender: CN,
      source: 'kafka:xb.v1.inbox.vn-bgc-laichau/0@7',
      receivedAt: '2026-07-11T00:00:00Z',
    }),
  );
}

/** Seals every 10 events, then once more at the end, so every event but the last seal is covered. */
async function seal(store: EventStore, key: openpgp.PrivateKey): Promise<void> {
  const signer: SealSigner = {
    fingerprint: key.getFingerprint(),
    sign: async (bytes) => Buffer.from(await signBytes(bytes, key)).toString('base64'),
  };
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  const sealer = new AuditSealer(store, signer, { agencyId: US, sealEveryEvents: 10, sealEveryMs: 60_000 });
  await sealer.start();
  await waitFor(
    'the sealer to reach the last event',
    () => (sealer.progress.position ?? 0n) >= last.position,
  );
  await sealer.sealNow();
  await sealer.stop();
}
