import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { Roles } from '../auth/auth.guard';
import { parseBody } from '../http/responses';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import {
  JointOperationsQuery,
  LiaisonMeetingsQuery,
  MissionsQuery,
  NoticeListQuery,
  RepatriationBoardQuery,
  ReportCountsQuery,
  VerificationQueueQuery,
} from './board-queries';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const paging = {
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
};
const boardQuery = z.object({
  status: z.string().max(40).optional(),
  borderGate: z.string().max(200).optional(),
  province: z.string().max(100).optional(),
  counterpart: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...paging,
});

/** Boards and queues from the read models (eventually consistent with the cases, usually within ms). */
@Controller('api')
@Roles('liaison_officer', 'border_guard_command', 'auditor')
export class BoardsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
  ) {}

  @Get('repatriations')
  async repatriations(@Query() query: unknown) {
    const filter = parseBody(boardQuery, query);
    return this.queries.execute(
      new RepatriationBoardQuery({
        ...filter,
        overdue: filter.overdue === 'true',
        now: this.now().toISOString(),
      }),
    );
  }

  @Get('verifications')
  async verifications(@Query() query: unknown) {
    const filter = parseBody(
      z.object({
        direction: z.enum(['incoming', 'outgoing']).optional(),
        status: z.string().max(40).optional(),
        ...paging,
      }),
      query,
    );
    return this.queries.execute(new VerificationQueueQuery({ ...filter, now: this.now().toISOString() }));
  }

  /** Tips and notices that came to us: processing state, and the count unprocessed past their deadline. */
  @Get('notices')
  async notices(@Query() query: unknown) {
    const filter = parseBody(
      z.object({
        source: z.enum(['tip', 'notice']).optional(),
        state: z.enum(['received', 'classified', 'processed']).optional(),
        overdue: z.enum(['true', 'false']).optional(),
        page: z.coerce.number().int().min(1).optional(),
        pageSize: z.coerce.number().int().min(1).max(500).optional(),
      }),
      query,
    );
    return this.queries.execute(
      new NoticeListQuery({ ...filter, overdue: filter.overdue === 'true', now: this.now().toISOString() }),
    );
  }

  @Get('joint-operations')
  async jointOperations(@Query() query: unknown) {
    return this.queries.execute(new JointOperationsQuery(parseBody(z.object(paging), query)));
  }

  /** Meetings with their action items, each classified against its deadline (overdue until done), a page at a time. */
  @Get('liaison-meetings')
  async liaisonMeetings(@Query() query: unknown) {
    return this.queries.execute(
      new LiaisonMeetingsQuery(this.now().toISOString(), parseBody(z.object(paging), query)),
    );
  }

  @Get('missions')
  async missions(@Query() query: unknown) {
    return this.queries.execute(new MissionsQuery(parseBody(z.object(paging), query)));
  }

  @Get('reports/counts')
  async counts(@Query() query: unknown) {
    return this.queries.execute(new ReportCountsQuery(query));
  }
}
