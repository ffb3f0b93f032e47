import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '../auth/auth.guard';
import { VerifyAuditTrailQuery } from './audit-queries';

/** JSON has no bigint: positions (64-bit in EventStoreDB) travel as decimal strings. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

/**
 * Read-only audit endpoints for the auditor role. The full toolkit (replay, history, reports) is the
 * auditor's command-line tool, which reads the store without trusting the node's code paths.
 */
@Controller('api/audit')
@Roles('auditor')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  /** The hash chain, every seal, and every cross-anchored seal head (VerifyAuditTrailQuery). */
  @Get('verify')
  async verify() {
    return plain(await this.queries.execute(new VerifyAuditTrailQuery()));
  }
}
