import { v7 as uuidv7 } from 'uuid';
import { EventStore, openedEvents } from '@xb/event-store';
import { outboundMappingOf } from '@xb/exchange';
import { loadNodeCrypto, NodeCrypto } from '../runtime/node-crypto';
import { queueNotices } from './exchange-facts';
import { craftEnvelope } from './forged-records';

/**
 * A notice's wire payload as the relay would send it: queued in `store` and mapped (its particulars
 * opened, as the relay opens them), never sent from here.
 */
export async function noticePayload(store: EventStore, sender: string, counterpart: string) {
  await queueNotices(store, sender, counterpart, 1);
  const recent = await store.readAll({ direction: 'backwards', maxCount: 20 });
  for (const event of await openedEvents(store, recent)) {
    const mapping = outboundMappingOf(event);
    if (mapping.kind === 'message') return mapping.message;
  }
  throw new Error('no outbound message in the store');
}

/**
 * Valid envelopes from `sender` to `receiver`, each a new case (its own correlation id) carrying
 * `payload`: what a counterpart sends, produced wherever a test wants them (a chosen partition).
 */
export async function sealedNotices(
  sender: { agencyId: string; crypto: NodeCrypto },
  receiver: string,
  payload: { payloadType: string; payload: Record<string, unknown> },
  count: number,
): Promise<{ messageId: string; bytes: Uint8Array }[]> {
  const receiverKey = sender.crypto.trustStore.encryptionKeyFor(receiver, new Date());
  if (!receiverKey) throw new Error(`no key of ${receiver} in ${sender.agencyId}'s trust store`);
  const sealed: { messageId: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const messageId = uuidv7();
    const bytes = await craftEnvelope({
      claimedSender: sender.agencyId,
      addressedTo: receiver,
      signingKey: sender.crypto.ownKeys.current,
      encryptTo: [receiverKey, sender.crypto.ownPublicKey],
      ...payload,
      messageId,
    });
    sealed.push({ messageId, bytes });
  }
  return sealed;
}

/**
 * Seals valid notices from `sender` (its keys from its data dir) to `receiver`, `count` at a time, all
 * carrying one payload queued and mapped in `store` (the sender's).
 */
export async function noticeSealer(
  sender: { agencyId: string; dataDir: string },
  store: EventStore,
  receiver: string,
): Promise<(count: number) => Promise<{ messageId: string; bytes: Uint8Array }[]>> {
  const payload = await noticePayload(store, sender.agencyId, receiver);
  const from = { agencyId: sender.agencyId, crypto: await loadNodeCrypto(sender.dataDir) };
  return (count) => sealedNotices(from, receiver, payload, count);
}
