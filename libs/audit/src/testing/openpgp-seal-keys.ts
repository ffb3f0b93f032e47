import * as openpgp from 'openpgp';
import type { SealSigner, SealVerifier } from '../seal';

/**
 * FOR TESTS: a SealSigner/SealVerifier pair over openpgp detached signatures with a legacy ECC key
 * (ed25519Legacy, v4: what GnuPG 2.2 reads). The lead swaps in the envelope lib's key handling later;
 * the seal format does not change, since it records an armored detached signature and a fingerprint.
 */
export interface OpenPgpSealKeys {
  readonly signer: SealSigner;
  /** Trusts only the fingerprints it was given. */
  readonly verifier: SealVerifier;
  readonly privateKey: openpgp.PrivateKey;
  readonly publicKey: openpgp.PublicKey;
}

export async function generateSealKey(agencyId: string): Promise<openpgp.PrivateKey> {
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    userIDs: [{ name: agencyId }],
    format: 'object',
  });
  return privateKey;
}

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

export async function openPgpSealKeys(agencyId: string): Promise<OpenPgpSealKeys> {
  const privateKey = await generateSealKey(agencyId);
  return {
    signer: openPgpSealSigner(privateKey),
    verifier: openPgpSealVerifier([privateKey.toPublic()]),
    privateKey,
    publicKey: privateKey.toPublic(),
  };
}
