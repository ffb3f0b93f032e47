import 'reflect-metadata';
import { INestApplication, Logger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { loadConfig, NodeConfig, nodeSettings } from '@xb/config';
import { openApiDocument } from './api/openapi';
import { AppModule } from './app.module';
import { ApiErrorFilter } from './http/error-filter';
import { useJsonBodies } from './http/json-bodies';
import { OpsModule, registerOverdueGauge } from './health/ops.module';
import { consoleStatic, defaultConsoleDir } from './console-serving/console-static';
import { AgencyNode, AgencyNodeOptions } from './runtime/agency-node';
import { registerNoticeGauges } from './health/notice-metrics';

export interface RunningNode {
  readonly node: AgencyNode;
  readonly config: NodeConfig;
  /** Base URL of the HTTP API (with the `api` role) or of /health and /metrics alone (without). */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts one node from environment-style settings: validates them (ConfigError names each bad one),
 * opens the store, starts the configured roles, and serves the API (with /docs) and the officers' console (at /) when `api` is one.
 */
export async function startNode(
  env: NodeJS.ProcessEnv,
  options: AgencyNodeOptions & { logger?: boolean | LoggerService } = {},
): Promise<RunningNode> {
  const config = loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, env);
  const node = AgencyNode.open(config, options);
  try {
    await node.start();
  } catch (error) {
    await node.stop().catch(() => undefined);
    throw error;
  }
  const logger: LoggerService | false | LogLevel[] =
    typeof options.logger === 'object'
      ? options.logger
      : options.logger === false
        ? false
        : ['error', 'warn'];
  if (config.roles.some((role) => role === 'api' || role === 'projector'))
    registerOverdueGauge(node.metrics.registry, node);
  if (config.roles.some((role) => role === 'api' || role === 'projector'))
    registerNoticeGauges(node.metrics.registry, node);
  let app: INestApplication;
  if (config.roles.includes('api')) {
    app = await NestFactory.create(AppModule.forNode(config, node), {
      bodyParser: false,
      logger,
    });
    useJsonBodies(app);
    app.useGlobalFilters(new ApiErrorFilter(new Logger('api')));
    app.use(consoleStatic(config.consoleDir ?? defaultConsoleDir()));
    SwaggerModule.setup('docs', app, openApiDocument(config.agencyId, node.now()) as never, {
      jsonDocumentUrl: 'openapi.json',
    });
  } else {
    // Other roles still answer probes and scrapes.
    app = await NestFactory.create(OpsModule.forNode(node), { logger });
  }
  await app.listen(config.httpPort, config.httpHost);
  return {
    node,
    config,
    url: `http://${config.httpHost}:${config.httpPort}`,
    async stop() {
      await app.close();
      await node.stop();
    },
  };
}
