/**
 * Agency key pairs (OpenPGP): generation, reading with a cache (openpgp's readKey is costly: parse
 * once, reuse the key objects for every seal and open), and the strength rule for counterparts' keys.
 */
import * as openpgp from 'openpgp';

/** An agency's key pair as armoured OpenPGP text. */
export interface GeneratedAgencyKey {
  readonly privateKeyArmored: string;
  readonly publicKeyArmored: string;
  /** Primary key fingerprint, lower-case hex (40 digits for v4 keys). */
  readonly fingerprint: string;
}

export interface GenerateAgencyKeyOptions {
  /** Agency id, e.g. `VN.BGC.LAICHAU`; becomes the key's user id. */
  readonly agencyId: string;
  /** Encrypts the private key (S2K) when set. Default: none. */
  readonly passphrase?: string;
  /**
   * `ecc` (default): ed25519Legacy signing + curve25519Legacy encryption v4 keys, readable by GnuPG 2.2.
   * `rsa`: RSA with `rsaBits` (default 3072), for counterparts that require it (25x slower to decrypt).
   */
  readonly type?: 'ecc' | 'rsa';
  readonly rsaBits?: number;
  /** Creation time of the key. Default: now. */
  readonly date?: Date;
}

/** Generates an agency key pair. */
export async function generateAgencyKey(options: GenerateAgencyKeyOptions): Promise<GeneratedAgencyKey> {
  const type = options.type ?? 'ecc';
  const { privateKey, publicKey } = await openpgp.generateKey({
    type,
    ...(type === 'rsa' ? { rsaBits: options.rsaBits ?? 3072 } : {}),
    userIDs: [{ name: options.agencyId, comment: 'xborder agency key' }],
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.date ? { date: options.date } : {}),
    format: 'armored',
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { privateKeyArmored: privateKey, publicKeyArmored: publicKey, fingerprint: key.getFingerprint() };
}

const publicKeyCache = new Map<string, Promise<openpgp.PublicKey>>();

/** Reads an armoured public key, once per distinct text (the result is cached for the process). */
export function readPublicKeyCached(armored: string): Promise<openpgp.PublicKey> {
  let key = publicKeyCache.get(armored);
  if (!key) {
    key = openpgp.readKey({ armoredKey: armored }).then((k) => k.toPublic());
    key.catch(() => publicKeyCache.delete(armored));
    publicKeyCache.set(armored, key);
  }
  return key;
}

/** Reads an armoured (or binary) private key and decrypts it with `passphrase` when it is protected. */
export async function readAgencyPrivateKey(
  armored: string,
  passphrase?: string,
): Promise<openpgp.PrivateKey> {
  const key = await openpgp.readPrivateKey({ armoredKey: armored });
  if (key.isDecrypted()) return key;
  if (!passphrase) throw new Error('the private key is passphrase-protected: set XB_KEY_PASSPHRASE');
  return openpgp.decryptKey({ privateKey: key, passphrase });
}

/** Smallest RSA modulus accepted from a counterpart. */
export const MIN_RSA_BITS = 3072;

/**
 * Why a counterpart's key is unfit for the exchange, or `undefined` when it is fit: it must sign and
 * encrypt, with RSA of at least 3072 bits or elliptic curves (ed25519/curve25519, NIST or Brainpool).
 */
export async function keyUnfitness(key: openpgp.PublicKey): Promise<string | undefined> {
  for (const part of [key, ...key.getSubkeys()]) {
    const info = part.getAlgorithmInfo();
    if (info.algorithm.startsWith('rsa') && (info.bits ?? 0) < MIN_RSA_BITS) {
      return `RSA key of ${info.bits} bits: at least ${MIN_RSA_BITS} required`;
    }
    if (info.algorithm === 'dsa' || info.algorithm === 'elgamal')
      return `${info.algorithm} keys are not accepted`;
  }
  try {
    await key.getSigningKey();
  } catch {
    return 'no usable signing key';
  }
  try {
    await key.getEncryptionKey();
  } catch {
    return 'no usable encryption key';
  }
  return undefined;
}

/** All key ids (primary and subkeys) of a key, lower-case hex, to match signatures and PKESK packets. */
export const keyIdsOf = (key: openpgp.Key): string[] => key.getKeyIDs().map((id) => id.toHex());
