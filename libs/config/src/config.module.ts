import { DynamicModule, Module } from '@nestjs/common';
import { loadConfig } from './load-config';
import { NodeConfig, nodeSettings } from './node-config';

export const NODE_CONFIG = Symbol('NODE_CONFIG');

/** Validates the environment once, when the module is built, so a bad setting stops start-up. */
@Module({})
export class ConfigModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, env);
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: NODE_CONFIG, useValue: config }],
      exports: [NODE_CONFIG],
    };
  }
}
