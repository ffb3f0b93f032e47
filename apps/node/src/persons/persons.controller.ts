import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { appendAuditRecord, commandReceived } from '@xb/audit';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { CommandMetadata, isDomainError } from '@xb/domain';
import { EVENT_STORE, EventStore } from '@xb/event-store';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { Officer } from '../auth/roles';
import { httpErrorOf } from '../http/responses';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { PersonCommandRoute, findPersonRoute } from '../api/command-routes';
import { requestContext } from '../api/request-context';
import { PersonRegister } from './person-register';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Body = Record<string, unknown>;

/**
 * The person register over HTTP (docs/persons.md): its commands (PERSON_COMMAND_ROUTES, audited like every
 * command: type, actor, request id, source; never the data) and two queries, the candidates proposed for a
 * person and a person's timeline across every linked case. Nothing is merged without a confirmation.
 */
@Controller('api/persons')
@Roles('liaison_officer', 'border_guard_command', 'auditor')
export class PersonsController {
  constructor(
    private readonly register: PersonRegister,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @HttpCode(201)
  async record(@Body() body: unknown, @CurrentOfficer() officer: Officer, @Req() request: Request) {
    const personId = uuidv7();
    const { data, metadata } = await this.accept(findPersonRoute()!, personId, body, officer, request);
    const outcome = await this.register.record(
      {
        personId,
        particulars: data.particulars as never,
        ...(data.placeOfOrigin === undefined ? {} : { placeOfOrigin: data.placeOfOrigin as string }),
        ...(data.firstRecord === undefined ? {} : { firstRecord: data.firstRecord as never }),
      },
      metadata,
    );
    if (isDomainError(outcome)) throw httpErrorOf(outcome);
    return { personId, status: outcome.state.status };
  }

  @Post(':personId/:action')
  @HttpCode(200)
  async act(
    @Param('personId') personId: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @CurrentOfficer() officer: Officer,
    @Req() request: Request,
  ) {
    const route = findPersonRoute(action);
    if (!route || action === undefined)
      throw new NotFoundException({ code: 'NO_SUCH_COMMAND', reason: 'no such command; see /openapi.json' });
    this.checkId(personId);
    const { data, metadata } = await this.accept(route, personId, body, officer, request);
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
    let outcome;
    switch (route.command) {
      case 'LinkCaseRecord':
        outcome = await this.register.linkCaseRecord(personId, data as never, metadata);
        break;
      case 'ConfirmMatch':
        outcome = await this.register.confirmMatch(
          personId,
          text('otherPersonId'),
          metadata,
          typeof data.score === 'number' ? data.score : undefined,
        );
        break;
      case 'RejectMatch':
        outcome = await this.register.rejectMatch(
          personId,
          text('otherPersonId'),
          metadata,
          typeof data.reason === 'string' ? data.reason : undefined,
        );
        break;
      default:
        outcome = await this.register.undoMerge(personId, text('mergedPersonId'), text('reason'), metadata);
    }
    if (isDomainError(outcome)) throw httpErrorOf(outcome);
    return { personId, status: outcome.state.status };
  }

  @Get(':personId/candidates')
  async candidates(@Param('personId') personId: string) {
    this.checkId(personId);
    const candidates = await this.register.candidates(personId);
    if (!candidates) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no person ${personId}` });
    // Scores only: a candidate's particulars are read on their own record, where the viewing is audited.
    return { personId, candidates: candidates.map((c) => ({ personId: c.personId, score: c.score })) };
  }

  @Get(':personId/timeline')
  async timeline(@Param('personId') personId: string) {
    this.checkId(personId);
    const timeline = await this.register.timeline(personId);
    if (!timeline) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no person ${personId}` });
    return { personId, timeline };
  }

  private checkId(personId: string) {
    if (!UUID.test(personId))
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        field: 'personId',
        reason: 'personId: not a UUID',
      });
  }

  private async accept(
    route: PersonCommandRoute,
    personId: string,
    body: unknown,
    officer: Officer,
    request: Request,
  ): Promise<{ data: Body; metadata: CommandMetadata }> {
    if (!officer.roles.some((role) => route.roles.includes(role)))
      throw new ForbiddenException({
        code: 'WRONG_ROLE',
        reason: `${route.command} requires one of: ${route.roles.join(', ')}`,
      });
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        field: '(body)',
        reason: '(body): a JSON object is expected',
      });
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
        caseId: personId,
        receivedAt: now,
      }),
    );
    return {
      data: body as Body,
      metadata: { now, actor: context.actor, agencyId: this.config.agencyId, requestId: context.requestId },
    };
  }
}
