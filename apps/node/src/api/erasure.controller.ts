import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { EVENT_STORE, EventStore } from '@xb/event-store';
import { ERASURE_DECISIONS, KeyStore } from '@xb/protection';
import { receivedErasureNoticeList } from '@xb/read-models';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { Officer } from '../auth/roles';
import { eraseParticulars } from '../confidentiality/erasure';
import { decideErasureNotice } from '../confidentiality/erasure-notices';
import { parseBody } from '../http/responses';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { ReadModels } from '../runtime/read-models';
import { requestContext } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The grounds an officer states; `counterpart_notice` is the decision on a notice's own route. */
const OFFICER_GROUNDS = ['retention_expired', 'legal_request', 'data_subject_request'] as const;
const erasureBody = z
  .object({
    personId: z.string().regex(UUID).optional(),
    caseId: z.string().regex(UUID).optional(),
    ground: z.enum(OFFICER_GROUNDS),
    reference: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((body) => (body.personId === undefined) !== (body.caseId === undefined), {
    message: 'name a person (personId) or a case (caseId), not both',
    path: ['personId'],
  });
const noticesQuery = z.object({
  status: z.enum(['awaiting_decision', 'decided']).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).optional(),
});
const decisionBody = z
  .object({ decision: z.enum(ERASURE_DECISIONS), note: z.string().min(3).max(500) })
  .strict();

/**
 * Erasure by crypto-shredding (docs/confidentiality.md): the key administrator erases a person or a
 * case's particulars on a stated ground; the erasure is an audit event, the keys are destroyed, and the
 * counterparts concerned are sent an erasure notice. A counterpart's notice is listed here and decided
 * by the key administrator (erase our copy, or keep it with a note).
 */
@Controller('api')
export class ErasureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: KeyStore,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly readModels: ReadModels,
  ) {}

  @Post('erasures')
  @HttpCode(200)
  @Roles('key_administrator')
  async erase(@Body() body: unknown, @CurrentOfficer() officer: Officer, @Req() request: Request) {
    const input = parseBody(erasureBody, body);
    const context = requestContext(officer, request);
    const erasedAt = this.now().toISOString();
    const { erasureId, keyIds, notified } = await eraseParticulars(this.store, this.keys, {
      ...input,
      erasedBy: context.actor,
      requestId: context.requestId,
      sourceAddress: context.sourceAddress,
      at: erasedAt,
      agencyId: this.config.agencyId,
    });
    return { erasureId, erased: keyIds, erasedAt, notified };
  }

  /**
   * Counterparts' erasure notices: ids only, never particulars; officers see them in my work too. A page
   * at a time from the read model: those awaiting a decision first, then the decided ones.
   */
  @Get('erasure-notices')
  @Roles('key_administrator', 'liaison_officer')
  async notices(@Query() query: unknown) {
    const { items, ...page } = await receivedErasureNoticeList(
      await this.readModels.db(),
      parseBody(noticesQuery, query),
    );
    return { notices: items, ...page };
  }

  @Post('erasure-notices/:messageId/decision')
  @HttpCode(200)
  @Roles('key_administrator')
  async decide(
    @Param('messageId') messageId: string,
    @Body() body: unknown,
    @CurrentOfficer() officer: Officer,
    @Req() request: Request,
  ) {
    const input = parseBody(decisionBody, body);
    const context = requestContext(officer, request);
    const outcome = await decideErasureNotice(this.store, this.keys, {
      messageId,
      ...input,
      decidedBy: context.actor,
      requestId: context.requestId,
      sourceAddress: context.sourceAddress,
      at: this.now().toISOString(),
      agencyId: this.config.agencyId,
    });
    if (!outcome.ok)
      throw new HttpException(
        { code: outcome.code, reason: outcome.reason },
        outcome.code === 'NOT_FOUND' ? 404 : 409,
      );
    return { messageId, decision: input.decision, erased: outcome.keyIds };
  }
}
