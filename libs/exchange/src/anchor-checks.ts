import type { PrivateKey, PublicKey } from 'openpgp';
import { AnchorChecks, SEAL_HEAD_PAYLOAD_TYPE } from '@xb/audit';
import { decodePayload, openReceipt, openSealedContent, readInboxRecord, TrustStore, v1 } from '@xb/envelope';

/**
 * The envelope-side checks of cross-anchoring (libs/audit verifyAnchors): a counterpart's signed receipt
 * verified against the trust store, and the seal head inside an envelope we sent, read with our own key.
 */
export function anchorChecks(
  agencyId: string,
  trustStore: TrustStore,
  ownKeys?: { decryption: readonly PrivateKey[]; verification: readonly PublicKey[] },
): AnchorChecks {
  return {
    async checkReceipt(signed) {
      const opened = await openReceipt(signed, { ownAgencyId: agencyId, trustStore });
      if (!opened.ok) return { ok: false, reason: `${opened.reason}: ${opened.detail}` };
      const r = opened.receipt;
      return {
        ok: true,
        receiver: r.receiverAgencyId,
        status: r.status === 'ACCEPTED' ? 'accepted' : 'rejected',
        envelopeSha256: r.envelopeSha256,
        receivedAt: r.receivedAt.toISOString(),
      };
    },
    ...(ownKeys
      ? {
          async readSentHead(envelope) {
            const record = readInboxRecord(envelope);
            if (record.kind !== 'envelope') return undefined;
            const opened = await openSealedContent(record.envelope.sealed, {
              decryptionKeys: ownKeys.decryption,
              verificationKeys: ownKeys.verification,
            });
            if (!opened.ok) return undefined;
            const content = v1.SealedContent.decode(opened.content);
            if (content.header?.payloadType !== SEAL_HEAD_PAYLOAD_TYPE) return undefined;
            const head = decodePayload(SEAL_HEAD_PAYLOAD_TYPE, content.payload);
            return {
              chainHead: Buffer.from(head.chainHeadSha256).toString('hex'),
              position: head.position.toString(),
              signerFingerprint: opened.signerFingerprint,
            };
          },
        }
      : {}),
  };
}
