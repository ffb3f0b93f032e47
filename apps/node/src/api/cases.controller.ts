import {
  Controller,
  ForbiddenException,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  Req,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { appendAuditRecord, particularsViewed } from '@xb/audit';
import { ProcessCategory } from '@xb/domain';
import { EVENT_STORE, EventStore, LoadCaseQuery, loadState } from '@xb/event-store';
import {
  caseRestrictionDecider,
  disclosureGrantsDecider,
  GRANTS_ID,
  isGranted,
  mayOpenRestricted,
  mayReadCase,
  mayUnhide,
} from '@xb/protection';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { Officer } from '../auth/roles';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { particularsPaths, withholdParticulars } from './particulars';
import { requestContext } from './request-context';
import { caseCategory } from './case-resource';
import { caseHandlingOf } from './case-handling';
import { CaseTimelineQuery } from './case-queries';

/**
 * A case's state and timeline, read from its streams (not from read models: always current), with the
 * highest handling restriction it received (`handling.received`).
 */
@Controller('api/:resource/:caseId')
@Roles('liaison_officer', 'border_guard_command', 'auditor', 'supervisor')
export class CasesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  async state(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @Query('particulars') particulars: string | undefined,
    @Query('reason') reason: string | undefined,
    @CurrentOfficer() officer: Officer,
    @Req() request: Request,
  ) {
    const category = this.category(resource, caseId);
    const readable = mayReadCase(officer.roles, category);
    if (!readable.allowed) throw new ForbiddenException({ code: readable.code, reason: readable.reason });
    if (!(await this.mayOpen(category, caseId, officer))) return this.restricted(category, caseId);
    const show = particulars === 'true';
    if (show) {
      const granted = await this.granted(category, caseId, officer);
      const unhide = mayUnhide(officer.roles, category, { ...(reason ? { reason } : {}), granted });
      if (!unhide.allowed)
        throw new ForbiddenException({ code: unhide.code, reason: unhide.reason, field: 'particulars' });
    }
    // Sealed particulars are opened only for the view that shows them (docs/confidentiality.md).
    const state = await this.queries.execute(new LoadCaseQuery(category, caseId, show));
    if (state.status === 'none')
      throw new NotFoundException({ code: 'NOT_FOUND', reason: `no ${category} case ${caseId}` });
    // The highest restriction a counterpart put on what the case holds, shown beside it.
    const handling = caseHandlingOf(state);
    if (!show) return { caseId, category, state: withholdParticulars(state), handling };
    const context = requestContext(officer, request);
    await appendAuditRecord(
      this.store,
      particularsViewed({
        viewer: context.actor,
        caseId: `${category}-${caseId}`,
        fields: particularsPaths(state),
        reason: (reason ?? '').slice(0, 200),
        requestId: context.requestId,
        sourceAddress: context.sourceAddress,
        viewedAt: this.now().toISOString(),
      }),
    );
    return { caseId, category, state, handling };
  }

  @Get('timeline')
  async timeline(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @CurrentOfficer() officer: Officer,
  ) {
    const category = this.category(resource, caseId);
    const readable = mayReadCase(officer.roles, category);
    if (!readable.allowed) throw new ForbiddenException({ code: readable.code, reason: readable.reason });
    const entries = await this.queries.execute(new CaseTimelineQuery(`${category}-${caseId}`));
    if (!entries) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no ${category} case ${caseId}` });
    if (!(await this.mayOpen(category, caseId, officer)))
      return { caseId, category, restricted: true, timeline: [] };
    return { caseId, category, timeline: entries };
  }

  /** Whether the case is open to the officer: not restricted, or restricted to a list that names them. */
  private async mayOpen(category: ProcessCategory, caseId: string, officer: Officer): Promise<boolean> {
    const restriction = await loadState(this.store, caseRestrictionDecider, `${category}-${caseId}`, {
      openParticulars: false,
    });
    return mayOpenRestricted(restriction, officer.id);
  }

  /** A restricted case to an officer it does not name: that it exists and its status, no content. */
  private async restricted(category: ProcessCategory, caseId: string) {
    const state = await this.queries.execute(new LoadCaseQuery(category, caseId, false));
    if (state.status === 'none')
      throw new NotFoundException({ code: 'NOT_FOUND', reason: `no ${category} case ${caseId}` });
    return { caseId, category, restricted: true, state: { status: state.status } };
  }

  /** Whether a supervisor's grant in force names the officer for this case (need-to-know.ts). */
  private async granted(category: ProcessCategory, caseId: string, officer: Officer): Promise<boolean> {
    const { grants } = await loadState(this.store, disclosureGrantsDecider, GRANTS_ID, {
      openParticulars: false,
    });
    return isGranted(grants, officer.id, `${category}-${caseId}`, this.now().toISOString());
  }

  private category(resource: string, caseId: string): ProcessCategory {
    return caseCategory(resource, caseId);
  }
}
