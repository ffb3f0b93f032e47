import { Controller, Get, Inject, Query } from '@nestjs/common';
import { z } from 'zod';
import { jointOperations, repatriationBoard, verificationQueue } from '@xb/read-models';
import { Roles } from '../auth/auth.guard';
import { parseBody } from '../http/responses';
import type { AgencyNode } from '../runtime/agency-node';
import { periodicReport } from './report-request';
import { AGENCY_NODE } from './request-context';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const boardQuery = z.object({
  status: z.string().max(40).optional(),
  borderGate: z.string().max(200).optional(),
  province: z.string().max(100).optional(),
  counterpart: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});

/** Boards and queues from the read models (eventually consistent with the cases, usually within ms). */
@Controller('api')
@Roles('liaison_officer', 'border_guard_command', 'auditor')
export class BoardsController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

  @Get('repatriations')
  async repatriations(@Query() query: unknown) {
    const filter = parseBody(boardQuery, query);
    return repatriationBoard(await this.node.readModels.db(), {
      ...filter,
      overdue: filter.overdue === 'true',
      now: this.node.now().toISOString(),
    });
  }

  @Get('verifications')
  async verifications(@Query() query: unknown) {
    const filter = parseBody(
      z.object({
        direction: z.enum(['incoming', 'outgoing']).optional(),
        status: z.string().max(40).optional(),
      }),
      query,
    );
    return {
      items: await verificationQueue(await this.node.readModels.db(), {
        ...filter,
        now: this.node.now().toISOString(),
      }),
    };
  }

  @Get('joint-operations')
  async jointOperations() {
    return { items: await jointOperations(await this.node.readModels.db()) };
  }

  @Get('reports/counts')
  async counts(@Query() query: unknown) {
    return periodicReport(this.node, query);
  }
}
