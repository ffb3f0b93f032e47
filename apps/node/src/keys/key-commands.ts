/**
 * What `npm run keys -- <subcommand>` does, as functions over a data dir (file layout: key-files.ts of
 * @xb/envelope). Each returns the lines to print; failures are KeyCommandError with a message for people.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  agencyKeyPaths,
  generateAgencyKey,
  isAgencyId,
  keyUnfitness,
  loadTrustFile,
  readPublicKeyCached,
  TrustFile,
  trustFileName,
} from '@xb/envelope';

export class KeyCommandError extends Error {
  override readonly name = 'KeyCommandError';
}

export interface KeyContext {
  readonly agencyId: string;
  readonly dataDir: string;
  /** Protects the private key when set (env XB_KEY_PASSPHRASE). */
  readonly passphrase?: string;
  readonly now: Date;
}

const DAY_MS = 86_400_000;

/**
 * Generates the agency key pair and trusts its public key. With `rotate`, the current key moves to
 * keys/retired/ and its trust entry stays valid for `overlapDays` (default 30) more days.
 */
export async function generate(
  ctx: KeyContext,
  options: { type?: 'ecc' | 'rsa'; rsaBits?: number; rotate?: boolean; overlapDays?: number } = {},
): Promise<string[]> {
  const paths = agencyKeyPaths(ctx.dataDir);
  const exists = await fileExists(paths.privateKey);
  if (exists && !options.rotate)
    throw new KeyCommandError(`${paths.privateKey} exists: use --rotate to replace it`);
  const lines: string[] = [];
  if (exists) lines.push(...(await retireCurrent(ctx, options.overlapDays ?? 30)));
  const key = await generateAgencyKey({
    agencyId: ctx.agencyId,
    ...(ctx.passphrase ? { passphrase: ctx.passphrase } : {}),
    ...(options.type ? { type: options.type } : {}),
    ...(options.rsaBits ? { rsaBits: options.rsaBits } : {}),
  });
  await fs.mkdir(paths.keysDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(paths.privateKey, key.privateKeyArmored, { mode: 0o600 });
  await fs.writeFile(paths.publicKey, key.publicKeyArmored);
  await writeTrustFile(ctx, {
    agencyId: ctx.agencyId,
    fingerprint: key.fingerprint,
    validFrom: ctx.now.toISOString(),
    publicKey: key.publicKeyArmored,
  });
  lines.push(
    `generated ${ctx.agencyId} key ${key.fingerprint}${ctx.passphrase ? ' (passphrase-protected)' : ''}`,
    `private key: ${paths.privateKey}`,
    `public key:  ${paths.publicKey} (give it to counterparts: npm run keys -- export)`,
  );
  return lines;
}

async function retireCurrent(ctx: KeyContext, overlapDays: number): Promise<string[]> {
  const paths = agencyKeyPaths(ctx.dataDir);
  const current = await readPublicKeyCached(await fs.readFile(paths.publicKey, 'utf8'));
  const fingerprint = current.getFingerprint();
  await fs.mkdir(paths.retiredDir, { recursive: true, mode: 0o700 });
  await fs.rename(paths.privateKey, path.join(paths.retiredDir, `${fingerprint}.private.asc`));
  const until = new Date(ctx.now.getTime() + overlapDays * DAY_MS).toISOString();
  await updateTrustFile(ctx, fingerprint, (entry) => ({ ...entry, validUntil: until }));
  return [`retired key ${fingerprint}: still trusted until ${until}`];
}

/** The agency's public key, armoured. */
export async function exportPublic(ctx: KeyContext): Promise<string[]> {
  const file = agencyKeyPaths(ctx.dataDir).publicKey;
  if (!(await fileExists(file)))
    throw new KeyCommandError(`no key yet in ${file}: run npm run keys -- generate`);
  return [(await fs.readFile(file, 'utf8')).trimEnd()];
}

/**
 * Trusts a counterpart's public key (armoured file) for `agencyId`, from `validFrom`, by default the
 * key's creation time: envelopes the counterpart signed before we imported its key are theirs too,
 * and dating trust at the import would refuse them as KEY_EXPIRED.
 */
export async function importKey(
  ctx: KeyContext,
  options: { agencyId: string; file: string; validFrom?: string; validUntil?: string },
): Promise<string[]> {
  if (!isAgencyId(options.agencyId))
    throw new KeyCommandError(`"${options.agencyId}" is not an agency id like CN.YN.BORDERPOLICE`);
  const armored = await fs.readFile(options.file, 'utf8').catch(() => {
    throw new KeyCommandError(`cannot read ${options.file}`);
  });
  const key = await readPublicKeyCached(armored).catch(() => {
    throw new KeyCommandError(`${options.file} is not an armoured OpenPGP public key`);
  });
  const unfit = await keyUnfitness(key);
  if (unfit) throw new KeyCommandError(`refused: ${unfit}`);
  const entry: TrustFile = {
    agencyId: options.agencyId,
    fingerprint: key.getFingerprint(),
    validFrom: options.validFrom ?? key.getCreationTime().toISOString(),
    ...(options.validUntil ? { validUntil: options.validUntil } : {}),
    publicKey: key.armor(),
  };
  const file = await writeTrustFile(ctx, entry);
  return [
    `trusted ${entry.agencyId} key ${entry.fingerprint} from ${entry.validFrom}${entry.validUntil ? ` until ${entry.validUntil}` : ''}: ${file}`,
  ];
}

/** One line per trusted key: agency, fingerprint, window, state at `now`. */
export async function list(ctx: KeyContext): Promise<string[]> {
  const dir = agencyKeyPaths(ctx.dataDir).trustDir;
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const lines: string[] = [];
  for (const name of names) {
    const entry = await loadTrustFile(path.join(dir, name));
    if ('reason' in entry) {
      lines.push(`BAD      ${name}: ${entry.reason}`);
      continue;
    }
    const state = entry.revokedAt
      ? 'revoked'
      : entry.validFrom > ctx.now
        ? 'pending'
        : entry.validUntil && entry.validUntil <= ctx.now
          ? 'expired'
          : 'valid';
    const window = `${entry.validFrom.toISOString()} .. ${entry.validUntil?.toISOString() ?? 'open'}`;
    const algo = entry.key.getAlgorithmInfo();
    lines.push(
      `${state.padEnd(8)} ${entry.agencyId.padEnd(22)} ${entry.fingerprint} ${algo.algorithm}${algo.bits ? `-${algo.bits}` : ''} ${window}`,
    );
  }
  return lines.length ? lines : [`no trusted keys in ${dir}`];
}

/** Marks a trusted key revoked (from `at`, default now): it is refused for every message from then on. */
export async function revoke(
  ctx: KeyContext,
  options: { fingerprint: string; reason?: string },
): Promise<string[]> {
  const file = await updateTrustFile(ctx, options.fingerprint.toLowerCase(), (entry) => ({
    ...entry,
    revokedAt: ctx.now.toISOString(),
    revocationReason: options.reason ?? 'revoked by operator',
  }));
  return [`revoked ${options.fingerprint.toLowerCase()}: ${file}`];
}

async function writeTrustFile(ctx: KeyContext, entry: TrustFile): Promise<string> {
  const dir = agencyKeyPaths(ctx.dataDir).trustDir;
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, trustFileName(entry.agencyId, entry.fingerprint));
  await fs.writeFile(file, `${JSON.stringify(entry, null, 2)}\n`);
  return file;
}

async function updateTrustFile(
  ctx: KeyContext,
  fingerprint: string,
  change: (entry: TrustFile) => TrustFile,
): Promise<string> {
  const dir = agencyKeyPaths(ctx.dataDir).trustDir;
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const file = path.join(dir, name);
    const entry = JSON.parse(await fs.readFile(file, 'utf8')) as TrustFile;
    if (entry.fingerprint === fingerprint) {
      await fs.writeFile(file, `${JSON.stringify(change(entry), null, 2)}\n`);
      return file;
    }
  }
  throw new KeyCommandError(`no trusted key with fingerprint ${fingerprint} in ${dir}`);
}

const fileExists = (file: string): Promise<boolean> =>
  fs.access(file).then(
    () => true,
    () => false,
  );
