import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = path.resolve(__dirname, '../../../deploy/local/kafka/kafka.sh');

/**
 * Starts (or replaces a stale) local broker on `port` through the same script a person uses; returns its
 * address. `keepData` restarts on the storage of the last run (topics, records and offsets survive).
 */
export async function startLocalKafka(
  port: number,
  stateDir?: string,
  { keepData = false } = {},
): Promise<string> {
  const { stdout } = await run('bash', [script, 'start'], {
    env: { ...kafkaEnv(port, stateDir), KAFKA_KEEP_DATA: keepData ? '1' : '0' },
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim().split('\n').pop()!;
}

export async function stopLocalKafka(port: number, stateDir?: string): Promise<void> {
  await run('bash', [script, 'stop'], { env: kafkaEnv(port, stateDir), timeout: 60_000 });
}

function kafkaEnv(port: number, stateDir?: string): NodeJS.ProcessEnv {
  return { ...process.env, KAFKA_PORT: String(port), ...(stateDir ? { KAFKA_STATE_DIR: stateDir } : {}) };
}
