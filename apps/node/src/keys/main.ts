/**
 * `npm run keys -- <subcommand>`: the agency's OpenPGP keys and the trust store of counterpart keys,
 * under the node's data dir (XB_DATA_DIR, default .local/node-<agency id>; XB_AGENCY_ID names the
 * agency). Exit codes: 0 done, 1 refused or failed, 2 bad usage or configuration.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, nodeSettings } from '@xb/config';
import { exportPublic, generate, importKey, KeyCommandError, KeyContext, list, revoke } from './key-commands';
import { showDirectory, signDirectory, trustCentralKey, verifyDirectoryFile } from './directory-commands';

const USAGE = `usage: npm run keys -- <subcommand> [options]
  generate [--type ecc|rsa] [--rsa-bits 3072] [--rotate] [--overlap-days 30]
                      new agency key pair (ecc: ed25519/curve25519 v4, GnuPG 2.2 compatible);
                      XB_KEY_PASSPHRASE, when set, protects the private key
  export              print the agency's armoured public key (to give to counterparts)
  import <agency-id> <public-key.asc> [--valid-from ISO] [--valid-until ISO]
                      trust a counterpart's key (RSA under 3072 bits is refused),
                      from --valid-from, by default the key's creation time
  list                trusted keys: state, agency, fingerprint, algorithm, validity window
  revoke <fingerprint> [--reason text]
                      refuse that key for every message from now on
  directory sign <directory.json>     sign as the central issuer: writes <directory.json>.sig
  directory verify <directory.json>   check it (and its .sig) as this node would
  directory show [<directory.json>]   agencies, levels, pairings, key states (default: the accepted one)
  directory trust-central <key.asc>   trust a central key to sign directories (node set-up)`;

async function run(argv: string[]): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      'rsa-bits': { type: 'string' },
      rotate: { type: 'boolean' },
      'overlap-days': { type: 'string' },
      'valid-from': { type: 'string' },
      'valid-until': { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  const config = loadConfig<
    { agencyId: typeof nodeSettings.agencyId; dataDir: typeof nodeSettings.dataDir },
    { agencyId: string; dataDir: string }
  >({ agencyId: nodeSettings.agencyId, dataDir: nodeSettings.dataDir }, process.env);
  const ctx: KeyContext = {
    ...config,
    now: new Date(),
    ...(process.env.XB_KEY_PASSPHRASE ? { passphrase: process.env.XB_KEY_PASSPHRASE } : {}),
  };
  switch (command) {
    case 'generate': {
      if (values.type && values.type !== 'ecc' && values.type !== 'rsa')
        throw new UsageError('--type is ecc or rsa');
      return generate(ctx, {
        ...(values.type ? { type: values.type as 'ecc' | 'rsa' } : {}),
        ...(values['rsa-bits'] ? { rsaBits: positiveInt(values['rsa-bits'], '--rsa-bits') } : {}),
        rotate: values.rotate ?? false,
        ...(values['overlap-days']
          ? { overlapDays: positiveInt(values['overlap-days'], '--overlap-days') }
          : {}),
      });
    }
    case 'export':
      return exportPublic(ctx);
    case 'import': {
      if (args.length !== 2) throw new UsageError('import needs <agency-id> <public-key.asc>');
      return importKey(ctx, {
        agencyId: args[0],
        file: args[1],
        ...(values['valid-from'] ? { validFrom: isoTime(values['valid-from'], '--valid-from') } : {}),
        ...(values['valid-until'] ? { validUntil: isoTime(values['valid-until'], '--valid-until') } : {}),
      });
    }
    case 'list':
      return list(ctx);
    case 'revoke':
      if (args.length !== 1) throw new UsageError('revoke needs <fingerprint>');
      return revoke(ctx, { fingerprint: args[0], ...(values.reason ? { reason: values.reason } : {}) });
    case 'directory': {
      const [sub, file] = args;
      if (sub === 'show') return showDirectory(ctx, file);
      if (!file) throw new UsageError(`directory ${sub ?? '<sub>'} needs a file`);
      if (sub === 'sign') return signDirectory(ctx, file);
      if (sub === 'verify') return verifyDirectoryFile(ctx, file);
      if (sub === 'trust-central') return trustCentralKey(ctx, file);
      throw new UsageError(`unknown directory subcommand "${sub}"`);
    }
    default:
      throw new UsageError(command ? `unknown subcommand "${command}"` : 'a subcommand is needed');
  }
}

class UsageError extends Error {}

function positiveInt(raw: string, name: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) === 0) throw new UsageError(`${name} must be a positive integer`);
  return Number(raw);
}

function isoTime(raw: string, name: string): string {
  if (Number.isNaN(Date.parse(raw)))
    throw new UsageError(`${name} must be an ISO 8601 time, e.g. 2026-12-01T00:00:00Z`);
  return new Date(raw).toISOString();
}

run(process.argv.slice(2)).then(
  (lines) => process.stdout.write(`${lines.join('\n')}\n`),
  (error: unknown) => {
    // parseArgs reports unknown options as a TypeError (code ERR_PARSE_ARGS_*).
    const badArgs =
      error instanceof UsageError ||
      String((error as NodeJS.ErrnoException)?.code).startsWith('ERR_PARSE_ARGS');
    const known = badArgs || error instanceof ConfigError || error instanceof KeyCommandError;
    process.stderr.write(
      `keys: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n${badArgs ? `${USAGE}\n` : ''}`,
    );
    process.exit(badArgs || error instanceof ConfigError ? 2 : 1);
  },
);
