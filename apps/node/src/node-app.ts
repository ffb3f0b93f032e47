import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { loadConfig, NodeConfig, nodeSettings } from '@xb/config';
import { openApiDocument } from './api/openapi';
import { AppModule } from './app.module';
import { consoleStatic, defaultConsoleDir } from './console-serving/console-static';
import { AgencyNode, AgencyNodeOptions } from './runtime/agency-node';

export interface RunningNode {
  readonly node: AgencyNode;
  readonly config: NodeConfig;
  /** Base URL of the HTTP API, when the `api` role runs. */
  readonly url?: string;
  stop(): Promise<void>;
}

/**
 * Starts one node from environment-style settings: validates them (ConfigError names each bad one),
 * opens the store, starts the configured roles, and serves the API (with /docs) and the officers' console (at /) when `api` is one.
 */
export async function startNode(
  env: NodeJS.ProcessEnv,
  options: AgencyNodeOptions & { logger?: boolean } = {},
): Promise<RunningNode> {
  const config = loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, env);
  const node = AgencyNode.open(config, options);
  try {
    await node.start();
  } catch (error) {
    await node.stop().catch(() => undefined);
    throw error;
  }
  let app: INestApplication | undefined;
  if (config.roles.includes('api')) {
    app = await NestFactory.create(AppModule.forNode(config, node), {
      logger: options.logger === false ? false : ['error', 'warn'],
    });
    app.use(consoleStatic(config.consoleDir ?? defaultConsoleDir()));
    SwaggerModule.setup('docs', app, openApiDocument(config.agencyId, node.now()) as never, {
      jsonDocumentUrl: 'openapi.json',
    });
    await app.listen(config.httpPort, config.httpHost);
  }
  return {
    node,
    config,
    ...(app ? { url: `http://${config.httpHost}:${config.httpPort}` } : {}),
    async stop() {
      await app?.close();
      await node.stop();
    },
  };
}
