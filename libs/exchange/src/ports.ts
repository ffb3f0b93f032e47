import { Command, Decider, DomainError, DomainEvent } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { RecordedEvent } from '@xb/event-store';

/** A message a domain event queued for a counterpart, mapped to its wire payload. */
export interface OutboundMessage {
  readonly messageId: string;
  /** Stream category of the case that queued it (`verification`, ...): receipts are routed back there. */
  readonly category: string;
  /** The case: record key in Kafka, so one case's messages keep their order. */
  readonly correlationId: string;
  readonly causationId?: string;
  readonly counterpart: string;
  /** Full protobuf name of the payload, e.g. `xborder.v1.VerificationRequest`. */
  readonly payloadType: string;
  readonly payload: Record<string, unknown>;
  /** Header fields chosen per message (channel, handling code, evaluation); the node's defaults otherwise. */
  readonly headerExtras?: OutboundHeaderExtras;
}

/** Envelope header fields that depend on the message, in the form of proto/xborder/v1/envelope.proto. */
export interface OutboundHeaderExtras {
  readonly channel?: number;
  readonly handling?: {
    readonly dissemination?: number;
    readonly evidentialUse?: number;
    readonly conditions?: string;
  };
  readonly evaluation?: { readonly source?: number; readonly information?: number };
}

/** Picks the events that queue a message and maps them to the wire; undefined for every other event. */
export type OutboundMessageOf = (event: RecordedEvent) => OutboundMessage | undefined;

/** Runs one command through the generic handler (load, fold, decide, append with expected revision). */
export type CommandRunner = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  id: string,
  command: C,
) => Promise<{ readonly events: readonly E[]; readonly state: S } | DomainError>;

/** Folds the stream of one process instance into its current state (initial state when it has no events). */
export type StateLoader = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  id: string,
) => Promise<S>;

/** The readable routing facts of an inbound envelope, after its signature has been verified. */
export interface InboundHeader {
  readonly messageId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly sender: string;
  readonly recipient: string;
  readonly payloadType: string;
  readonly sentAt: string;
  /** The header's handling code, as the sender set it (envelope.proto `Handling`). */
  readonly handling?: v1.IHandling;
  /** The header's source and information grading, when the sender graded the content. */
  readonly evaluation?: v1.IEvaluation;
}

/** A counterpart's signed answer to one of our messages. */
export interface InboundReceipt {
  /** The message of ours it answers. */
  readonly messageId: string;
  readonly correlationId: string;
  readonly receiver: string;
  readonly status: 'accepted' | 'rejected';
  readonly reason?: string;
  readonly envelopeSha256: string;
  readonly receivedAt: string;
}

/** What one record of our inbox topic turned out to be, after parsing and the checks of docs/design.md section 5. */
export type OpenedRecord =
  | {
      readonly kind: 'envelope';
      readonly ok: true;
      readonly header: InboundHeader;
      readonly payload: Record<string, unknown>;
      readonly envelopeSha256: string;
    }
  | { readonly kind: 'receipt'; readonly ok: true; readonly receipt: InboundReceipt; readonly signer: string }
  | {
      readonly kind: 'envelope' | 'receipt' | 'unknown';
      readonly ok: false;
      /** Reason code, e.g. BAD_SIGNATURE. */
      readonly reason: string;
      /** For a person; never payload content. */
      readonly detail: string;
      /** Present when the header could be read. */
      readonly header?: Partial<InboundHeader>;
      /** True only when the sender's signature was verified: only then is a rejected receipt sent back. */
      readonly senderAuthenticated: boolean;
      readonly envelopeSha256: string;
    };

/** The crypto and codec side of the exchange (libs/envelope), as the exchange uses it. */
export interface InboxCodec {
  open(bytes: Uint8Array, now: Date): Promise<OpenedRecord>;
  /** Signs a receipt (not encrypted: receipts carry no secrets) into record bytes for the sender's inbox. */
  signReceipt(receipt: InboundReceipt, to: string): Promise<Uint8Array>;
}

/** Applies an inbound payload as a command of the matching process; a refusal is a value with a reason code. */
export type ApplyInbound = (
  header: InboundHeader,
  payload: Record<string, unknown>,
) => Promise<
  { readonly accepted: true } | { readonly accepted: false; readonly reason: string; readonly detail: string }
>;

/** Appends an audit event (refused envelopes and the like); facts, not decisions, so no expected revision. */
export type AuditAppend = (
  stream: string,
  type: string,
  data: Record<string, unknown>,
  at: string,
) => Promise<void>;
