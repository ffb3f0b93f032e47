import { ConfigError, loadConfig, NodeConfig, nodeSettings } from '@xb/config';
import { AgencyNode } from '../runtime/agency-node';

/**
 * `npm run read-models:rebuild`: empties the node's read models (SQLite file, or PostgreSQL when
 * DATABASE_URL is set) and replays its whole event store into them. `-- --parked` instead applies only
 * the events the projector parked (docs/operations.md). Safe while no projector runs; stop the node's
 * projector role first.
 */
async function main(): Promise<void> {
  const config = loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, process.env);
  const node = AgencyNode.open(config);
  try {
    if (process.argv.includes('--parked')) {
      const { replayed, parked } = await node.readModels.replayParked();
      process.stdout.write(
        `replayed ${replayed} parked events of ${config.agencyId}; ${parked} still parked\n`,
      );
      process.exitCode = parked === 0 ? 0 : 1;
      return;
    }
    const started = Date.now();
    const events = await node.readModels.rebuild();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `rebuilt the read models of ${config.agencyId} from ${events} events in ${seconds.toFixed(1)} s\n`,
    );
  } finally {
    await node.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
