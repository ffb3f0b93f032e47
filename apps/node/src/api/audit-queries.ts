/** The audit trail's verification as a @nestjs/cqrs query. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { openPgpSealVerifier, verifyAnchors, verifyAuditTrail } from '@xb/audit';
import { EVENT_STORE, EventStore } from '@xb/event-store';
import { NodeKeys } from '../runtime/node-keys';

type ChainReport = Awaited<ReturnType<typeof verifyAuditTrail>>;
type AnchorReport = Awaited<ReturnType<typeof verifyAnchors>>;

/**
 * Recomputes the hash chain, checks every seal against this agency's keys, and every seal head sent to
 * a counterpart against the counterpart's signed receipt (cross-anchoring).
 */
export class VerifyAuditTrailQuery extends Query<ChainReport & { readonly anchors: AnchorReport }> {}

@QueryHandler(VerifyAuditTrailQuery)
export class VerifyAuditTrailHandler implements IQueryHandler<VerifyAuditTrailQuery> {
  constructor(
    private readonly keys: NodeKeys,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute() {
    const chain = await verifyAuditTrail(this.store, openPgpSealVerifier(await this.keys.ownPublicKeys()), {
      agencyId: this.keys.agencyId,
    });
    const anchors = await verifyAnchors(this.store, await this.keys.anchorChecks());
    return { ...chain, ok: chain.ok && anchors.ok, anchors };
  }
}
