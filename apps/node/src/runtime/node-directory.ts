import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PublicKey } from 'openpgp';
import {
  AgencyDirectory,
  DirectoryRefusal,
  readPublicKeyCached,
  TrustStore,
  verifyDirectory,
} from '@xb/envelope';
import type { EventStore } from '@xb/event-store';

/**
 * Where a node keeps the signed agency directory (docs/operations.md, "Agency directory"):
 *
 *   <data dir>/directory/central-keys/*.asc            central keys trusted to sign directories (set-up)
 *   <data dir>/directory/incoming/agency-directory.json  (+ .sig) the newest directory, dropped here
 *   <data dir>/directory/accepted/agency-directory.json  (+ .sig) the one the node runs on
 */
export function directoryPaths(dataDir: string) {
  const dir = path.join(dataDir, 'directory');
  const file = (sub: string) => path.join(dir, sub, 'agency-directory.json');
  return {
    centralKeysDir: path.join(dir, 'central-keys'),
    incoming: file('incoming'),
    accepted: file('accepted'),
  };
}

export const signatureFileOf = (directoryFile: string) => `${directoryFile}.sig`;

export const AUDIT_DIRECTORY_ACCEPTED = 'AuditAgencyDirectoryAccepted';
export const AUDIT_DIRECTORY_REFUSED = 'AuditAgencyDirectoryRefused';

/** What the node says about a directory it looked at (no key material, no particulars). */
export interface DirectoryVerdict {
  readonly outcome: 'accepted' | 'refused' | 'unchanged' | 'none';
  readonly serial?: number;
  readonly code?: string;
  readonly field?: string;
  readonly detail?: string;
}

export interface NodeDirectoryOptions {
  readonly agencyId: string;
  readonly dataDir: string;
  readonly clock: () => Date;
  /** Where accepted and refused directories are recorded (the audit trail). */
  readonly store?: EventStore;
}

/**
 * The node's agency directory: loaded at start from the accepted copy, then replaced whenever a newer
 * signed directory is dropped into `incoming/` (checked by `check()`, on a ticker). Accepting one
 * replaces the entries of the trust store handed to `attach()` in place, so the gateway's codec seals
 * to rotated keys and refuses revoked ones from the next message on. Without any directory the node
 * runs on its trust files as before (`legacy`), and pairing is not enforced.
 */
export class NodeDirectory {
  private directory?: AgencyDirectory;
  private trust?: TrustStore;
  private lastSeen?: string;
  private lastVerdict: DirectoryVerdict = { outcome: 'none' };

  constructor(private readonly options: NodeDirectoryOptions) {}

  get current(): AgencyDirectory | undefined {
    return this.directory;
  }

  get verdict(): DirectoryVerdict {
    return this.lastVerdict;
  }

  /** The trust store that follows the directory (the gateway's). Applies the current directory to it. */
  attach(trust: TrustStore): void {
    this.trust = trust;
    if (this.directory) trust.replace(this.directory.keys);
  }

  /** Loads the accepted directory, if any, checking its signature again (a copy edited on disk is refused). */
  async load(): Promise<DirectoryVerdict> {
    const paths = directoryPaths(this.options.dataDir);
    const bytes = await readIfAny(paths.accepted);
    if (!bytes) return this.lastVerdict;
    const signature = await readIfAny(signatureFileOf(paths.accepted));
    const verified = await this.verify(bytes, signature);
    if (!verified.ok)
      throw new Error(
        `the accepted agency directory ${paths.accepted} is refused: ${verified.code} (${verified.field ?? ''}: ${verified.detail})`,
      );
    this.apply(verified.directory);
    this.lastSeen = fingerprintOf(bytes, signature);
    return (this.lastVerdict = { outcome: 'accepted', serial: verified.directory.serial });
  }

