import * as openpgp from 'openpgp';
import type { SealVerifier } from '@xb/audit';
import { verifyBytes } from '@xb/envelope';

/**
 * A SealVerifier over the agency's public keys. A seal records a detached OpenPGP signature as text:
 * armoured (the audit lib's default signer) or base64 of the binary packets (envelope's `signBytes`);
 * both are accepted. Trust is by fingerprint: the signature must verify against the very key the seal
 * names, and that key must be one of `trusted`.
 */
export function agencySealVerifier(trusted: readonly openpgp.PublicKey[]): SealVerifier {
  const byFingerprint = new Map(trusted.map((key) => [key.getFingerprint().toLowerCase(), key]));
  return {
    async verify(bytes, signature, fingerprint) {
      const key = byFingerprint.get(fingerprint.toLowerCase());
      if (!key) return false;
      const binary = await signatureBytes(signature);
      if (!binary) return false;
      const result = await verifyBytes(bytes, binary, [key]);
      return result.ok;
    },
  };
}

/** The binary signature packets of an armoured or base64 signature; undefined when it is neither. */
export async function signatureBytes(signature: string): Promise<Uint8Array | undefined> {
  try {
    if (signature.startsWith('-----BEGIN PGP SIGNATURE-----')) {
      return (await openpgp.readSignature({ armoredSignature: signature })).write();
    }
    if (!/^[A-Za-z0-9+/]+=*$/.test(signature)) return undefined;
    return new Uint8Array(Buffer.from(signature, 'base64'));
  } catch {
    return undefined;
  }
}
