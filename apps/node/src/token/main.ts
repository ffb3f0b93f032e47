import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, NodeConfig, nodeSettings } from '@xb/config';
import { ROLES, Role } from '../auth/roles';
import { mintLocalToken } from '../auth/tokens';

/**
 * Mints an officer's bearer token with the node's local key, for local use and demos:
 *   npm run token -- --sub lo-17 --role liaison_officer [--role auditor] [--agency VN.BGC.LAICHAU] [--ttl 28800]
 * The agency defaults to XB_AGENCY_ID and the key lives in XB_DATA_DIR/auth. Production nodes take tokens
 * from the agency's identity provider (XB_JWKS_URL) instead.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      agency: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const config = loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, process.env);
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!values.sub || roles.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `usage: token --sub <officer id> --role <${ROLES.join('|')}> [--role ...] [--agency <id>] [--ttl <seconds>]` +
        (unknown.length ? `\nunknown role: ${unknown.join(', ')}` : ''),
    );
  }
  const token = await mintLocalToken(
    path.join(config.dataDir, 'auth'),
    { id: values.sub, agency: values.agency ?? config.agencyId, roles: roles as Role[] },
    { issuer: config.tokenIssuer, ...(values.ttl ? { ttlSeconds: Number(values.ttl) } : {}) },
  );
  process.stdout.write(`${token}\n`);
}

class UsageError extends Error {}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError || error instanceof ConfigError ? 2 : 1);
});
