import fs from 'node:fs/promises';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { agencyKeyPaths, loadTrustFile, readAgencyPrivateKey } from '@xb/envelope';
import { UsageError } from '../cli/io';

/** A key a seal may be signed with, what binds it to an agency, and whether that came from outside the audit. */
export interface SealKey {
  readonly key: openpgp.PublicKey;
  /** Lower-case hex. */
  readonly fingerprint: string;
  /** The agencies the key belongs to: its trust-store entry's agency, else the names of its user IDs. */
  readonly agencies: readonly string[];
  /**
   * True when the auditor brought the key (a file or directory given on the command line) or pinned its
   * fingerprint; false for keys found in the audited data dir, which a forger can write as easily as events.
   */
  readonly independent: boolean;
  readonly origin: string;
}

/** Where the seal keys come from (docs/auditor.md, "Finding the store and the keys"). */
export interface KeySource {
  /** Armoured key files (public, or private whose public part is taken). */
  readonly publicKeyFiles?: readonly string[];
  /**
   * A directory: every `*.asc` key and every trust-store file (`*.json`) in it, each bound to its agency;
   * when none is the audited agency's, the data dir's keys are added (not independent).
   */
  readonly keysDir?: string;
  /** The node's data dir, used when neither of the above is given: keys/agency.public.asc and keys/retired/. */
  readonly dataDir: string;
  /** Fingerprints the auditor confirmed out of band (`--fingerprint`): these keys count as independent. */
  readonly pinned?: readonly string[];
  /** The audited agency, which a pinned key is bound to. */
  readonly agencyId: string | undefined;
}

/** Loads the keys the seal signatures must verify against; throws UsageError when there are none. */
export async function loadSealKeys(source: KeySource): Promise<SealKey[]> {
  const keys = source.publicKeyFiles?.length
    ? await Promise.all(source.publicKeyFiles.map(async (file) => keyFileEntry(file, true)))
    : source.keysDir
      ? await withDataDirKeysIfNoneOurs(await keysInDirectory(source.keysDir), source)
      : await dataDirKeys(source.dataDir);
  if (keys.length === 0) throw new UsageError('no public key found: give --public-key FILE or --keys DIR');
  const pinned = new Set((source.pinned ?? []).map((f) => f.replace(/\s/g, '').toLowerCase()));
  for (const fingerprint of pinned)
    if (!keys.some((k) => k.fingerprint === fingerprint))
      throw new UsageError(`--fingerprint ${fingerprint}: no key loaded has that fingerprint`);
  return keys.map((k) =>
    pinned.has(k.fingerprint)
      ? {
          ...k,
          independent: true,
          agencies: source.agencyId ? [...new Set([...k.agencies, source.agencyId])] : k.agencies,
        }
      : k,
  );
}

/** The agencies a key's user IDs name (agency keys carry the agency id as their name). */
const userIdAgencies = (key: openpgp.PublicKey): string[] =>
  key
    .getUserIDs()
    .map((userId) => userId.replace(/\s*(\(.*\))?\s*(<.*>)?$/, '').trim())
    .filter((name) => name !== '');

async function keyFileEntry(file: string, independent: boolean): Promise<SealKey> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read key file ${file}`);
  }
  let key: openpgp.PublicKey;
  try {
    key = (await openpgp.readKey({ armoredKey: text })).toPublic();
  } catch {
    throw new UsageError(`${file} is not an armoured OpenPGP key`);
  }
  return { key, fingerprint: key.getFingerprint(), agencies: userIdAgencies(key), independent, origin: file };
}

async function listDirectory(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function keysInDirectory(dir: string): Promise<SealKey[]> {
  const names = await listDirectory(dir);
  if (names.length === 0) throw new UsageError(`--keys ${dir}: no such directory, or empty`);
  const keys: SealKey[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (name.endsWith('.asc')) keys.push(await keyFileEntry(file, true));
    if (name.endsWith('.json')) {
      const entry = await loadTrustFile(file);
      if ('reason' in entry) throw new UsageError(`${file}: ${entry.reason}`);
      const { key, agencyId } = entry;
      keys.push({
        key,
        fingerprint: key.getFingerprint(),
        agencies: [agencyId],
        independent: true,
        origin: file,
      });
    }
  }
  return keys;
}

/**
 * A directory holding only counterparts' keys (the auditor's trust store) checks their receipts; our seal
 * keys then come from the data dir, to be vouched for by those receipts (docs/auditor.md).
 */
async function withDataDirKeysIfNoneOurs(keys: SealKey[], source: KeySource): Promise<SealKey[]> {
  if (!source.agencyId || keys.some((k) => k.agencies.includes(source.agencyId!))) return keys;
  return [...keys, ...(await dataDirKeys(source.dataDir).catch(() => []))];
}

async function dataDirKeys(dataDir: string): Promise<SealKey[]> {
  const paths = agencyKeyPaths(dataDir);
  const exists = await fs.stat(paths.publicKey).then(
    () => true,
    () => false,
  );
  if (!exists)
    throw new UsageError(`no public key at ${paths.publicKey}: give --public-key FILE or --keys DIR`);
  const retired = (await listDirectory(paths.retiredDir)).filter((n) => n.endsWith('.asc'));
  return Promise.all(
    [paths.publicKey, ...retired.map((n) => path.join(paths.retiredDir, n))].map((file) =>
      keyFileEntry(file, false),
    ),
  );
}

/** The agency's private key for opening what it sent; XB_KEY_PASSPHRASE decrypts a protected one. */
export async function loadPrivateKey(
  file: string,
  passphrase: string | undefined,
): Promise<openpgp.PrivateKey> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read private key file ${file}`);
  }
  try {
    return await readAgencyPrivateKey(text, passphrase);
  } catch (error) {
    throw new UsageError(`--private-key ${file}: ${(error as Error).message}`);
  }
}
