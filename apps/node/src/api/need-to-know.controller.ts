import { Body, Controller, Get, HttpCode, HttpException, Inject, Param, Post } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { Command, CommandMetadata, Decider, DomainEvent, isDomainError } from '@xb/domain';
import { EVENT_STORE, EventStore, handleCommand, loadState } from '@xb/event-store';
import { caseRestrictionDecider, disclosureGrantsDecider, GRANTS_ID } from '@xb/protection';
import { CurrentOfficer } from '../auth/current-officer';
import { Roles } from '../auth/auth.guard';
import { actorOf, Officer } from '../auth/roles';
import { parseBody } from '../http/responses';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { caseCategory, UUID } from './case-resource';

const OFFICER_ID = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.@:-]+$/);
const REASON = z.string().min(3).max(500);
const grantBody = z
  .object({
    officerId: OFFICER_ID,
    /** Cases as `{ resource, caseId }` (as the case API names them); absent: every case. */
    cases: z
      .array(z.object({ resource: z.string().min(1).max(40), caseId: z.string().regex(UUID) }).strict())
      .min(1)
      .max(100)
      .optional(),
    until: z.string().datetime({ offset: true }),
    reason: REASON,
  })
  .strict();
const reasonBody = z.object({ reason: REASON }).strict();
const restrictBody = z.object({ officers: z.array(OFFICER_ID).min(1).max(50), reason: REASON }).strict();

/**
 * Need-to-know beyond the role table (docs/confidentiality.md): a supervisor grants a named officer
 * (an auditor) the right to un-hide particulars, for a time and revocably, and restricts a sensitive
 * case to named officers. Every grant, revocation and restriction is an event of the audited trail.
 */
@Controller('api')
@Roles('supervisor')
export class NeedToKnowController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  @Get('disclosure-grants')
  @Roles('supervisor', 'auditor')
  async grants() {
    const { grants } = await loadState(this.store, disclosureGrantsDecider, GRANTS_ID, {
      openParticulars: false,
    });
    return { now: this.now().toISOString(), grants };
  }

  @Post('disclosure-grants')
  @HttpCode(201)
  async grant(@Body() body: unknown, @CurrentOfficer() officer: Officer) {
    const { cases, until, ...input } = parseBody(grantBody, body);
    const grantId = uuidv7();
    const data = {
      ...input,
      grantId,
      until: new Date(until).toISOString(),
      ...(cases ? { cases: cases.map((c) => `${caseCategory(c.resource, c.caseId)}-${c.caseId}`) } : {}),
    };
    await this.run(disclosureGrantsDecider, GRANTS_ID, officer, (metadata) => ({
      type: 'GrantDisclosure' as const,
      data,
      metadata,
    }));
    return { grantId };
  }

  @Post('disclosure-grants/:grantId/revoke')
  @HttpCode(200)
  async revoke(@Param('grantId') grantId: string, @Body() body: unknown, @CurrentOfficer() officer: Officer) {
    const { reason } = parseBody(reasonBody, body);
    await this.run(disclosureGrantsDecider, GRANTS_ID, officer, (metadata) => ({
      type: 'RevokeDisclosureGrant' as const,
      data: { grantId, reason },
      metadata,
    }));
    return { grantId, revoked: true };
  }

  @Post('restrictions/:resource/:caseId')
  @HttpCode(200)
  async restrict(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @CurrentOfficer() officer: Officer,
  ) {
    const input = parseBody(restrictBody, body);
    const category = caseCategory(resource, caseId);
    await this.run(caseRestrictionDecider, `${category}-${caseId}`, officer, (metadata) => ({
      type: 'RestrictCase' as const,
      data: input,
      metadata,
    }));
    return { caseId, category, restrictedTo: input.officers };
  }

  @Post('restrictions/:resource/:caseId/lift')
  @HttpCode(200)
  async lift(
    @Param('resource') resource: string,
    @Param('caseId') caseId: string,
    @Body() body: unknown,
    @CurrentOfficer() officer: Officer,
  ) {
    const input = parseBody(reasonBody, body);
    const category = caseCategory(resource, caseId);
    await this.run(caseRestrictionDecider, `${category}-${caseId}`, officer, (metadata) => ({
      type: 'LiftCaseRestriction' as const,
      data: input,
      metadata,
    }));
    return { caseId, category, restricted: false };
  }

  /** Runs a decision as the officer; a refusal answers with its code and field, never a value. */
  private async run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    id: string,
    officer: Officer,
    command: (metadata: CommandMetadata) => C,
  ): Promise<void> {
    const outcome = await handleCommand(
      this.store,
      decider,
      id,
      command({ now: this.now().toISOString(), actor: actorOf(officer), agencyId: this.config.agencyId }),
    );
    if (isDomainError(outcome)) {
      const status = outcome.code === 'NOT_FOUND' ? 404 : outcome.code === 'VALIDATION_FAILED' ? 400 : 409;
      throw new HttpException(
        {
          code: outcome.code,
          reason: outcome.reason,
          ...(outcome.fields?.[0] ? { field: outcome.fields[0] } : {}),
        },
        status,
      );
    }
  }
}
