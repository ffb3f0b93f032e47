/**
 * The trust store on disk: one JSON file per trusted key in a directory (`<data dir>/trust/` by
 * default), named `<agency id>.<first 16 hex digits of the fingerprint>.json`:
 *
 *   { "agencyId": "CN.YN.BORDERPOLICE", "fingerprint": "<40 hex>", "validFrom": "2026-11-01T00:00:00Z",
 *     "validUntil": "2027-11-01T00:00:00Z", "revokedAt": null, "revocationReason": null,
 *     "publicKey": "-----BEGIN PGP PUBLIC KEY BLOCK-----..." }
 *
 * Every file is validated on load; a bad one is reported with its name and the reason.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { keyUnfitness, readPublicKeyCached } from './agency-key';
import { TrustStore, TrustedKey } from './trust-store';
import { isAgencyId } from './validate';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 time');

const trustFileSchema = z.object({
  agencyId: z.string().refine(isAgencyId, 'an agency id like CN.YN.BORDERPOLICE'),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'lower-case hex fingerprint (40 or 64 digits)'),
  validFrom: isoTime,
  validUntil: isoTime.nullish(),
  revokedAt: isoTime.nullish(),
  revocationReason: z.string().nullish(),
  publicKey: z.string().includes('BEGIN PGP PUBLIC KEY BLOCK', { message: 'an armoured OpenPGP public key' }),
});

/** The JSON content of one trust store file. */
export type TrustFile = z.infer<typeof trustFileSchema>;

/** A file that could not be loaded, and why. */
export interface TrustFileProblem {
  readonly file: string;
  readonly reason: string;
}

export type TrustStoreLoad =
  | { readonly ok: true; readonly store: TrustStore }
  | { readonly ok: false; readonly problems: readonly TrustFileProblem[] };

/** The file name of an entry: `<agency id>.<first 16 hex of the fingerprint>.json`. */
export const trustFileName = (agencyId: string, fingerprint: string): string =>
  `${agencyId}.${fingerprint.slice(0, 16)}.json`;

/**
 * Loads every `*.json` file of `dir` (a missing directory is an empty store). Any bad file makes the
 * whole load fail with the list of problems: a node must not run on a half-read trust store.
 */
export async function loadTrustStore(dir: string): Promise<TrustStoreLoad> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const results = await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => loadTrustFile(path.join(dir, n))),
  );
  const problems = results.filter((r): r is TrustFileProblem => 'reason' in r);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, store: new TrustStore(results as TrustedKey[]) };
}

/** Reads and validates one trust file. */
export async function loadTrustFile(file: string): Promise<TrustedKey | TrustFileProblem> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    return { file, reason: `not readable JSON: ${(error as Error).message}` };
  }
  const parsed = trustFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { file, reason: `${issue.path.join('.') || 'file'}: ${issue.message}` };
  }
  return trustedKeyFrom(parsed.data, file);
}

/** Builds a trusted key from a trust file's content, checking the key itself. */
export async function trustedKeyFrom(
  entry: TrustFile,
  file = '(in memory)',
): Promise<TrustedKey | TrustFileProblem> {
  let key;
  try {
    key = await readPublicKeyCached(entry.publicKey);
  } catch (error) {
    return { file, reason: `publicKey: not an OpenPGP public key (${(error as Error).message})` };
  }
  if (key.getFingerprint() !== entry.fingerprint) {
    return { file, reason: `fingerprint: the key's fingerprint is ${key.getFingerprint()}` };
  }
  const unfit = await keyUnfitness(key);
  if (unfit) return { file, reason: `publicKey: ${unfit}` };
  const validFrom = new Date(entry.validFrom);
  const validUntil = entry.validUntil ? new Date(entry.validUntil) : undefined;
  if (validUntil && validUntil <= validFrom) return { file, reason: 'validUntil: must be after validFrom' };
  return {
    agencyId: entry.agencyId,
    fingerprint: entry.fingerprint,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    ...(entry.revokedAt ? { revokedAt: new Date(entry.revokedAt) } : {}),
    ...(entry.revocationReason ? { revocationReason: entry.revocationReason } : {}),
    key,
    source: file,
  };
}
