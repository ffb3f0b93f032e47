import fs from 'node:fs/promises';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { agencyKeyPaths, readAgencyPrivateKey } from '@xb/envelope';
import { UsageError } from '../cli/io';

/** Where the agency's public keys (the seal signers the auditor trusts) come from. */
export interface KeySource {
  /** Armoured key files (public, or private whose public part is taken). */
  readonly publicKeyFiles?: readonly string[];
  /**
   * A directory: every `*.asc` key in it, and every trust-store file (`*.json`) of `agencyId` (a
   * counterpart's key must never pass for our seal signer).
   */
  readonly keysDir?: string;
  /** The node's data dir, used when neither of the above is given: keys/agency.public.asc and keys/retired/. */
  readonly dataDir: string;
  readonly agencyId: string | undefined;
}

/** Loads the public keys the seal signatures must verify against; throws UsageError when there are none. */
export async function loadAgencyPublicKeys(source: KeySource): Promise<openpgp.PublicKey[]> {
  const keys = source.publicKeyFiles?.length
    ? await Promise.all(source.publicKeyFiles.map(readKeyFile))
    : source.keysDir
      ? await keysInDirectory(source.keysDir, source.agencyId)
      : await dataDirKeys(source.dataDir);
  if (keys.length === 0) throw new UsageError('no public key found: give --public-key FILE or --keys DIR');
  return keys;
}

async function readKeyFile(file: string): Promise<openpgp.PublicKey> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read key file ${file}`);
  }
  return readArmouredPublic(text, file);
}

async function readArmouredPublic(text: string, origin: string): Promise<openpgp.PublicKey> {
  try {
    return (await openpgp.readKey({ armoredKey: text })).toPublic();
  } catch {
    throw new UsageError(`${origin} is not an armoured OpenPGP key`);
  }
}

async function listDirectory(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function keysInDirectory(dir: string, agencyId: string | undefined): Promise<openpgp.PublicKey[]> {
  const names = await listDirectory(dir);
  if (names.length === 0) throw new UsageError(`--keys ${dir}: no such directory, or empty`);
  const keys: openpgp.PublicKey[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (name.endsWith('.asc')) keys.push(await readKeyFile(file));
    if (name.endsWith('.json')) {
      const trusted = await trustFileKey(file, agencyId);
      if (trusted) keys.push(trusted);
    }
  }
  return keys;
}

/** The key of a trust-store file, when it belongs to `agencyId` (all files when no agency is given). */
async function trustFileKey(
  file: string,
  agencyId: string | undefined,
): Promise<openpgp.PublicKey | undefined> {
  let entry: { agencyId?: unknown; publicKey?: unknown };
  try {
    entry = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw new UsageError(`${file} is not readable JSON`);
  }
  if (typeof entry.publicKey !== 'string') throw new UsageError(`${file} has no publicKey`);
  if (agencyId !== undefined && entry.agencyId !== agencyId) return undefined;
  return readArmouredPublic(entry.publicKey, file);
}

async function dataDirKeys(dataDir: string): Promise<openpgp.PublicKey[]> {
  const paths = agencyKeyPaths(dataDir);
  const current = await fs.readFile(paths.publicKey, 'utf8').catch(() => undefined);
  if (current === undefined)
    throw new UsageError(`no public key at ${paths.publicKey}: give --public-key FILE or --keys DIR`);
  const retired = (await listDirectory(paths.retiredDir)).filter((n) => n.endsWith('.asc'));
  return [
    await readArmouredPublic(current, paths.publicKey),
    ...(await Promise.all(retired.map((n) => readKeyFile(path.join(paths.retiredDir, n))))),
  ];
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
