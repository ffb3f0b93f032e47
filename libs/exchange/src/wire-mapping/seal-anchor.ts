import { CHAIN_DOMAIN, SEAL_ANCHOR_QUEUED, SEAL_HEAD_PAYLOAD_TYPE, SealAnchorEvent } from '@xb/audit';
import { RecordedEvent } from '@xb/event-store';
import { OutboundMessage } from '../ports';
import { timestampOf } from './convert';

/** A queued seal anchor (libs/audit) as the `AuditSealHead` message for its counterpart. */
export function sealAnchorMessageOf(event: RecordedEvent): OutboundMessage | undefined {
  if (event.type !== SEAL_ANCHOR_QUEUED || !event.streamId.startsWith('anchor-')) return undefined;
  const data = event.data as SealAnchorEvent['data'];
  return {
    messageId: data.outbound.messageId,
    category: 'anchor',
    correlationId: data.sealId,
    counterpart: data.outbound.counterpart,
    payloadType: SEAL_HEAD_PAYLOAD_TYPE,
    payload: {
      agencyId: data.agencyId,
      sealId: data.sealId,
      position: Number(data.position),
      eventCount: data.count,
      chainHeadSha256: Buffer.from(data.chainHead, 'hex'),
      ...(data.previousHead ? { previousHeadSha256: Buffer.from(data.previousHead, 'hex') } : {}),
      sealedAt: timestampOf(data.sealedAt),
      // The chain's domain-separation tag names the algorithm (docs/audit.md).
      chainAlgorithm: CHAIN_DOMAIN,
    },
  };
}
