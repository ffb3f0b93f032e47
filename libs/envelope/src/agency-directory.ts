/**
 * The agency directory of the three-level mechanism (central, provincial, border post): every agency's
 * country, level, keys (validity, revocation) and the counterpart agencies it is paired with at the
 * same level. A central-level agency signs the directory's exact bytes with a detached OpenPGP signature
 * (`gpg --detach-sign` compatible, as receipts and audit seals are signed); nodes take their trust
 * store from the newest directory they accepted, so a rotation or revocation it carries takes effect
 * without a restart. Layout on a node: docs/operations.md, "Agency directory".
 *
 *   { "format": "xborder-agency-directory/1", "serial": 7, "issuedAt": "2026-12-01T00:00:00Z",
 *     "issuer": "VN.MPS.C03",
 *     "agencies": [ { "agencyId": "VN.BGC.LAICHAU", "country": "VN", "level": "provincial",
 *                     "pairedWith": ["CN.YN.BORDERPOLICE"],
 *                     "keys": [ { "fingerprint": "…", "validFrom": "…", "validUntil": null,
 *                                 "revokedAt": null, "revocationReason": null, "publicKey": "…" } ] } ] }
 */
import type { PublicKey } from 'openpgp';
import { z } from 'zod';
import { verifyBytes } from './detached';
import { TrustStore, TrustedKey } from './trust-store';
import { trustedKeyFrom } from './trust-store-files';
import { isAgencyId } from './validate';

export const DIRECTORY_FORMAT = 'xborder-agency-directory/1';
export const AGENCY_LEVELS = ['central', 'provincial', 'post'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time');

const keySchema = z.object({
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'lower-case hex fingerprint (40 or 64 digits)'),
  validFrom: isoTime,
  validUntil: isoTime.nullish(),
  revokedAt: isoTime.nullish(),
  revocationReason: z.string().max(300).nullish(),
  publicKey: z.string().includes('BEGIN PGP PUBLIC KEY BLOCK', { message: 'an armoured OpenPGP public key' }),
});

const agencySchema = z.object({
  agencyId: z.string().refine(isAgencyId, 'an agency id like CN.YN.BORDERPOLICE'),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code'),
  level: z.enum(AGENCY_LEVELS),
  pairedWith: z.array(z.string().refine(isAgencyId, 'agency ids')).default([]),
  keys: z.array(keySchema).min(1, 'at least one key'),
});

const directorySchema = z.object({
  format: z.literal(DIRECTORY_FORMAT),
  serial: z.number().int().positive(),
  issuedAt: isoTime,
  issuer: z.string().refine(isAgencyId, 'an agency id'),
  agencies: z.array(agencySchema).min(1),
});

/** The JSON content of a directory file. */
export type AgencyDirectoryFile = z.input<typeof directorySchema>;
export type DirectoryAgencyEntry = z.infer<typeof agencySchema>;

/** Why a directory was refused; `field` names the part at fault when there is one. */
export type DirectoryRefusalCode =
  'DIRECTORY_UNSIGNED' | 'DIRECTORY_BAD_SIGNATURE' | 'DIRECTORY_INVALID' | 'DIRECTORY_REPLAYED';

export interface DirectoryRefusal {
  readonly ok: false;
  readonly code: DirectoryRefusalCode;
  readonly field?: string;
  readonly detail: string;
}

/** An agency as the directory lists it, keys parsed. */
export interface DirectoryAgency {
  readonly agencyId: string;
  readonly country: string;
  readonly level: AgencyLevel;
  readonly pairedWith: readonly string[];
}

/** A directory that passed every rule and whose signature verified. */
export class AgencyDirectory {
  private readonly byId: ReadonlyMap<string, DirectoryAgency>;

  constructor(
    readonly serial: number,
    readonly issuedAt: Date,
    readonly issuer: string,
    agencies: readonly DirectoryAgency[],
    readonly keys: readonly TrustedKey[],
    /** Fingerprint of the central key that signed it. */
    readonly signer: string,
  ) {
    this.byId = new Map(agencies.map((agency) => [agency.agencyId, agency]));
  }

  agencies(): DirectoryAgency[] {
    return [...this.byId.values()];
  }

  agency(agencyId: string): DirectoryAgency | undefined {
    return this.byId.get(agencyId);
  }

  /** Whether `us` and `them` are paired counterparts (pairing is symmetric, checked on load). */
  paired(us: string, them: string): boolean {
    return this.byId.get(us)?.pairedWith.includes(them) ?? false;
  }

  /** The trust store the directory defines: every agency's keys, revocations included. */
  trustStore(): TrustStore {
    return new TrustStore(this.keys);
  }

  /**
   * The central keys that may sign the next directory: unrevoked keys of its central agencies, so a
   * directory can introduce the central level's next key before the old one expires.
   */
  centralKeys(at: Date): PublicKey[] {
    const central = new Set(
      this.agencies()
        .filter((a) => a.level === 'central')
        .map((a) => a.agencyId),
    );
    return this.keys
      .filter((key) => central.has(key.agencyId) && !key.revokedAt)
      .filter((key) => key.validFrom <= at && (!key.validUntil || at < key.validUntil))
      .map((key) => key.key);
  }

  /** Fingerprints the directory revokes: never accepted as a directory signer, whatever is configured. */
  revokedFingerprints(): Set<string> {
    return new Set(this.keys.filter((key) => key.revokedAt).map((key) => key.fingerprint));
  }
}

