import { Controller, Get, Inject } from '@nestjs/common';
import { openPgpSealVerifier, verifyAnchors, verifyAuditTrail } from '@xb/audit';
import { Roles } from '../auth/auth.guard';
import { EVENT_STORE, EventStore } from '@xb/event-store';
import { NodeKeys } from '../runtime/node-keys';

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
  constructor(
    private readonly keys: NodeKeys,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Recomputes the hash chain, checks every seal against this agency's keys, and every seal head sent to
   * a counterpart against the counterpart's signed receipt (cross-anchoring).
   */
  @Get('verify')
  async verify() {
    const keys = await this.keys.ownPublicKeys();
    const chain = await verifyAuditTrail(this.store, openPgpSealVerifier(keys), {
      agencyId: this.keys.agencyId,
    });
    const anchors = await verifyAnchors(this.store, await this.keys.anchorChecks());
    return plain({ ...chain, ok: chain.ok && anchors.ok, anchors });
  }
}
