import {
  loadOwnKeys,
  loadTrustStore,
  OwnKeys,
  readPublicKeyCached,
  TrustStore,
  agencyKeyPaths,
} from '@xb/envelope';
import fs from 'node:fs/promises';
import type { PublicKey } from 'openpgp';

export interface NodeCrypto {
  readonly ownKeys: OwnKeys;
  readonly ownPublicKey: PublicKey;
  readonly trustStore: TrustStore;
}

/** A start-up problem a person must fix (missing key, bad trust file): the node stops with this message. */
export class NodeSetupError extends Error {
  readonly code = 'NODE_SETUP';
}

/**
 * Loads the agency's private keys and the trust store from the data dir (see libs/envelope key-files).
 * Only the roles that sign or open (gateway, sealer) call this.
 */
export async function loadNodeCrypto(dataDir: string, passphrase?: string): Promise<NodeCrypto> {
  const paths = agencyKeyPaths(dataDir);
  const trust = await loadTrustStore(paths.trustDir);
  if (!trust.ok) {
    throw new NodeSetupError(
      `trust store ${paths.trustDir} refused:\n` +
        trust.problems.map((p) => `  ${p.file}: ${p.reason}`).join('\n'),
    );
  }
  let ownKeys: OwnKeys;
  try {
    ownKeys = await loadOwnKeys(dataDir, passphrase);
  } catch (error) {
    throw new NodeSetupError(
      `cannot load the agency private key from ${paths.privateKey} (${error instanceof Error ? error.message : String(error)}); ` +
        'create one with `npm run keys -- generate`',
    );
  }
  const ownPublicKey = await readPublicKeyCached(await fs.readFile(paths.publicKey, 'utf8'));
  return { ownKeys, ownPublicKey, trustStore: trust.store };
}
