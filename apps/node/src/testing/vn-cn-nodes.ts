import fs from 'node:fs';
import { RunningNode } from '../node-app';
import { AgencyNodeOptions } from '../runtime/agency-node';
import { prepareAgencies, startTestNode, TestAgency, tokenFor } from './node-pair';

/** Vietnam's and China's nodes against the test broker, each with a liaison officer's token. */
export interface VnCnNodes {
  /** The directory of both data dirs (removed by `stopVnCnNodes`). */
  readonly root: string;
  readonly vn: TestAgency;
  readonly cn: TestAgency;
  readonly vnNode: RunningNode;
  readonly cnNode: RunningNode;
  readonly vnToken: string;
  readonly cnToken: string;
}

export interface VnCnOptions {
  /** The node options of each side (a clock of its own, say). */
  readonly vn?: AgencyNodeOptions;
  readonly cn?: AgencyNodeOptions;
  /** The liaison officers' ids end in this (`lo-vn-<officer>`, `lo-cn-<officer>`). Default `1`. */
  readonly officer?: string;
}

/**
 * The two-node setup of the e2e specs: VN.BGC.LAICHAU and CN.YN.BORDERPOLICE (ids suffixed per call,
 * node-pair.ts), trusting each other, both started, and a liaison officer's token on each.
 */
export async function startVnCnNodes(options: VnCnOptions = {}): Promise<VnCnNodes> {
  const officer = options.officer ?? '1';
  const {
    root,
    agencies: [vn, cn],
  } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']);
  const [vnNode, cnNode] = await Promise.all([startTestNode(vn, options.vn), startTestNode(cn, options.cn)]);
  const vnToken = await tokenFor(vn, { id: `lo-vn-${officer}`, roles: ['liaison_officer'] });
  const cnToken = await tokenFor(cn, { id: `lo-cn-${officer}`, roles: ['liaison_officer'] });
  return { root, vn, cn, vnNode, cnNode, vnToken, cnToken };
}

/** Stops both nodes (those that started) and removes their data. */
export async function stopVnCnNodes(nodes: Partial<Pick<VnCnNodes, 'root' | 'vnNode' | 'cnNode'>>) {
  await Promise.all([nodes.vnNode?.stop(), nodes.cnNode?.stop()]);
  if (nodes.root) fs.rmSync(nodes.root, { recursive: true, force: true });
}

/** An officer's call to a node's API (no token: unauthenticated), with whatever JSON came back. */
export async function callApi(
  node: RunningNode,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever JSON came back
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
