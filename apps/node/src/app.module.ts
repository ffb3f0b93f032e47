import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { NodeConfig } from '@xb/config';
import { AuditController } from './api/audit.controller';
import { BoardsController } from './api/boards.controller';
import { CasesController } from './api/cases.controller';
import { CommandsController } from './api/commands.controller';
import { PersonsController } from './persons/persons.controller';
import { ErasureController } from './api/erasure.controller';
import { NeedToKnowController } from './api/need-to-know.controller';
import { AuthGuard, TOKEN_KEYS } from './auth/auth.guard';
import { ConsoleController } from './console-api/console.controller';
import { LiveController } from './console-api/live.controller';
import { officersProviders } from './officers/officers.providers';
import { OidcController } from './officers/oidc.controller';
import { SessionController } from './officers/session.controller';
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
      // Session, console, audit and boards before cases and commands: `POST /api/session` is not a
      // command, and `GET /api/reports/counts` or `/api/audit/verify` must not be taken for a case.
      controllers: [
        OidcController,
        SessionController,
        ConsoleController,
        LiveController,
        HealthController,
        AuditController,
        MetricsController,
        // Before cases and commands: `/api/persons/...` is the register, not a case resource.
        PersonsController,
        BoardsController,
        CasesController,
        // Before CommandsController, whose `POST api/:resource` would take `erasures` for a process.
        ErasureController,
        // Before CommandsController too: `POST api/disclosure-grants/<id>/revoke` is no case step.
        NeedToKnowController,
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
        ...officersProviders(config, {
          clock: () => node.now(),
          store: node.store,
          readModels: () => node.readModels.db(),
        }),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
