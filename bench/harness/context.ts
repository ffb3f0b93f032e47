import { Cleanup } from './cleanup';
import { startBenchKafka, stopBenchKafka } from './local-kafka';
import { BenchOptions } from './options';
import { MeasurementRegistry } from './registry';

/** What a suite gets: the run's options, the registry it records into, and shared resources. */
export interface BenchContext {
  readonly options: BenchOptions;
  readonly registry: MeasurementRegistry;
  /** Register here whatever must be stopped or killed when the run ends, even on Ctrl-C. */
  readonly cleanup: Cleanup;
  /** Address of the run's Kafka broker: started on first call (and stopped by cleanup), or `--kafka-brokers`. */
  kafka(): Promise<string>;
  /** A progress line on stderr (stdout carries only the table and the JSON line). */
  log(message: string): void;
}

/** A named group of measurements. Suites run one after the other, never at once, so they do not share cores. */
export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<void>;
}

/** A context for one run; `log` defaults to `[bench] ...` lines on stderr. */
export function createContext(
  options: BenchOptions,
  registry = new MeasurementRegistry(),
  cleanup = new Cleanup(),
  log: (message: string) => void = (message) => process.stderr.write(`[bench] ${message}\n`),
): BenchContext {
  let broker: Promise<string> | undefined;
  return {
    options,
    registry,
    cleanup,
    log,
    kafka() {
      if (options.kafkaBrokers) return Promise.resolve(options.kafkaBrokers);
      broker ??= startBroker(options.kafkaPort, cleanup, log);
      return broker;
    },
  };
}

async function startBroker(port: number, cleanup: Cleanup, log: (message: string) => void): Promise<string> {
  log(`starting a Kafka broker on 127.0.0.1:${port}`);
  // Registered before the start finishes: a Ctrl-C during start-up must still stop the JVM.
  cleanup.add(`kafka broker on ${port}`, () => stopBenchKafka(port));
  const address = await startBenchKafka(port).catch((error: unknown) => {
    // kafka.sh checks the new JVM's command line right after `setsid java ... &`; on a busy machine the
    // child may not have exec'd java yet and the script reports "exited during start-up". Once more.
    if (!String(error).includes('exited during start-up')) throw error;
    log('the broker start was reported as failed (a known race of kafka.sh on a busy machine): retrying');
    return startBenchKafka(port);
  });
  log(`broker ready on ${address}`);
  return address;
}

/**
 * Runs the suites in order (all, or those named in `--only`); a failing suite is reported in the
 * returned map and does not stop the others.
 */
export async function runSuites(
  context: BenchContext,
  suites: readonly BenchSuite[],
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const unknown = (context.options.only ?? []).filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length) errors.options = `unknown suites in --only: ${unknown.join(', ')}`;
  for (const suite of suites) {
    if (context.options.only && !context.options.only.includes(suite.name)) continue;
    const started = Date.now();
    context.log(`suite ${suite.name}: start`);
    try {
      await suite.run(context);
      context.log(`suite ${suite.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      errors[suite.name] = error instanceof Error ? error.message : String(error);
      context.log(`suite ${suite.name}: FAILED: ${errors[suite.name]}`);
    }
  }
  return errors;
}
