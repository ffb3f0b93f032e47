import { Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { loadState } from '@xb/event-store';
import { caseRestrictionDecider, mayOpenRestricted } from '@xb/protection';
import { z } from 'zod';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import type { CommandView, ConsoleSettings, ExchangeLog, MyWork } from '@xb/console-contract';
import { caseCategory, UUID } from '../api/case-resource';
import { COMMAND_ROUTES } from '../api/command-routes';
import { Roles } from '../auth/auth.guard';
import { CurrentOfficer } from '../auth/current-officer';
import { Officer, ROLES } from '../auth/roles';
import { parseBody } from '../http/responses';
import { caseAsOf, commandView, locateCase, nextActions } from './case-views';
import { awaitingErasureNotices } from '@xb/read-models';
import { CLOCK, Clock, EVENT_STORE, EventStore, READ_MODELS, ReadModelsDb } from './ports';
import { exchangeLog, messagesNeedingAction } from './message-log';
import { deadlinesDue, escalationsOpen, isSimpleBoard, MY_WORK_LIMIT, simpleBoard } from './work-queries';

const LANGUAGES: Record<string, string> = { VN: 'vi', CN: 'zh', LA: 'lo' };
const boardQuery = z.object({
  status: z.string().max(40).optional(),
  counterpart: z.string().max(60).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
const asOfQuery = z.object({ at: z.string().datetime({ offset: true }) });

/** What the officers' console needs beyond the case API: its settings, the command table, my work. */
@Controller('api/console')
export class ConsoleController {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelsDb,
  ) {}

  /** Open: the sign-in page needs it before anyone signs in. */
  @Get('config')
  settings(): ConsoleSettings {
    return {
      agencyId: this.config.agencyId,
      timeZone: this.config.timeZone,
      defaultLanguage: LANGUAGES[this.config.agencyId.slice(0, 2)] ?? 'en',
      signIn: this.config.oidcIssuer ? ['password', 'oidc'] : ['password'],
    };
  }

  @Get('commands')
  @Roles(...ROLES)
  commands(): { commands: CommandView[] } {
    const now = this.clock();
    return { commands: COMMAND_ROUTES.map((route) => commandView(route, now)) };
  }

  @Get('my-work')
  @Roles('liaison_officer', 'border_guard_command', 'auditor', 'supervisor', 'key_administrator')
  async myWork(): Promise<MyWork> {
    const now = this.clock();
    const db = await this.readModels();
    const [deadlines, messages, escalations, erasureNotices] = await Promise.all([
      deadlinesDue(db, now),
      messagesNeedingAction(db, now),
      escalationsOpen(db),
      // Counterparts' erasure notices still waiting for our decision (ids only: docs/confidentiality.md).
      awaitingErasureNotices(db, MY_WORK_LIMIT),
    ]);
    return { now: now.toISOString(), deadlines, messages, escalations, erasureNotices };
  }

  @Get('boards/:board')
  @Roles('liaison_officer', 'border_guard_command', 'auditor')
  async board(@Param('board') board: string, @Query() query: unknown) {
    if (!isSimpleBoard(board))
      throw new NotFoundException({ code: 'NOT_FOUND', reason: `no board ${board}` });
    const filter = parseBody(boardQuery, query);
    return simpleBoard(await this.readModels(), board, {
      ...filter,
      page: filter.page ?? 1,
      pageSize: filter.pageSize ?? 50,
      overdue: filter.overdue === 'true',
      now: this.clock(),
    });
  }

  /** A page of the messages in and out with one counterpart or all, and the envelopes refused lately. */
  @Get('exchange-log')
  @Roles('auditor')
  async exchange(@Query() query: unknown): Promise<ExchangeLog> {
    const { counterpart, page } = parseBody(
      z.object({
        counterpart: z.string().max(60).optional(),
        page: z.coerce.number().int().min(1).optional(),
      }),
      query,
    );
    return exchangeLog(await this.readModels(), this.clock(), {
      ...(counterpart ? { counterpart } : {}),
      ...(page ? { page } : {}),
    });
  }

  @Get('locate/:caseId')
  @Roles('liaison_officer', 'border_guard_command', 'auditor')
  async locate(@Param('caseId') caseId: string) {
    const found = UUID.test(caseId) ? await locateCase(this.store, caseId) : undefined;
    if (!found) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no case ${caseId}` });
    return found;
  }

  @Get('cases/:resource/:caseId/actions')
  @Roles(...ROLES)
  async actions(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @CurrentOfficer() officer: Officer,
  ) {
    const actions = await nextActions(
      this.store,
      caseCategory(resource, caseId),
      caseId,
      officer,
      this.clock(),
    );
    if (!actions) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no case ${caseId}` });
    return { caseId, actions };
  }

  /** A case replayed as of a past moment (auditors; particulars withheld). */
  @Get('cases/:resource/:caseId/as-of')
  @Roles('auditor')
  async asOf(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @Query() query: unknown,
    @CurrentOfficer() officer: Officer,
  ) {
    const { at } = parseBody(asOfQuery, query);
    const category = caseCategory(resource, caseId);
    // A case restricted to named officers shows others no content, as of any time (need-to-know.ts).
    const restriction = await loadState(this.store, caseRestrictionDecider, `${category}-${caseId}`, {
      openParticulars: false,
    });
    if (!mayOpenRestricted(restriction, officer.id))
      throw new ForbiddenException({
        code: 'RESTRICTED',
        reason: 'the case is restricted to named officers',
      });
    const replay = await caseAsOf(this.store, category, caseId, new Date(at).toISOString());
    if (!replay) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no case ${caseId}` });
    return replay;
  }
}
