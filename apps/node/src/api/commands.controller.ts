import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditRecord, commandReceived } from '@xb/audit';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { isDomainError } from '@xb/domain';
import { ConcurrencyConflictError, DecideCommand, EVENT_STORE, EventStore } from '@xb/event-store';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { Officer, ROLES } from '../auth/roles';
import { httpErrorOf } from '../http/responses';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { NodeDirectory } from '../runtime/node-directory';
import { CommandRoute, deciderOfRoute, findRoute } from './command-routes';
import { headerChoiceOf } from './header-choice';
import { requestContext } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Officers' commands (see command-routes.ts): each is recorded in the audit trail (type, actor, request
 * id, source address; never its data), then run through the CommandBus (`DecideCommand`) to the one
 * command handler. A body may also choose the message's `handling` and `evaluation` (header-choice.ts).
 * 400 for bad input, 404 for an unknown case, 409 for a refused transition or a restricted forward
 * (HANDLING_RESTRICTED).
 */
@Controller('api')
@Roles(...ROLES)
export class CommandsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: NodeDirectory,
  ) {}

  @Post(':resource')
  @HttpCode(201)
  open(
    @Param('resource') resource: string,
    @Body() body: unknown,
    @CurrentOfficer() officer: Officer,
    @Req() request: Request,
  ) {
    return this.run(this.route(resource, undefined), uuidv7(), body, officer, request);
  }

  @Post(':resource/:caseId/:action')
  @HttpCode(200)
  step(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CurrentOfficer() officer: Officer,
    @Req() request: Request,
  ) {
    if (!UUID.test(caseId))
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        field: 'caseId',
        reason: 'caseId: not a UUID',
      });
    return this.run(this.route(resource, action), caseId, body, officer, request);
  }

  private route(resource: string, action: string | undefined): CommandRoute {
    const route = findRoute(resource, action);
    if (!route)
      throw new NotFoundException({
        code: 'NO_SUCH_COMMAND',
        reason: 'no such command; see /openapi.json',
      });
    return route;
  }

  private async run(route: CommandRoute, caseId: string, body: unknown, officer: Officer, request: Request) {
    if (!officer.roles.some((role) => route.roles.includes(role))) {
      throw new ForbiddenException({
        code: 'WRONG_ROLE',
        reason: `${route.command} requires one of: ${route.roles.join(', ')}`,
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        field: '(body)',
        reason: '(body): a JSON object is expected',
      });
    }
    const context = requestContext(officer, request);
    const now = this.now().toISOString();
    await appendAuditRecord(
      this.store,
      commandReceived({
        commandType: route.command,
        actor: context.actor,
        agencyId: officer.agency,
        requestId: context.requestId,
        sourceAddress: context.sourceAddress,
        caseId,
        receivedAt: now,
      }),
    );
    // The three-level mechanism: a case goes only to a counterpart the signed directory pairs us with.
    const counterpart = (body as { counterpart?: unknown }).counterpart;
    if (typeof counterpart === 'string' && !this.directory.mayOpenWith(counterpart))
      throw new ForbiddenException({
        code: 'COUNTERPART_NOT_PAIRED',
        field: 'counterpart',
        reason: `counterpart: the agency directory does not pair ${this.config.agencyId} with ${counterpart}`,
      });
    // The officer's handling code and evaluation for the message the command queues (header-choice.ts).
    const split = headerChoiceOf({ ...body });
    if (isDomainError(split)) throw httpErrorOf(split);
    const data = route.action ? split.data : { ...split.data, caseId };
    const command = {
      type: route.command,
      data,
      metadata: {
        now,
        actor: context.actor,
        agencyId: this.config.agencyId,
        newIds: [uuidv7(), uuidv7()],
        requestId: context.requestId,
        ...split.choice,
      },
    };
    let outcome;
    try {
      outcome = await this.commands.execute(new DecideCommand(deciderOfRoute(route), caseId, command));
    } catch (error) {
      if (error instanceof ConcurrencyConflictError)
        throw httpErrorOf({
          kind: 'DomainError',
          code: 'CONCURRENCY_CONFLICT',
          reason: 'the case changed meanwhile; try again',
        });
      throw error;
    }
    if (isDomainError(outcome)) throw httpErrorOf(outcome);
    return {
      caseId,
      category: route.category,
      status: (outcome.state as { status: string }).status,
      events: outcome.events.map((e) => e.type),
      requestId: context.requestId,
    };
  }
}
