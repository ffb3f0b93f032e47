import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { NodeConfig } from '@xb/config';
import { AuditController } from './api/audit.controller';
import { BoardsController } from './api/boards.controller';
import { CasesController } from './api/cases.controller';
import { CommandsController } from './api/commands.controller';
import { AuthGuard, TOKEN_KEYS } from './auth/auth.guard';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import type { AgencyNode } from './runtime/agency-node';
import { nodeProviders } from './runtime/node-providers';
import { tokenVerificationKeys } from './auth/token-keys';
import path from 'node:path';

/**
 * The HTTP side of a node (the `api` role) around an AgencyNode that is already running. Controllers get
 * the node's narrow ports as providers (runtime/node-providers.ts), never the node itself.
 */
@Module({})
export class AppModule {
  static forNode(config: NodeConfig, node: AgencyNode): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      // Audit and boards before cases: `GET /api/reports/counts` or `/api/audit/verify` must not be taken for a case.
      controllers: [
        HealthController,
        AuditController,
        MetricsController,
        BoardsController,
        CasesController,
        CommandsController,
      ],
      providers: [
        ...nodeProviders(node),
        {
          provide: TOKEN_KEYS,
          useFactory: () =>
            tokenVerificationKeys({
              ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : {}),
              localDir: path.join(config.dataDir, 'auth'),
            }),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
