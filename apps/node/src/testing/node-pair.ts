import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventStoreFile } from '@xb/config';
import { SqliteEventStore } from '@xb/event-store';
import { Officer } from '../auth/roles';
import { mintLocalToken } from '../auth/tokens';
import { introduceAgencies } from '../keys/introduce';
import { RunningNode, startNode } from '../node-app';
import { AgencyNodeOptions } from '../runtime/agency-node';
import { protectParticulars } from '../runtime/protect-particulars';

/** A free TCP port on loopback, for a node's API in tests. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface TestAgency {
  readonly agencyId: string;
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Agencies with their own data dirs, keys and mutual trust, and settings to start a node for each
 * against the test broker. Each call suffixes the agency ids (`VN.BGC` → `VN.BGC.T3K9Q`), so test files
 * running at once get their own inbox topics and consumer groups on the shared broker.
 */
export async function prepareAgencies(
  baseIds: readonly string[],
  settings: NodeJS.ProcessEnv = {},
): Promise<{ root: string; agencies: TestAgency[] }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-nodes-'));
  const suffix = `T${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const agencies: TestAgency[] = [];
  for (const agencyId of baseIds.map((id) => `${id}.${suffix}`)) {
    const dataDir = path.join(root, agencyId.toLowerCase());
    agencies.push({
      agencyId,
      dataDir,
      env: {
        XB_AGENCY_ID: agencyId,
        XB_DATA_DIR: dataDir,
        XB_HTTP_PORT: String(await freePort()),
        KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092',
        KAFKA_CLIENT_ID: `test-${agencyId.toLowerCase()}`,
        // XB_TEST_CRYPTO_POOL=<n> runs every test node's gateway with a crypto pool of n children.
        ...(process.env.XB_TEST_CRYPTO_POOL ? { XB_CRYPTO_POOL: process.env.XB_TEST_CRYPTO_POOL } : {}),
        ...settings,
      },
    });
  }
  await introduceAgencies(agencies);
  return { root, agencies };
}

export async function startTestNode(
  agency: TestAgency,
  options: AgencyNodeOptions = {},
): Promise<RunningNode> {
  return startNode(agency.env, { logger: false, ...options });
}

export function tokenFor(
  agency: TestAgency,
  officer: Omit<Officer, 'agency'> & { agency?: string },
): Promise<string> {
  return mintLocalToken(path.join(agency.dataDir, 'auth'), { agency: agency.agencyId, ...officer });
}

/**
 * The agency's event store file, opened beside its node (the SQLite store is safe across processes),
 * with its particulars sealed and opened by the node's own keys (docs/confidentiality.md).
 */
export const storeOf = (agency: TestAgency) =>
  protectParticulars(new SqliteEventStore({ file: eventStoreFile(agency.dataDir) }), agency.dataDir);
