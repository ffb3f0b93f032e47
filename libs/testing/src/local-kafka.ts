import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The repository root: the first folder above `from` holding deploy/local/kafka/kafka.sh, so this works
 * from source (jest) and from dist/ (the demo and the bench).
 */
export function findRepoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'deploy/local/kafka/kafka.sh'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no deploy/local/kafka/kafka.sh above ${from}`);
  }
}

const script = () => path.join(findRepoRoot(), 'deploy/local/kafka/kafka.sh');

/**
 * Starts (or replaces a stale) local broker on `port` through the same script a person uses; returns its
 * address. `keepData` restarts on the storage of the last run (topics, records and offsets survive).
 */
export async function startLocalKafka(
  port: number,
  stateDir?: string,
  { keepData = false } = {},
): Promise<string> {
  const { stdout } = await run('bash', [script(), 'start'], {
    env: { ...kafkaEnv(port, stateDir), KAFKA_KEEP_DATA: keepData ? '1' : '0' },
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim().split('\n').pop()!;
}

export async function stopLocalKafka(port: number, stateDir?: string): Promise<void> {
  await run('bash', [script(), 'stop'], { env: kafkaEnv(port, stateDir), timeout: 60_000 });
}

/** Pid of the broker the script started on `port` (in its default state folder), if it runs. */
export function localKafkaPid(port: number): number | undefined {
  try {
    const pid = Number(
      fs.readFileSync(path.join(findRepoRoot(), `.local/kafka-${port}/kafka.pid`), 'utf8').trim(),
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function kafkaEnv(port: number, stateDir?: string): NodeJS.ProcessEnv {
  return { ...process.env, KAFKA_PORT: String(port), ...(stateDir ? { KAFKA_STATE_DIR: stateDir } : {}) };
}
