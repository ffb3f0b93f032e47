import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { EVENT_STORE, EventStore } from '@xb/event-store';
import { KeyStore } from '@xb/protection';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { Officer } from '../auth/roles';
import { ERASURE_GROUNDS, eraseParticulars } from '../confidentiality/erasure';
import { parseBody } from '../http/responses';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { requestContext } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const erasureBody = z
  .object({
    personId: z.string().regex(UUID).optional(),
    caseId: z.string().regex(UUID).optional(),
    ground: z.enum(ERASURE_GROUNDS),
    reference: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((body) => (body.personId === undefined) !== (body.caseId === undefined), {
    message: 'name a person (personId) or a case (caseId), not both',
    path: ['personId'],
  });

/**
 * Erasure by crypto-shredding (docs/confidentiality.md): the key administrator erases a person or a
 * case's particulars on a stated ground; the erasure is an audit event, and the keys are destroyed.
 */
@Controller('api/erasures')
@Roles('key_administrator')
export class ErasureController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: KeyStore,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
  ) {}

  @Post()
  @HttpCode(200)
  async erase(@Body() body: unknown, @CurrentOfficer() officer: Officer, @Req() request: Request) {
    const input = parseBody(erasureBody, body);
    const context = requestContext(officer, request);
    const erasedAt = this.now().toISOString();
    const { keyIds } = await eraseParticulars(this.store, this.keys, {
      ...input,
      erasedBy: context.actor,
      requestId: context.requestId,
      sourceAddress: context.sourceAddress,
      at: erasedAt,
    });
    return { erased: keyIds, erasedAt };
  }
}
