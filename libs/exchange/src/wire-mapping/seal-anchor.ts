import { CHAIN_DOMAIN, CounterpartSealHead, isSealAnchorEvent, SEAL_HEAD_PAYLOAD_TYPE } from '@xb/audit';
import { v1 } from '@xb/envelope';
import Long from 'long';
import { RecordedEvent } from '@xb/event-store';
import { OutboundMessage } from '../ports';
import { isoOf, timestampOf } from './convert';

const hexOf = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('hex');

/** An `AuditSealHead` as the audit side keeps it (hex digests, the position as a decimal string). */
export const sealHeadFromWire = (head: v1.IAuditSealHead): CounterpartSealHead => ({
  agencyId: head.agencyId ?? '',
  sealId: head.sealId ?? '',
  position: String(head.position ?? 0),
  eventCount: Number(head.eventCount ?? 0),
  chainHead: hexOf(head.chainHeadSha256),
  ...(head.previousHeadSha256?.length ? { previousHead: hexOf(head.previousHeadSha256) } : {}),
  sealedAt: isoOf(head.sealedAt) ?? '',
  chainAlgorithm: head.chainAlgorithm ?? '',
});

/** A seal head on the wire. */
export const sealHeadToWire = (head: CounterpartSealHead): v1.IAuditSealHead => ({
  agencyId: head.agencyId,
  sealId: head.sealId,
  position: Long.fromString(head.position, true),
  eventCount: Long.fromNumber(head.eventCount, true),
  chainHeadSha256: Buffer.from(head.chainHead, 'hex'),
  ...(head.previousHead ? { previousHeadSha256: Buffer.from(head.previousHead, 'hex') } : {}),
  sealedAt: timestampOf(head.sealedAt),
  chainAlgorithm: head.chainAlgorithm,
});

/** A queued seal anchor (libs/audit) as the `AuditSealHead` message for its counterpart. */
export function sealAnchorMessageOf(event: RecordedEvent): OutboundMessage | undefined {
  if (!isSealAnchorEvent(event) || !event.streamId.startsWith('anchor-')) return undefined;
  const { data } = event;
  return {
    messageId: data.outbound.messageId,
    category: 'anchor',
    correlationId: data.sealId,
    counterpart: data.outbound.counterpart,
    payloadType: SEAL_HEAD_PAYLOAD_TYPE,
    payload: {
      ...sealHeadToWire({
        ...data,
        eventCount: data.count,
        // The chain's domain-separation tag names the algorithm (docs/audit.md).
        chainAlgorithm: CHAIN_DOMAIN,
      }),
    },
  };
}
