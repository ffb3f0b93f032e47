import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  generateAgencyKey,
  PayloadType,
  readAgencyPrivateKey,
  readPublicKeyCached,
  sealEnvelope,
  v1,
} from '@xb/envelope';
import { NodeCrypto } from '../runtime/node-crypto';

/** Everything a crafted envelope needs: who claims to send it, to whom it is addressed and encrypted. */
interface Craft {
  readonly claimedSender: string;
  readonly addressedTo: string;
  readonly signingKey: Awaited<ReturnType<typeof readAgencyPrivateKey>>;
  readonly encryptTo: Awaited<ReturnType<typeof readPublicKeyCached>>[];
  readonly payloadType: string;
  readonly payload: Record<string, unknown>;
  readonly messageId?: string;
}

export async function craftEnvelope(craft: Craft): Promise<Uint8Array> {
  return sealEnvelope({
    header: {
      messageId: craft.messageId ?? uuidv7(),
      correlationId: uuidv7(),
      senderAgencyId: craft.claimedSender,
      recipientAgencyId: craft.addressedTo,
      channel: v1.Channel.CHANNEL_LIAISON_OFFICE,
      sentAt: new Date(),
      handling: {
        dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
        evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
      },
    },
    payloadType: craft.payloadType as PayloadType,
    payload: craft.payload as never,
    senderKey: craft.signingKey,
    recipientKeys: craft.encryptTo,
  });
}

/** A key pair of an agency nobody trusts. */
export async function strangerKey(agencyId: string) {
  const generated = await generateAgencyKey({ agencyId });
  return {
    privateKey: await readAgencyPrivateKey(generated.privateKeyArmored),
    publicKey: await readPublicKeyCached(generated.publicKeyArmored),
  };
}

/**
 * Records that must be refused by `receiver`, each with the reason it must be refused for: random bytes,
 * an unknown sender, a trusted sender's name with a stranger's signature, a message for someone else.
 */
export async function foreignRecords(
  sender: { agencyId: string; crypto: NodeCrypto },
  receiver: string,
  { payloadType, payload }: { payloadType: string; payload: Record<string, unknown> },
) {
  const stranger = await strangerKey('LA.MOS.STRANGER');
  const receiverKey = sender.crypto.trustStore.encryptionKeyFor(receiver, new Date())!;
  const records: { bytes: Uint8Array; reason: string }[] = [];
  for (let i = 0; i < 3; i++) records.push({ bytes: randomBytes(50 + i * 300), reason: 'MALFORMED' });
  for (let i = 0; i < 2; i++) {
    records.push({
      bytes: await craftEnvelope({
        claimedSender: 'LA.MOS.STRANGER',
        addressedTo: receiver,
        signingKey: stranger.privateKey,
        encryptTo: [receiverKey],
        payloadType,
        payload,
      }),
      reason: 'UNKNOWN_SENDER',
    });
    records.push({
      bytes: await craftEnvelope({
        claimedSender: sender.agencyId,
        addressedTo: receiver,
        signingKey: stranger.privateKey,
        encryptTo: [receiverKey],
        payloadType,
        payload,
      }),
      reason: 'BAD_SIGNATURE',
    });
    records.push({
      bytes: await craftEnvelope({
        claimedSender: sender.agencyId,
        addressedTo: 'LA.MOS.ELSEWHERE',
        signingKey: sender.crypto.ownKeys.current,
        encryptTo: [stranger.publicKey],
        payloadType,
        payload,
      }),
      reason: 'NOT_FOR_US',
    });
  }
  return records;
}

/** The same envelope with one readable header field changed after sealing (the signed copy differs). */
export function withOuterHeaderChanged(bytes: Uint8Array): Uint8Array {
  const record = v1.InboxRecord.decode(bytes);
  record.envelope!.header!.channel = v1.Channel.CHANNEL_HOTLINE;
  return v1.InboxRecord.encode(record).finish();
}
