import { EventStore } from '@xb/event-store';

export const COUNTERPART_SEAL_HEAD_RECORDED = 'CounterpartSealHeadRecorded';

/** A counterpart's seal head as received in its `AuditSealHead` envelope (fields of audit.proto). */
export interface CounterpartSealHead {
  readonly agencyId: string;
  readonly sealId: string;
  readonly position: string;
  readonly eventCount: number;
  /** 64 hex digits. */
  readonly chainHead: string;
  readonly previousHead?: string;
  readonly sealedAt: string;
  readonly chainAlgorithm: string;
}

/** `counterpartseals-<agency id>`: every seal head that agency sent us, in the order received. */
export const counterpartSealsStream = (agencyId: string) => `counterpartseals-${agencyId}`;

/**
 * Keeps a counterpart's seal head: our copy of its history's fingerprint at that point. The event id
 * is the message id, so a redelivered envelope records nothing new. Refuses a head that names another
 * agency than the (authenticated) sender.
 */
export async function recordCounterpartSealHead(
  store: EventStore,
  message: { readonly messageId: string; readonly sender: string; readonly sentAt: string },
  head: CounterpartSealHead,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
  if (head.agencyId !== message.sender) return { ok: false, reason: 'agency_id is not the sender' };
  if (!/^[0-9a-f]{64}$/.test(head.chainHead))
    return { ok: false, reason: 'chain_head_sha256 is not 32 bytes' };
  await store.appendToStream(counterpartSealsStream(message.sender), [
    {
      id: message.messageId,
      type: COUNTERPART_SEAL_HEAD_RECORDED,
      data: { ...head, messageId: message.messageId },
      metadata: {
        correlationId: head.sealId,
        causationId: message.messageId,
        actor: `agency:${message.sender}`,
        occurredAt: message.sentAt,
        schemaVersion: 1,
      },
    },
  ]);
  return { ok: true };
}