  /**
   * Looks at `incoming/`: a directory (with its signature) not seen before is verified and, when newer
   * and sound, becomes the node's directory; a refused one is audited with its reason and left there.
   */
  async check(): Promise<DirectoryVerdict> {
    const paths = directoryPaths(this.options.dataDir);
    const bytes = await readIfAny(paths.incoming);
    if (!bytes) return this.lastVerdict;
    const signature = await readIfAny(signatureFileOf(paths.incoming));
    const seen = fingerprintOf(bytes, signature);
    if (seen === this.lastSeen) return { ...this.lastVerdict, outcome: 'unchanged' };
    this.lastSeen = seen;
    const verified = await this.verify(bytes, signature);
    if (!verified.ok) {
      this.lastVerdict = { outcome: 'refused', ...refusalFacts(verified) };
      await this.audit(AUDIT_DIRECTORY_REFUSED, { ...refusalFacts(verified), sha256: sha256(bytes) });
      return this.lastVerdict;
    }
    await fs.mkdir(path.dirname(paths.accepted), { recursive: true });
    // The signature first: a crash between the two leaves an accepted copy that fails its check loudly.
    await writeAtomically(signatureFileOf(paths.accepted), signature!);
    await writeAtomically(paths.accepted, bytes);
    this.apply(verified.directory);
    this.lastVerdict = { outcome: 'accepted', serial: verified.directory.serial };
    await this.audit(AUDIT_DIRECTORY_ACCEPTED, {
      serial: verified.directory.serial,
      issuer: verified.directory.issuer,
      signer: verified.directory.signer,
      sha256: sha256(bytes),
    });
    return this.lastVerdict;
  }

  /**
   * Whether this node may open a case with `counterpart`: with a directory, only with the agencies it
   * pairs us with; without one (legacy trust files), with any agency it trusts.
   */
  mayOpenWith(counterpart: string): boolean {
    return this.directory ? this.directory.paired(this.options.agencyId, counterpart) : true;
  }

  private apply(directory: AgencyDirectory): void {
    this.directory = directory;
    this.trust?.replace(directory.keys);
  }

  private async verify(bytes: Uint8Array, signature: Uint8Array | undefined) {
    const verified = await verifyDirectory(bytes, signature, {
      rootKeys: await centralKeysOf(this.options.dataDir),
      ...(this.directory ? { current: this.directory } : {}),
      now: this.options.clock(),
    });
    if (verified.ok && !verified.directory.agency(this.options.agencyId)) {
      const refusal: DirectoryRefusal = {
        ok: false,
        code: 'DIRECTORY_INVALID',
        field: 'agencies',
        detail: `this agency (${this.options.agencyId}) is not in the directory`,
      };
      return refusal;
    }
    return verified;
  }

  private async audit(type: string, data: Record<string, unknown>): Promise<void> {
    if (!this.options.store) return;
    const at = this.options.clock().toISOString();
    await this.options.store.appendToStream(
      `audit-directory-${at.slice(0, 10)}`,
      [
        {
          type,
          data: { ...data, at },
          metadata: {
            correlationId: `directory:${this.options.agencyId}`,
            actor: 'system:directory',
            occurredAt: at,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}

/** The central keys a node was set up to trust for directories (`directory/central-keys/*.asc`). */
export async function centralKeysOf(dataDir: string): Promise<PublicKey[]> {
  const dir = directoryPaths(dataDir).centralKeysDir;
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.asc')).sort();
  return Promise.all(
    names.map(async (n) => readPublicKeyCached(await fs.readFile(path.join(dir, n), 'utf8'))),
  );
}

/** The trust store a process without the gateway reads: the accepted directory's keys, if there is one. */
export async function acceptedDirectoryTrust(
  dataDir: string,
  agencyId: string,
  now: Date,
): Promise<TrustStore | undefined> {
  const directory = new NodeDirectory({ agencyId, dataDir, clock: () => now });
  await directory.load();
  return directory.current?.trustStore();
}

const refusalFacts = (refusal: DirectoryRefusal) => ({
  code: refusal.code,
  ...(refusal.field === undefined ? {} : { field: refusal.field }),
  detail: refusal.detail,
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fingerprintOf = (bytes: Uint8Array, signature: Uint8Array | undefined) =>
  `${sha256(bytes)}:${signature ? sha256(signature) : '-'}`;

async function readIfAny(file: string): Promise<Uint8Array | undefined> {
  return fs.readFile(file).then(
    (buffer) => new Uint8Array(buffer),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, bytes);
  await fs.rename(temporary, file);
}
