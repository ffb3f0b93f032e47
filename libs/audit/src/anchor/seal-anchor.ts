import { Command, Decider, domainError, DomainError } from '@xb/domain';

/**
 * Cross-anchoring (docs/design.md section 7): every seal head is sent to each counterpart in an
 * `AuditSealHead` envelope. The counterpart keeps it, and its signed receipt names the SHA-256 of the
 * envelope it received, so neither side can later rewrite the history both have seen without the other's
 * copy, or the other's signature, giving it away. One stream per seal: `anchor-<seal event id>`.
 */
export const SEAL_ANCHOR_QUEUED = 'SealAnchorQueued';
/** The payload type of the envelope that carries a seal head (proto/xborder/v1/audit.proto). */
export const SEAL_HEAD_PAYLOAD_TYPE = 'xborder.v1.AuditSealHead';

export interface SealAnchorData {
  readonly sealId: string;
  readonly agencyId: string;
  /** Position of the last event the seal covers (decimal). */
  readonly position: string;
  readonly count: number;
  /** 64 hex digits. */
  readonly chainHead: string;
  /** The head of the seal before, when there was one. */
  readonly previousHead?: string;
  readonly sealedAt: string;
}

export type SealAnchorEvent = {
  type: typeof SEAL_ANCHOR_QUEUED;
  data: SealAnchorData & { outbound: { messageId: string; counterpart: string; kind: 'AuditSealHead' } };
};

/** Recognises a stored seal anchor by its type (only this decider writes it), so its data can be read. */
export const isSealAnchorEvent = <E extends { readonly type: string; readonly data: unknown }>(
  event: E,
): event is E & SealAnchorEvent => event.type === SEAL_ANCHOR_QUEUED;

export type SealAnchorState = { readonly counterparts: readonly string[] };
export type AnchorSeal = Command<'AnchorSeal', SealAnchorData & { readonly counterparts: readonly string[] }>;

function decide(command: AnchorSeal, state: SealAnchorState): SealAnchorEvent[] | DomainError {
  const { counterparts, ...seal } = command.data;
  const missing = counterparts.filter((c) => !state.counterparts.includes(c));
  const ids = command.metadata.newIds ?? [];
  if (ids.length < missing.length)
    return domainError('VALIDATION_FAILED', 'newIds: one message id per counterpart');
  return missing.map((counterpart, i) => ({
    type: SEAL_ANCHOR_QUEUED,
    data: { ...seal, outbound: { messageId: ids[i], counterpart, kind: 'AuditSealHead' } },
  }));
}

export const sealAnchorDecider: Decider<AnchorSeal, SealAnchorEvent, SealAnchorState> = {
  category: 'anchor',
  initialState: () => ({ counterparts: [] }),
  evolve: (state, event) => ({ counterparts: [...state.counterparts, event.data.outbound.counterpart] }),
  decide,
  retryOnConflict: () => true,
};
