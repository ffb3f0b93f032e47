import { anchorChecks } from '@xb/exchange';
import { agencyKeyPaths, loadTrustStore } from '@xb/envelope';
import type { NodeCrypto } from './node-crypto';
import type { NodeDirectory } from './node-directory';

/**
 * The agency's keys as the audit endpoints need them: the trust store as on disk now (the api role
 * does not keep the gateway's copy), and the private key only where this process loaded it.
 */
export class NodeKeys {
  private crypto?: NodeCrypto;

  constructor(
    readonly agencyId: string,
    private readonly dataDir: string,
    private readonly directory?: NodeDirectory,
  ) {}

  /** Set once the gateway or sealer role has loaded the private keys. */
  loaded(crypto: NodeCrypto): void {
    this.crypto = crypto;
  }

  async trustStore() {
    // A signed agency directory, once accepted, is the trust store; the trust files only before that.
    const directory = this.directory?.current;
    if (directory) return directory.trustStore();
    const trust = await loadTrustStore(agencyKeyPaths(this.dataDir).trustDir);
    if (!trust.ok)
      throw new Error(
        `trust store refused: ${trust.problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`,
      );
    return trust.store;
  }

  /** This agency's public keys as its own trust store lists them (current and retired): seal verification. */
  async ownPublicKeys() {
    return (await this.trustStore()).keysOf(this.agencyId).map((entry) => entry.key);
  }

  /** Cross-anchor checks; sent seal heads are read back only where this process holds the private key. */
  async anchorChecks() {
    const trust = await this.trustStore();
    const own = this.crypto
      ? { decryption: this.crypto.ownKeys.all, verification: await this.ownPublicKeys() }
      : undefined;
    return anchorChecks(this.agencyId, trust, own);
  }
}
