import * as openpgp from 'openpgp';
import { openPgpSealSigner, openPgpSealVerifier } from '../openpgp-seals';
import type { SealSigner, SealVerifier } from '../seal';

/** FOR TESTS: a fresh legacy ECC key (ed25519Legacy, v4: what GnuPG 2.2 reads) and its seal signer/verifier. */
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

export async function openPgpSealKeys(agencyId: string): Promise<OpenPgpSealKeys> {
  const privateKey = await generateSealKey(agencyId);
  return {
    signer: openPgpSealSigner(privateKey),
    verifier: openPgpSealVerifier([privateKey.toPublic()]),
    privateKey,
    publicKey: privateKey.toPublic(),
  };
}
