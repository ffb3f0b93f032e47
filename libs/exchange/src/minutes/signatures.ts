/**
 * Signatures over hand-over minutes: each side signs the canonical bytes (docs/protocol.md section 3a)
 * with its agency key, a detached OpenPGP signature as the receipts and seals are. Used by the minutes
 * signer (our signature), the inbox (the counterpart's, before its message is applied) and the auditor.
 */
import type { PrivateKey, PublicKey } from 'openpgp';
import { HandoverMinutes } from '@xb/domain';
import { signBytes, verifyBytes } from '@xb/envelope';
import { minutesBytesOf } from '../wire-mapping/minutes';

/** Our signature over the minutes, base64 of the binary signature packets. */
export const signMinutes = async (minutes: HandoverMinutes, key: PrivateKey): Promise<string> =>
  Buffer.from(await signBytes(minutesBytesOf(minutes), key)).toString('base64');

export type MinutesSignatureVerdict =
  | { readonly ok: true; readonly signerFingerprint: string }
  | {
      readonly ok: false;
      /** Not a valid signature by any key we know / valid, but by a key of another agency than the signer's. */
      readonly reason: 'MINUTES_SIGNATURE_INVALID' | 'MINUTES_WRONG_SIGNER';
      readonly field: 'signature';
      readonly detail: string;
    };

/**
 * Checks `signature` (base64) over the canonical minutes: valid by one of `signerKeys` (the agency that
 * should have signed), else refused as a wrong signer when one of `otherKeys` made it, else as invalid.
 */
export async function verifyMinutesSignature(
  minutes: HandoverMinutes,
  signature: string,
  signerKeys: readonly PublicKey[],
  otherKeys: readonly PublicKey[] = [],
  at?: Date,
): Promise<MinutesSignatureVerdict> {
  const bytes = minutesBytesOf(minutes);
  const packets = new Uint8Array(Buffer.from(signature, 'base64'));
  const byTheSigner = await verifyBytes(bytes, packets, signerKeys, at);
  if (byTheSigner.ok) return byTheSigner;
  if (otherKeys.length > 0 && (await verifyBytes(bytes, packets, otherKeys, at)).ok) {
    const detail = 'the minutes are signed by a key of another agency than the signer';
    return { ok: false, reason: 'MINUTES_WRONG_SIGNER', field: 'signature', detail };
  }
  return { ok: false, reason: 'MINUTES_SIGNATURE_INVALID', field: 'signature', detail: byTheSigner.detail };
}
