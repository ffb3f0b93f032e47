import type { PublicKey } from 'openpgp';
import { TrustStore } from '@xb/envelope';
import { ApplyInbound } from '../ports';
import { minutesOfBytes } from '../wire-mapping/minutes';
import { verifyMinutesSignature } from './signatures';

const MINUTES_PAYLOADS = new Set([
  'xborder.v1.RepatriationMinutesProposal',
  'xborder.v1.RepatriationMinutesCountersignature',
  'xborder.v1.SuspectHandoverMinutesProposal',
  'xborder.v1.SuspectHandoverMinutesCountersignature',
]);

/**
 * The inbound applier with the check of a minutes signature in front of it: the envelope's signature
 * says who sent the message, this one that the sender's agency signed the minutes themselves (they
 * are kept with the case and verified again by an auditor). A bad signature or one by another agency's
 * key is refused (rejected receipt `MINUTES_SIGNATURE_INVALID:signature` / `MINUTES_WRONG_SIGNER:signature`)
 * and nothing is applied; minutes that are not canonical are left to the wire mapping to refuse.
 */
export function minutesCheckedApplier(
  inner: ApplyInbound,
  trustStore: TrustStore,
  ownPublicKey: PublicKey,
): ApplyInbound {
  return async (header, payload) => {
    if (!MINUTES_PAYLOADS.has(header.payloadType)) return inner(header, payload);
    const minutes = minutesOfBytes(payload.minutes as Uint8Array | undefined);
    const signature = payload.signature as Uint8Array | undefined;
    if (!minutes || !signature || signature.length === 0) return inner(header, payload);
    const at = new Date(header.sentAt);
    const sender = trustStore.senderKeys(header.sender, at);
    const signerKeys = sender.ok ? sender.keys.map((entry) => entry.key) : [];
    const others = [
      ownPublicKey,
      ...trustStore
        .agencies()
        .filter((agency) => agency !== header.sender)
        .flatMap((agency) => trustStore.keysOf(agency).map((entry) => entry.key)),
    ];
    const verdict = await verifyMinutesSignature(
      minutes,
      Buffer.from(signature).toString('base64'),
      signerKeys,
      others,
      at,
    );
    if (!verdict.ok)
      return { accepted: false, reason: `${verdict.reason}:${verdict.field}`, detail: verdict.detail };
    return inner(header, payload);
  };
}
