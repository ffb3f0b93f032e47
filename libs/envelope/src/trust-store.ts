/**
 * The trust store: counterpart agencies, their public keys and each key's validity window and
 * revocation. Key rotation is two entries for one agency whose windows overlap: both keys verify
 * during the overlap, and senders encrypt to the newer one. Keys are parsed once, when the store is
 * built, and the key objects are reused for every seal and open.
 */
import type { PublicKey } from 'openpgp';
import { keyIdsOf } from './agency-key';

/** One trusted key of an agency, parsed. */
export interface TrustedKey {
  readonly agencyId: string;
  /** Primary key fingerprint, lower-case hex. */
  readonly fingerprint: string;
  readonly validFrom: Date;
  /** Exclusive end of validity; `undefined` means no end. */
  readonly validUntil?: Date;
  /** When set, the key is refused for every message, whatever its sent_at (a stolen key can backdate). */
  readonly revokedAt?: Date;
  readonly revocationReason?: string;
  readonly key: PublicKey;
  /** The file the entry came from, when loaded from a directory. */
  readonly source?: string;
}

/** The keys a sender may have signed with, or why there are none. */
export type SenderLookup =
  | { readonly ok: true; readonly keys: readonly TrustedKey[] }
  | {
      readonly ok: false;
      readonly reason: 'UNKNOWN_SENDER' | 'KEY_EXPIRED' | 'KEY_REVOKED';
      readonly detail: string;
    };

export const isValidAt = (entry: TrustedKey, at: Date): boolean =>
  entry.validFrom.getTime() <= at.getTime() &&
  (!entry.validUntil || at.getTime() < entry.validUntil.getTime());

export class TrustStore {
  private readonly byAgency = new Map<string, TrustedKey[]>();
  private readonly byKeyId = new Map<string, TrustedKey>();
  private replaced = 0;

  constructor(entries: readonly TrustedKey[]) {
    this.fill(entries);
  }

  /**
   * Replaces every entry at once (a newer signed agency directory): the codec and the anchorer hold this
   * object, so a rotation or revocation takes effect for the next seal or open without a restart.
   */
  replace(entries: readonly TrustedKey[]): void {
    this.byAgency.clear();
    this.byKeyId.clear();
    this.fill(entries);
    this.replaced++;
  }

  /**
   * How many times the entries were replaced: a copy of the store elsewhere (a crypto child process)
   * is current only while it holds the same version.
   */
  get version(): number {
    return this.replaced;
  }

  private fill(entries: readonly TrustedKey[]): void {
    for (const entry of entries) {
      const list = this.byAgency.get(entry.agencyId) ?? [];
      list.push(entry);
      this.byAgency.set(entry.agencyId, list);
      for (const id of keyIdsOf(entry.key)) this.byKeyId.set(id, entry);
    }
    for (const list of this.byAgency.values())
      list.sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());
  }

  /** Every entry, newest first within each agency. */
  entries(): TrustedKey[] {
    return [...this.byAgency.values()].flat();
  }

  agencies(): string[] {
    return [...this.byAgency.keys()].sort();
  }

  /** All entries of an agency (any state), newest first. */
  keysOf(agencyId: string): readonly TrustedKey[] {
    return this.byAgency.get(agencyId) ?? [];
  }

  /** The entry holding the key (primary or subkey) with this key id (hex), if any. */
  byKeyIdHex(keyIdHex: string): TrustedKey | undefined {
    return this.byKeyId.get(keyIdHex.toLowerCase());
  }

  /**
   * The keys of `agencyId` valid at `at` and not revoked. Refuses with UNKNOWN_SENDER (no entry),
   * KEY_EXPIRED (entries, none valid at `at`) or KEY_REVOKED (those valid at `at` are revoked).
   */
  senderKeys(agencyId: string, at: Date): SenderLookup {
    const all = this.keysOf(agencyId);
    if (all.length === 0)
      return { ok: false, reason: 'UNKNOWN_SENDER', detail: `no key for agency ${agencyId}` };
    const current = all.filter((entry) => isValidAt(entry, at));
    if (current.length === 0) {
      return { ok: false, reason: 'KEY_EXPIRED', detail: `no key of ${agencyId} valid at ${stamp(at)}` };
    }
    const usable = current.filter((entry) => !entry.revokedAt);
    if (usable.length === 0) {
      return {
        ok: false,
        reason: 'KEY_REVOKED',
        detail: `keys of ${agencyId} valid at ${stamp(at)} are revoked`,
      };
    }
    return { ok: true, keys: usable };
  }

  /** The key to encrypt to for `agencyId` at `at`: the newest valid, unrevoked one. */
  encryptionKeyFor(agencyId: string, at: Date): PublicKey | undefined {
    const lookup = this.senderKeys(agencyId, at);
    return lookup.ok ? lookup.keys[0].key : undefined;
  }
}

const stamp = (at: Date): string => (Number.isNaN(at.getTime()) ? 'an invalid time' : at.toISOString());
