import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The repository root: the first folder above `from` holding deploy/local/kafka/kafka.sh. Searching
 * keeps this file working both from bench/ (jest) and from dist/bench/ (the compiled run).
 */
export function findRepoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'deploy/local/kafka/kafka.sh'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no deploy/local/kafka/kafka.sh above ${from}`);
  }
}

/**
 * Starts the bench's own broker on `port` with the script a person uses (libs/testing is not part of
 * the build, hence this small twin of its startLocalKafka); returns the broker address.
 */
export async function startBenchKafka(port: number): Promise<string> {
  const { stdout } = await run('bash', [kafkaScript(), 'start'], {
    env: { ...process.env, KAFKA_PORT: String(port) },
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim().split('\n').pop()!;
}

export async function stopBenchKafka(port: number): Promise<void> {
  await run('bash', [kafkaScript(), 'stop'], {
    env: { ...process.env, KAFKA_PORT: String(port) },
    timeout: 60_000,
  });
}

/** Pid of the broker the script started on `port` (its default state folder), if it runs. */
export function benchKafkaPid(port: number): number | undefined {
  try {
    const pid = Number(
      fs.readFileSync(path.join(findRepoRoot(), `.local/kafka-${port}/kafka.pid`), 'utf8').trim(),
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function kafkaScript(): string {
  return path.join(findRepoRoot(), 'deploy/local/kafka/kafka.sh');
}
