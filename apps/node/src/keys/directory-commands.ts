/**
 * `npm run keys -- directory <sign|verify|show|trust-central>`: the signed agency directory of the
 * three-level mechanism (format: @xb/envelope agency-directory.ts; a node's files: node-directory.ts).
 * The central level signs with its agency key; every node checks against the central keys it trusts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  checkDirectoryContent,
  keyUnfitness,
  loadOwnKeys,
  readPublicKeyCached,
  signBytes,
  verifyDirectory,
} from '@xb/envelope';
import { centralKeysOf, directoryPaths, NodeDirectory, signatureFileOf } from '../runtime/node-directory';
import { KeyCommandError, KeyContext } from './key-commands';

/** Signs `file` with this agency's current key (it must be the directory's central issuer): writes `<file>.sig`. */
export async function signDirectory(ctx: KeyContext, file: string): Promise<string[]> {
  const bytes = await readBytes(file);
  const content = await checkDirectoryContent(bytes);
  if (!content.ok)
    throw new KeyCommandError(`refused: ${content.code} at ${content.field}: ${content.detail}`);
  if (content.file.issuer !== ctx.agencyId)
    throw new KeyCommandError(
      `the directory's issuer is ${content.file.issuer}, this agency is ${ctx.agencyId}`,
    );
  const keys = await loadOwnKeys(ctx.dataDir, ctx.passphrase);
  const signature = await signBytes(bytes, keys.current);
  await fs.writeFile(signatureFileOf(file), signature);
  return [
    `signed directory serial ${content.file.serial} with ${keys.current.getFingerprint()}: ${signatureFileOf(file)}`,
  ];
}

/**
 * Verifies `file` and `<file>.sig` as this node would: against its central keys and its accepted
 * directory (a serial not newer than that one is a replay).
 */
export async function verifyDirectoryFile(ctx: KeyContext, file: string): Promise<string[]> {
  const bytes = await readBytes(file);
  const signature = await fs.readFile(signatureFileOf(file)).then(
    (b) => new Uint8Array(b),
    () => undefined,
  );
  const node = new NodeDirectory({ agencyId: ctx.agencyId, dataDir: ctx.dataDir, clock: () => ctx.now });
  await node.load();
  const verified = await verifyDirectory(bytes, signature, {
    rootKeys: await centralKeysOf(ctx.dataDir),
    ...(node.current ? { current: node.current } : {}),
    now: ctx.now,
  });
  if (!verified.ok)
    throw new KeyCommandError(
      `refused: ${verified.code}${verified.field ? ` at ${verified.field}` : ''}: ${verified.detail}`,
    );
  return [`valid: serial ${verified.directory.serial}, signed by ${verified.directory.signer}`];
}

/** The directory's agencies: level, country, pairings and each key's state at `now`. */
export async function showDirectory(ctx: KeyContext, file?: string): Promise<string[]> {
  const source = file ?? directoryPaths(ctx.dataDir).accepted;
  const content = await checkDirectoryContent(await readBytes(source));
  if (!content.ok)
    throw new KeyCommandError(`refused: ${content.code} at ${content.field}: ${content.detail}`);
  const lines = [
    `directory serial ${content.file.serial}, issued ${content.file.issuedAt} by ${content.file.issuer}`,
  ];
  for (const agency of content.file.agencies) {
    lines.push(
      `${agency.level.padEnd(10)} ${agency.agencyId.padEnd(22)} ${agency.country} paired with ${agency.pairedWith.join(', ') || '-'}`,
    );
    for (const key of content.keys.filter((k) => k.agencyId === agency.agencyId)) {
      const state = key.revokedAt
        ? `revoked ${key.revokedAt.toISOString()}`
        : key.validFrom > ctx.now
          ? 'pending'
          : key.validUntil && key.validUntil <= ctx.now
            ? 'expired'
            : 'valid';
      lines.push(`           key ${key.fingerprint} ${state}`);
    }
  }
  return lines;
}

/** Trusts a central agency's public key for signing directories (node set-up). */
export async function trustCentralKey(ctx: KeyContext, file: string): Promise<string[]> {
  const armored = await fs.readFile(file, 'utf8').catch(() => {
    throw new KeyCommandError(`cannot read ${file}`);
  });
  const key = await readPublicKeyCached(armored).catch(() => {
    throw new KeyCommandError(`${file} is not an armoured OpenPGP public key`);
  });
  const unfit = await keyUnfitness(key);
  if (unfit) throw new KeyCommandError(`refused: ${unfit}`);
  const dir = directoryPaths(ctx.dataDir).centralKeysDir;
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, `${key.getFingerprint()}.asc`);
  await fs.writeFile(target, key.armor());
  return [`directories signed by ${key.getFingerprint()} are trusted: ${target}`];
}

async function readBytes(file: string): Promise<Uint8Array> {
  return fs.readFile(file).then(
    (b) => new Uint8Array(b),
    () => {
      throw new KeyCommandError(`cannot read ${file}`);
    },
  );
}
