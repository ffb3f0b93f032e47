import { ConfigError } from '@xb/config';
import { startNode } from './node-app';
import { NodeSetupError } from './runtime/node-crypto';

/** Exit codes: 0 stopped on a signal, 2 bad configuration or setup, 1 anything else. */
async function main(): Promise<void> {
  const running = await startNode(process.env);
  const { config } = running;
  process.stdout.write(
    `xborder node ${config.agencyId} ready: roles ${config.roles.join(',')}, kafka ${config.kafkaBrokers.join(',')}` +
      (running.url ? `, API ${running.url} (docs ${running.url}/docs)` : '') +
      '\n',
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      running.stop().then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`xborder node: error while stopping: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof NodeSetupError) {
    process.stderr.write(`xborder node: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `xborder node: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
