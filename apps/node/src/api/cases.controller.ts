import { Controller, Get, Inject, NotFoundException, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { appendAuditRecord, particularsViewed } from '@xb/audit';
import { DECIDERS, ProcessCategory } from '@xb/domain';
import { loadState } from '@xb/event-store';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { Officer } from '../auth/roles';
import type { AgencyNode } from '../runtime/agency-node';
import { particularsPaths, withholdParticulars } from './particulars';
import { AGENCY_NODE, requestContext } from './request-context';
import { caseCategory } from './case-resource';
import { caseTimeline } from './timeline';

/** A case's state and timeline, read from its streams (not from read models: always current). */
@Controller('api/:resource/:caseId')
@Roles('liaison_officer', 'border_guard_command', 'auditor')
export class CasesController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

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
    const state = (await loadState(this.node.store, DECIDERS[category] as never, caseId)) as {
      status: string;
    };
    if (state.status === 'none')
      throw new NotFoundException({ code: 'NOT_FOUND', reason: `no ${category} case ${caseId}` });
    if (particulars !== 'true') return { caseId, category, state: withholdParticulars(state) };
    const context = requestContext(officer, request);
    await appendAuditRecord(
      this.node.store,
      particularsViewed({
        viewer: context.actor,
        caseId: `${category}-${caseId}`,
        fields: particularsPaths(state),
        ...(reason ? { reason: reason.slice(0, 200) } : {}),
        requestId: context.requestId,
        sourceAddress: context.sourceAddress,
        viewedAt: this.node.now().toISOString(),
      }),
    );
    return { caseId, category, state };
  }

  @Get('timeline')
  async timeline(@Param('resource') resource: string, @Param('caseId') caseId: string) {
    const category = this.category(resource, caseId);
    const entries = await caseTimeline(this.node.store, `${category}-${caseId}`);
    if (!entries) throw new NotFoundException({ code: 'NOT_FOUND', reason: `no ${category} case ${caseId}` });
    return { caseId, category, timeline: entries };
  }

  private category(resource: string, caseId: string): ProcessCategory {
    return caseCategory(resource, caseId);
  }
}
