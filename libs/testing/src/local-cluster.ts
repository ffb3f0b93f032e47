import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { findRepoRoot } from './local-kafka';

const run = promisify(execFile);

/** The secured three-broker cluster of `kafka.sh cluster`, as a test drives it. */
export interface LocalCluster {
  readonly brokers: string;
  readonly stateDir: string;
  /** Folder of the cluster's CA (ca.p12, ca.pem), its keystore password file and the broker keystore. */
  readonly tlsDir: string;
  /** A user's client settings in the node's setting names (KAFKA_BROKERS, KAFKA_SSL*, KAFKA_SASL_*). */
  clientEnv(user: string): Record<string, string>;
  /** SIGKILLs broker 1, 2 or 3, as a crashed machine. */
  kill(broker: 1 | 2 | 3): Promise<void>;
  /** Starts a stopped broker again on its data. */
  restart(broker: 1 | 2 | 3): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the cluster (fresh certificates, users, topics and ACLs for `agencies`) with the script a
 * person uses. The admin user is `xb-admin`. The state folder is fixed per port, so that brokers left
 * by a run that was itself killed are found and replaced, never left holding the ports.
 */
export async function startLocalCluster(port: number, agencies: readonly string[]): Promise<LocalCluster> {
  const stateDir = path.join(findRepoRoot(), `.local/kafka-cluster-${port}`);
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_STATE_DIR: stateDir,
    XB_CLUSTER_AGENCIES: agencies.join(','),
  };
  const script = path.join(findRepoRoot(), 'deploy/local/kafka/kafka.sh');
  const cluster = (...args: string[]) =>
    run('bash', [script, 'cluster', ...args], { env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  const stop = async () => void (await cluster('stop'));
  try {
    const { stdout } = await cluster('start');
    return {
      brokers: stdout.trim().split('\n').pop()!,
      stateDir,
      tlsDir: path.join(stateDir, 'tls'),
      clientEnv: (user) => readEnvFile(path.join(stateDir, 'clients', `${user}.env`)),
      kill: async (broker) => void (await cluster('kill', String(broker))),
      restart: async (broker) => void (await cluster('restart', String(broker))),
      stop,
    };
  } catch (error) {
    // A start that failed half-way may have left brokers running.
    await stop().catch(() => undefined);
    throw error;
  }
}

function readEnvFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  return env;
}
