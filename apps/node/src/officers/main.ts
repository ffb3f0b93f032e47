import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, eventStoreFile, loadConfig, NodeConfig, nodeSettings, officersFile } from '@xb/config';
import { createEventStore } from '@xb/event-store';
import { ROLES, Role } from '../auth/roles';
import { AccountProblem, OfficerAccounts } from './officer-accounts';
import { OfficerStore } from './officer-store';

const USAGE = `usage:
  officers add --id <officer id> --name <display name> --role <${ROLES.join('|')}> [--role ...] [--password-stdin]
  officers disable --id <officer id>
  officers reset --id <officer id> [--password-stdin]
  officers list
Without --password-stdin a password is generated and printed once. The node is XB_AGENCY_ID's in XB_DATA_DIR.`;

class UsageError extends Error {}

/**
 * Local officer accounts of a node (the console's embedded sign-in), in XB_DATA_DIR/officers.sqlite; the
 * node may be running. Each change is also recorded in the node's audit trail.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const config = loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, process.env);
  const store = new OfficerStore(officersFile(config.dataDir));
  const accounts = new OfficerAccounts(store, config.agencyId, () => new Date());
  const [verb] = positionals;
  try {
    if (verb === 'list') {
      for (const a of accounts.list())
        process.stdout.write(
          `${a.id}\t${a.roles.join(',')}\t${a.disabled ? 'disabled' : 'enabled'}\t${a.displayName}\n`,
        );
      return;
    }
    const id = values.id ?? fail('--id is required');
    const password = () => (values['password-stdin'] ? readStdin() : Promise.resolve(generated()));
    let result: { ok: true } | AccountProblem;
    if (verb === 'add') {
      const roles = values.role ?? [];
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length) fail(`unknown role: ${unknown.join(', ')}`);
      const secret = await password();
      result = await accounts.add({
        id,
        displayName: values.name ?? id,
        roles: roles as Role[],
        password: secret,
      });
      if (result.ok && !values['password-stdin']) process.stdout.write(`password for ${id}: ${secret}\n`);
    } else if (verb === 'disable') {
      result = accounts.disable(id);
    } else if (verb === 'reset') {
      const secret = await password();
      result = await accounts.reset(id, secret);
      if (result.ok && !values['password-stdin']) process.stdout.write(`new password for ${id}: ${secret}\n`);
    } else return fail(`unknown command: ${verb ?? '(none)'}`);
    if (!result.ok) throw new UsageError(`${result.code}: ${result.reason}`);
    await recordChange(config, verb, id);
    process.stdout.write(`${verb}: ${id} done\n`);
  } finally {
    store.close();
  }
}

/** An account change in the audit trail, beside the sign-ins. */
async function recordChange(config: NodeConfig, verb: string, officerId: string) {
  const at = new Date().toISOString();
  const events = config.esdbUrl
    ? createEventStore({ esdbConnectionString: config.esdbUrl, maxEventBytes: config.maxEventBytes })
    : createEventStore({
        sqliteFile: eventStoreFile(config.dataDir),
        maxEventBytes: config.maxEventBytes,
        writer: config.storeWriter,
      });
  try {
    await events.appendToStream(
      `audit-officers-${at.slice(0, 10)}`,
      [
        {
          type: 'AuditOfficerAccountChanged',
          data: { officerId, change: verb, at },
          metadata: {
            correlationId: `officer:${officerId}`,
            actor: 'system:officers-command',
            occurredAt: at,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  } finally {
    await events.close();
  }
}

const fail = (message: string): never => {
  throw new UsageError(`${message}\n${USAGE}`);
};
const generated = () => randomBytes(15).toString('base64url');
const readStdin = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError || error instanceof ConfigError ? 2 : 1);
});
