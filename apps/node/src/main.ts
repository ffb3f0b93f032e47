import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, NODE_CONFIG, NodeConfig } from '@xb/config';
import { AppModule } from './app.module';
import { KafkaHealth } from './health/kafka-health';

/** Exit codes: 0 stopped on a signal, 2 bad configuration, 1 anything else at start-up. */
async function main(): Promise<void> {
  let module;
  try {
    module = AppModule.forRoot(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`xborder node: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await NestFactory.create(module, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  const config = app.get<NodeConfig>(NODE_CONFIG);
  const created = await app.get(KafkaHealth).ensureTopics();
  await app.listen(config.httpPort, config.httpHost);
  process.stdout.write(
    `xborder node ${config.agencyId} ready: http://${config.httpHost}:${config.httpPort}/health, ` +
      `kafka ${config.kafkaBrokers.join(',')}${created.length ? `, created ${created.join(', ')}` : ''}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(
    `xborder node: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
