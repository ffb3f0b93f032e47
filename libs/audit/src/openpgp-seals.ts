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

/**
 * Verifies seal signatures against the agency keys it is given. A seal records a detached signature as
 * text: armoured (what openPgpSealSigner writes) or base64 of the binary packets; both are accepted.
 * Trust is by fingerprint: the signature must verify against the very key the seal names.
 */
export function openPgpSealVerifier(trusted: readonly openpgp.PublicKey[]): SealVerifier {
  const byFingerprint = new Map(trusted.map((key) => [key.getFingerprint().toLowerCase(), key]));
  return {
    async verify(bytes, signatureText, fingerprint) {
      const key = byFingerprint.get(fingerprint.toLowerCase());
      if (!key) return false;
      try {
        const signature = signatureText.startsWith('-----BEGIN PGP SIGNATURE-----')
          ? await openpgp.readSignature({ armoredSignature: signatureText })
          : /^[A-Za-z0-9+/]+=*$/.test(signatureText)
            ? await openpgp.readSignature({
                binarySignature: new Uint8Array(Buffer.from(signatureText, 'base64')),
              })
            : undefined;
        if (!signature) return false;
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
