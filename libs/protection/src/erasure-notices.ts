/**
 * Erasure notices (docs/confidentiality.md, docs/protocol.md): when we erase a person, each counterpart we
 * exchanged that person's cases with gets an `ErasureNotice` naming the person ids, the cases and the
 * message ids concerned, never a particular. Like a seal head, it is not a case message: one stream per
 * erasure, `erasure-<erasure id>`, queues one notice per counterpart (the outbox relay seals and sends
 * it). A notice received is recorded on `erasurenotice-<message id>` and put to an officer: each side is
 * controller of its own records, so the receiver decides (erase its copy, or keep it with a note), once.
 */
import { Command, Decider, domainError, DomainError } from '@xb/domain';

/** The payload type of the envelope (proto/xborder/v1/erasure.proto). */
export const ERASURE_NOTICE_PAYLOAD_TYPE = 'xborder.v1.ErasureNotice';
export const ERASURE_NOTICE_QUEUED = 'ErasureNoticeQueued';
export const ERASURE_NOTICE_RECEIVED = 'ErasureNoticeReceived';
export const ERASURE_NOTICE_DECIDED = 'ErasureNoticeDecided';

/** Why particulars were erased (the wire's ErasureGround). */
export const ERASURE_GROUNDS = [
  'retention_expired',
  'legal_request',
  'data_subject_request',
  'counterpart_notice',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];
export const isErasureGround = (value: unknown): value is ErasureGround =>
  typeof value === 'string' && (ERASURE_GROUNDS as readonly string[]).includes(value);

/** A case exchanged with the counterpart, and the ids of its messages both sides hold. */
export interface ErasedCaseRef {
  readonly caseId: string;
  readonly messageIds: readonly string[];
}

/** What a notice says, on both sides. */
export interface ErasureNoticeContent {
  readonly erasureId: string;
  readonly ground: ErasureGround;
  readonly erasedAt: string;
  readonly personIds: readonly string[];
  readonly cases: readonly ErasedCaseRef[];
}

export type ErasureNoticeQueued = {
  readonly type: typeof ERASURE_NOTICE_QUEUED;
  readonly data: ErasureNoticeContent & {
    readonly outbound: {
      readonly messageId: string;
      readonly counterpart: string;
      readonly kind: 'ErasureNotice';
    };
  };
};

export const isErasureNoticeQueued = <E extends { readonly type: string; readonly data: unknown }>(
  event: E,
): event is E & ErasureNoticeQueued => event.type === ERASURE_NOTICE_QUEUED;

/** Queue the notices of one erasure: one per counterpart, each with the cases it shares. */
export type QueueErasureNotices = Command<
  'QueueErasureNotices',
  Omit<ErasureNoticeContent, 'cases'> & {
    readonly notices: readonly { readonly counterpart: string; readonly cases: readonly ErasedCaseRef[] }[];
  }
>;

type QueuedState = { readonly counterparts: readonly string[] };

function decideQueue(command: QueueErasureNotices, state: QueuedState): ErasureNoticeQueued[] | DomainError {
  const { notices, ...content } = command.data;
  const missing = notices.filter((n) => !state.counterparts.includes(n.counterpart));
  const ids = command.metadata.newIds ?? [];
  if (ids.length < missing.length)
    return domainError('VALIDATION_FAILED', 'newIds: one message id per counterpart');
  return missing.map((notice, i) => ({
    type: ERASURE_NOTICE_QUEUED,
    data: {
      ...content,
      cases: notice.cases,
      outbound: { messageId: ids[i], counterpart: notice.counterpart, kind: 'ErasureNotice' },
    },
  }));
}

/** `erasure-<erasure id>`: each counterpart is sent the notice of an erasure once, across retries. */
export const erasureNoticeDecider: Decider<QueueErasureNotices, ErasureNoticeQueued, QueuedState> = {
  category: 'erasure',
  initialState: () => ({ counterparts: [] }),
  evolve: (state, event) => ({ counterparts: [...state.counterparts, event.data.outbound.counterpart] }),
  decide: decideQueue,
  retryOnConflict: () => true,
};

/** A counterpart's notice as recorded, and what our officer decided. */
export type ReceivedNoticeData = ErasureNoticeContent & {
  readonly messageId: string;
  readonly from: string;
  readonly receivedAt: string;
};
export type ErasureNoticeReceived = {
  readonly type: typeof ERASURE_NOTICE_RECEIVED;
  readonly data: ReceivedNoticeData;
};
export const ERASURE_DECISIONS = ['erase', 'keep'] as const;
export type ErasureDecision = (typeof ERASURE_DECISIONS)[number];
export interface ErasureNoticeDecidedData {
  readonly decision: ErasureDecision;
  /** Why (a reference, a short note; never particulars). */
  readonly note: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
  /** The keys our erasure destroyed, when the decision was to erase. */
  readonly keyIds: readonly string[];
}
export type ErasureNoticeDecided = {
  readonly type: typeof ERASURE_NOTICE_DECIDED;
  readonly data: ErasureNoticeDecidedData;
};
export type ReceivedNoticeEvent = ErasureNoticeReceived | ErasureNoticeDecided;

export type ReceiveErasureNotice = Command<'ReceiveErasureNotice', ReceivedNoticeData>;
export type DecideErasureNotice = Command<
  'DecideErasureNotice',
  Omit<ErasureNoticeDecidedData, 'decidedBy' | 'decidedAt'>
>;
export type ReceivedNoticeCommand = ReceiveErasureNotice | DecideErasureNotice;

export type ReceivedNoticeState =
  | { readonly status: 'none' }
  | { readonly status: 'awaiting_decision'; readonly notice: ReceivedNoticeData }
  | {
      readonly status: 'decided';
      readonly notice: ReceivedNoticeData;
      readonly decision: ErasureNoticeDecidedData;
    };

function decideReceived(
  command: ReceivedNoticeCommand,
  state: ReceivedNoticeState,
): ReceivedNoticeEvent[] | DomainError {
  switch (command.type) {
    case 'ReceiveErasureNotice':
      // A re-sent notice is already recorded: nothing new.
      return state.status === 'none' ? [{ type: ERASURE_NOTICE_RECEIVED, data: command.data }] : [];
    case 'DecideErasureNotice':
      if (state.status === 'none') return domainError('NOT_FOUND', 'no such erasure notice');
      if (state.status === 'decided')
        return domainError('INVALID_TRANSITION', 'the notice was decided already', ['decision']);
      return [
        {
          type: ERASURE_NOTICE_DECIDED,
          data: { ...command.data, decidedBy: command.metadata.actor, decidedAt: command.metadata.now },
        },
      ];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolveReceived(state: ReceivedNoticeState, event: ReceivedNoticeEvent): ReceivedNoticeState {
  switch (event.type) {
    case ERASURE_NOTICE_RECEIVED:
      return { status: 'awaiting_decision', notice: event.data };
    case ERASURE_NOTICE_DECIDED:
      return state.status === 'none'
        ? state
        : { status: 'decided', notice: state.notice, decision: event.data };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** `erasurenotice-<message id>`: a counterpart's notice, and our officer's one decision on it. */
export const receivedNoticeDecider: Decider<ReceivedNoticeCommand, ReceivedNoticeEvent, ReceivedNoticeState> =
  {
    category: 'erasurenotice',
    initialState: () => ({ status: 'none' }),
    evolve: evolveReceived,
    decide: decideReceived,
    retryOnConflict: (command) => command.type === 'ReceiveErasureNotice',
  };
