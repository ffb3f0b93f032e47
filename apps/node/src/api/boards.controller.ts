import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { z } from 'zod';
import { jointOperations, reportCounts, repatriationBoard, verificationQueue } from '@xb/read-models';
import { Roles } from '../auth/auth.guard';
import { parseBody } from '../http/responses';
import { CASE_COMMANDS, CaseCommands } from '@xb/event-store';
import { ReadModels } from '../runtime/read-models';

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
const periodQuery = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
});

/** Boards and queues from the read models (eventually consistent with the cases, usually within ms). */
@Controller('api')
@Roles('liaison_officer', 'border_guard_command', 'auditor')
export class BoardsController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CASE_COMMANDS) private readonly clock: Pick<CaseCommands, 'now'>,
  ) {}

  @Get('repatriations')
  async repatriations(@Query() query: unknown) {
    const filter = parseBody(boardQuery, query);
    return repatriationBoard(await this.readModels.db(), {
      ...filter,
      overdue: filter.overdue === 'true',
      now: this.clock.now().toISOString(),
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
      items: await verificationQueue(await this.readModels.db(), {
        ...filter,
        now: this.clock.now().toISOString(),
      }),
    };
  }

  @Get('joint-operations')
  async jointOperations() {
    return { items: await jointOperations(await this.readModels.db()) };
  }

  @Get('reports/counts')
  async counts(@Query() query: unknown) {
    const period = parseBody(periodQuery, query);
    if (period.from >= period.to)
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        field: 'to',
        reason: 'to: must be after from',
      });
    return reportCounts(await this.readModels.db(), period);
  }
}
