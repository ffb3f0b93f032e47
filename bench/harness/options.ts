import os from 'node:os';

export type BenchScale = 'small' | 'full';

/** Sizes and switches of a run. Every field has an env variable and a CLI flag (the flag wins). */
export interface BenchOptions {
  /** `BENCH_SCALE` / `--scale`: `full` (default, ~3-4 min on 2 cores) or `small` (a quick smoke run). */
  scale: BenchScale;
  /** `BENCH_SECONDS` / `--seconds`: length of one measurement window. Default 3 (full), 1 (small). */
  seconds: number;
  /** `BENCH_ROUNDS` / `--rounds`: windows per figure, whose median is reported. Default 3 (full), 1 (small). */
  rounds: number;
  /** `BENCH_POOL` / `--pool`: workers of the crypto pools. Default: the machine's cores. */
  poolSize: number;
  /** `BENCH_KAFKA_RECORDS` / `--kafka-records`: records of the Kafka throughput run. Default 30,000 (full), 5,000 (small). */
  kafkaRecords: number;
  /** `BENCH_KAFKA_PORT` / `--kafka-port`: port of the broker the bench starts and stops. Default 19492. */
  kafkaPort: number;
  /** `BENCH_KAFKA_BROKERS` / `--kafka-brokers`: use this running broker instead of starting one. */
  kafkaBrokers: string | undefined;
  /** `BENCH_PIN` / `--pin`: `1` pins crypto child `i` to core `i` with taskset. Default 0: the OS places them. */
  pinProcesses: boolean;
  /** `BENCH_ONLY` / `--only`: comma-separated suite names to run. Default: every suite. */
  only: string[] | undefined;
  /**
   * `BENCH_EXCHANGE_RATE` / `--exchange-rate`: exchanges per second the latency levels take as 100%,
   * instead of the capacity just measured; runs compared in turns then offer the same rates.
   */
  exchangeRate: number | undefined;
}

export class BenchUsageError extends Error {}

const flags: Record<string, string> = {
  '--scale': 'BENCH_SCALE',
  '--seconds': 'BENCH_SECONDS',
  '--rounds': 'BENCH_ROUNDS',
  '--pool': 'BENCH_POOL',
  '--kafka-records': 'BENCH_KAFKA_RECORDS',
  '--kafka-port': 'BENCH_KAFKA_PORT',
  '--kafka-brokers': 'BENCH_KAFKA_BROKERS',
  '--pin': 'BENCH_PIN',
  '--only': 'BENCH_ONLY',
  '--exchange-rate': 'BENCH_EXCHANGE_RATE',
};

/** Reads the options from `argv` (`--flag value` or `--flag=value`) over `env`; throws BenchUsageError. */
export function parseOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cores = os.availableParallelism(),
): BenchOptions {
  const settings = fromArgv(argv, env);
  const scale = settings.BENCH_SCALE ?? 'full';
  if (scale !== 'small' && scale !== 'full')
    throw new BenchUsageError(`--scale must be small or full, got "${scale}"`);
  const full = scale === 'full';
  return {
    scale,
    seconds: positive(settings, 'BENCH_SECONDS', full ? 3 : 1),
    rounds: integer(settings, 'BENCH_ROUNDS', full ? 3 : 1),
    poolSize: integer(settings, 'BENCH_POOL', cores),
    kafkaRecords: integer(settings, 'BENCH_KAFKA_RECORDS', full ? 30_000 : 5_000),
    kafkaPort: integer(settings, 'BENCH_KAFKA_PORT', 19492),
    kafkaBrokers: settings.BENCH_KAFKA_BROKERS || undefined,
    pinProcesses: flag(settings, 'BENCH_PIN'),
    only: settings.BENCH_ONLY
      ? settings.BENCH_ONLY.split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : undefined,
    exchangeRate: settings.BENCH_EXCHANGE_RATE ? positive(settings, 'BENCH_EXCHANGE_RATE', 1) : undefined,
  };
}

function fromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = {};
  for (const key of Object.values(flags)) settings[key] = env[key];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2);
    const key = flags[flag!];
    if (!key)
      throw new BenchUsageError(`unknown argument "${argv[i]}"; flags: ${Object.keys(flags).join(', ')}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new BenchUsageError(`${flag} needs a value`);
    settings[key] = value;
  }
  return settings;
}

function positive(settings: Record<string, string | undefined>, key: string, fallback: number): number {
  const raw = settings[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new BenchUsageError(`${key} must be a positive number, got "${raw}"`);
  return value;
}

function integer(settings: Record<string, string | undefined>, key: string, fallback: number): number {
  const value = positive(settings, key, fallback);
  if (!Number.isInteger(value))
    throw new BenchUsageError(`${key} must be a whole number, got "${settings[key]}"`);
  return value;
}

function flag(settings: Record<string, string | undefined>, key: string): boolean {
  const raw = settings[key] ?? '0';
  if (raw !== '0' && raw !== '1') throw new BenchUsageError(`${key} must be 0 or 1, got "${raw}"`);
  return raw === '1';
}