const refuse = (code: DirectoryRefusalCode, detail: string, field?: string): DirectoryRefusal => ({
  ok: false,
  code,
  detail,
  ...(field === undefined ? {} : { field }),
});

/**
 * Checks a directory's content (no signature): format, agencies listed once, country matching the
 * agency id, the issuer a central agency, pairings symmetric, at the same level and across a border,
 * and every key sound (fingerprint, algorithm, window). Pure apart from parsing keys.
 */
export async function checkDirectoryContent(
  bytes: Uint8Array,
): Promise<
  | { readonly ok: true; readonly file: z.infer<typeof directorySchema>; readonly keys: TrustedKey[] }
  | DirectoryRefusal
> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return refuse('DIRECTORY_INVALID', 'not JSON', 'file');
  }
  const parsed = directorySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('DIRECTORY_INVALID', issue.message, issue.path.join('.') || 'file');
  }
  const file = parsed.data;
  const byId = new Map<string, (typeof file.agencies)[number]>();
  for (const [index, agency] of file.agencies.entries()) {
    const at = `agencies[${index}]`;
    if (byId.has(agency.agencyId))
      return refuse('DIRECTORY_INVALID', `${agency.agencyId} is listed twice`, `${at}.agencyId`);
    if (agency.agencyId.split('.')[0] !== agency.country)
      return refuse('DIRECTORY_INVALID', `country must be the agency id's first part`, `${at}.country`);
    byId.set(agency.agencyId, agency);
  }
  if (byId.get(file.issuer)?.level !== 'central')
    return refuse(
      'DIRECTORY_INVALID',
      'the issuer must be a central-level agency of the directory',
      'issuer',
    );
  for (const [index, agency] of file.agencies.entries()) {
    for (const [p, otherId] of agency.pairedWith.entries()) {
      const field = `agencies[${index}].pairedWith[${p}]`;
      const other = byId.get(otherId);
      if (!other) return refuse('DIRECTORY_INVALID', `${otherId} is not in the directory`, field);
      if (other.level !== agency.level)
        return refuse('DIRECTORY_INVALID', `${otherId} is not at the ${agency.level} level`, field);
      if (other.country === agency.country)
        return refuse('DIRECTORY_INVALID', `${otherId} is of the same country`, field);
      if (!other.pairedWith.includes(agency.agencyId))
        return refuse('DIRECTORY_INVALID', `${otherId} does not list ${agency.agencyId} back`, field);
    }
  }
  const keys: TrustedKey[] = [];
  const seen = new Set<string>();
  for (const [index, agency] of file.agencies.entries()) {
    for (const [k, entry] of agency.keys.entries()) {
      const field = `agencies[${index}].keys[${k}]`;
      if (seen.has(entry.fingerprint))
        return refuse('DIRECTORY_INVALID', 'a key listed for two agencies or twice', `${field}.fingerprint`);
      seen.add(entry.fingerprint);
      const key = await trustedKeyFrom({ ...entry, agencyId: agency.agencyId }, `directory ${field}`);
      if ('reason' in key) {
        const [where, ...why] = key.reason.split(': ');
        return refuse('DIRECTORY_INVALID', why.join(': ') || key.reason, `${field}.${where}`);
      }
      keys.push(key);
    }
  }
  return { ok: true, file, keys };
}

export interface DirectoryCheckOptions {
  /** Central keys this node was set up to trust (its root of trust for directories). */
  readonly rootKeys: readonly PublicKey[];
  /** The directory the node runs on now, if any: newer serials only, and its central keys count too. */
  readonly current?: AgencyDirectory;
  readonly now: Date;
}

/**
 * Verifies a directory and its detached signature: refused when unsigned, signed by no acceptable
 * central key (the configured roots and the current directory's central keys, less any key the current
 * directory revokes), not newer than the current one (a replay), or breaking a content rule.
 */
export async function verifyDirectory(
  bytes: Uint8Array,
  signature: Uint8Array | undefined,
  options: DirectoryCheckOptions,
): Promise<{ readonly ok: true; readonly directory: AgencyDirectory } | DirectoryRefusal> {
  if (!signature || signature.length === 0)
    return refuse('DIRECTORY_UNSIGNED', 'no detached signature came with the directory', 'signature');
  const revoked = options.current?.revokedFingerprints() ?? new Set<string>();
  const signers = [...options.rootKeys, ...(options.current?.centralKeys(options.now) ?? [])].filter(
    (key) => !revoked.has(key.getFingerprint()),
  );
  if (signers.length === 0)
    return refuse('DIRECTORY_BAD_SIGNATURE', 'no central key is configured to check it against', 'signature');
  const verified = await verifyBytes(bytes, signature, signers, options.now);
  if (!verified.ok)
    return refuse(
      'DIRECTORY_BAD_SIGNATURE',
      `not signed by a trusted central key (${verified.detail})`,
      'signature',
    );
  const content = await checkDirectoryContent(bytes);
  if (!content.ok) return content;
  const { file, keys } = content;
  if (options.current && file.serial <= options.current.serial)
    return refuse(
      'DIRECTORY_REPLAYED',
      `serial ${file.serial} is not newer than the current directory's ${options.current.serial}`,
      'serial',
    );
  const agencies = file.agencies.map(({ agencyId, country, level, pairedWith }) => ({
    agencyId,
    country,
    level,
    pairedWith,
  }));
  return {
    ok: true,
    directory: new AgencyDirectory(
      file.serial,
      new Date(file.issuedAt),
      file.issuer,
      agencies,
      keys,
      verified.signerFingerprint,
    ),
  };
}
