import * as openpgp from 'openpgp';
import type { SealSigner, SealVerifier } from './seal';

/**
 * Seal signatures with OpenPGP: an armored detached signature by the agency key, and a verifier that
 * trusts only the keys it is given (by fingerprint). The node's sealer and the auditor's `verify` use these.
 */
export function openPgpSealSigner(privateKey: openpgp.PrivateKey): SealSigner {
  return {
    fingerprint: privateKey.getFingerprint(),
    sign: async (bytes) =>
      openpgp.sign({
        message: await openpgp.createMessage({ binary: bytes }),
        signingKeys: privateKey,
        detached: true,
      }),
  };
}

export function openPgpSealVerifier(trusted: readonly openpgp.PublicKey[]): SealVerifier {
  const byFingerprint = new Map(trusted.map((key) => [key.getFingerprint(), key]));
  return {
    async verify(bytes, armoredSignature, fingerprint) {
      const key = byFingerprint.get(fingerprint.toLowerCase());
      if (!key) return false;
      try {
        const signature = await openpgp.readSignature({ armoredSignature });
        const message = await openpgp.createMessage({ binary: bytes });
        const { signatures } = await openpgp.verify({ message, signature, verificationKeys: key });
        if (signatures.length === 0) return false;
        await signatures[0].verified; // rejects when the digest or the key does not match
        return true;
      } catch {
        return false;
      }
    },
  };
}
