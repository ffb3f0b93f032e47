/**
 * Detached signatures with an agency key: over exact bytes, binary OpenPGP signature packets
 * (`gpg --detach-sign` compatible). Receipts and the audit sealer's seals use them.
 */
import * as openpgp from 'openpgp';
import { keyIdsOf } from './agency-key';

/** Signs `data`; returns a binary OpenPGP detached signature. */
export async function signBytes(data: Uint8Array, signingKey: openpgp.PrivateKey): Promise<Uint8Array> {
  return openpgp.sign({
    message: await openpgp.createMessage({ binary: data }),
    signingKeys: signingKey,
    detached: true,
    format: 'binary',
  });
}

export type BytesVerification =
  { readonly ok: true; readonly signerFingerprint: string } | { readonly ok: false; readonly detail: string };

/**
 * Verifies a detached signature over `data` against `keys`: ok when at least one signature in it is a
 * valid signature by one of them. Never throws for bad input.
 */
export async function verifyBytes(
  data: Uint8Array,
  signature: Uint8Array,
  keys: readonly openpgp.PublicKey[],
  /** Time at which keys and signatures are checked. Default: now. */
  date?: Date,
): Promise<BytesVerification> {
  let parsed;
  try {
    parsed = await openpgp.readSignature({ binarySignature: signature });
  } catch {
    return { ok: false, detail: 'not an OpenPGP signature' };
  }
  const result = await openpgp.verify({
    message: await openpgp.createMessage({ binary: data }),
    signature: parsed,
    verificationKeys: [...keys],
    ...(date ? { date } : {}),
  });
  const checks = await Promise.allSettled(result.signatures.map((s) => s.verified));
  const index = checks.findIndex((c) => c.status === 'fulfilled');
  if (index < 0) {
    const rejected = checks[0] as PromiseRejectedResult | undefined;
    return {
      ok: false,
      detail: rejected
        ? String((rejected.reason as Error)?.message ?? rejected.reason).slice(0, 200)
        : 'no signature',
    };
  }
  const signerId = result.signatures[index].keyID.toHex();
  const signer = keys.find((key) => keyIdsOf(key).includes(signerId));
  return { ok: true, signerFingerprint: signer?.getFingerprint() ?? signerId };
}
