/**
 * Where an agency node keeps its keys under its data dir (XB_DATA_DIR):
 *
 *   <data dir>/keys/agency.private.asc       the current private key (armoured; passphrase-protected
 *                                            when XB_KEY_PASSPHRASE was set at generation)
 *   <data dir>/keys/agency.public.asc        its public key, to give to counterparts
 *   <data dir>/keys/retired/<fpr>.private.asc  previous private keys, kept to open envelopes still
 *                                            encrypted to them during a rotation overlap
 *   <data dir>/trust/<agency>.<fpr16>.json   the trust store: one file per trusted key (our own too)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PrivateKey } from 'openpgp';
import { readAgencyPrivateKey } from './agency-key';

export interface AgencyKeyPaths {
  readonly keysDir: string;
  readonly privateKey: string;
  readonly publicKey: string;
  readonly retiredDir: string;
  readonly trustDir: string;
}

export function agencyKeyPaths(dataDir: string): AgencyKeyPaths {
  const keysDir = path.join(dataDir, 'keys');
  return {
    keysDir,
    privateKey: path.join(keysDir, 'agency.private.asc'),
    publicKey: path.join(keysDir, 'agency.public.asc'),
    retiredDir: path.join(keysDir, 'retired'),
    trustDir: path.join(dataDir, 'trust'),
  };
}

/** The agency's own decrypted private keys: the current one first, then retired ones. */
export interface OwnKeys {
  readonly current: PrivateKey;
  readonly all: readonly PrivateKey[];
}

/**
 * Loads the agency's private keys from the data dir, decrypting them with `passphrase` (default:
 * env XB_KEY_PASSPHRASE) when protected. Throws when the current key is missing or unreadable.
 */
export async function loadOwnKeys(
  dataDir: string,
  passphrase = process.env.XB_KEY_PASSPHRASE,
): Promise<OwnKeys> {
  const paths = agencyKeyPaths(dataDir);
  const current = await readAgencyPrivateKey(await fs.readFile(paths.privateKey, 'utf8'), passphrase);
  const retiredNames = await fs.readdir(paths.retiredDir).catch(() => [] as string[]);
  const retired = await Promise.all(
    retiredNames
      .filter((n) => n.endsWith('.private.asc'))
      .sort()
      .map(async (n) =>
        readAgencyPrivateKey(await fs.readFile(path.join(paths.retiredDir, n), 'utf8'), passphrase),
      ),
  );
  return { current, all: [current, ...retired] };
}
