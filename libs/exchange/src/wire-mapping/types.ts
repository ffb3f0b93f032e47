import { DomainEvent, OutboundKind } from '@xb/domain';
import { PayloadType } from '@xb/envelope';
import { InboundHeader, OutboundHeaderExtras } from '../ports';

/** Settings both nodes of a pair must share for schedules to mean the same on both sides. */
export interface WireConventions {
  /**
   * UTC offset (minutes east) of the local gate time the domain keeps (`date` + `time`), used to turn
   * it into the wire's UTC `scheduled_at` and back. Default 420 (Indochina time, UTC+7). Both nodes
   * must use the same value: it is a bilateral convention, not a node preference.
   */
  readonly gateUtcOffsetMinutes?: number;
}

export const DEFAULT_GATE_UTC_OFFSET_MINUTES = 420;

/**
 * What one outbound event becomes: a payload of a contract type, or the fields an event (stored by an
 * older version of the domain) lacks for its payload (field names only).
 */
export type WirePayload =
  | {
      readonly payloadType: PayloadType;
      readonly payload: Record<string, unknown>;
      readonly headerExtras?: OutboundHeaderExtras;
    }
  | { readonly missing: string };

export interface OutboundContext {
  readonly caseId: string;
  readonly counterpart: string;
  /** When the store recorded the event (ISO): the "as of" date where the contract needs one. */
  readonly recordedAt: string;
  readonly gateUtcOffsetMinutes: number;
}

/** Maps the events that queue one outbound kind. */
export type OutboundMapper = (event: DomainEvent, context: OutboundContext) => WirePayload;

/**
 * Deadlines the receiving node sets itself when the message carries none (all in milliseconds): a
 * request or proposal without `respond_by` (senders before schema version 2), and every information
 * notice (the contract has no processing deadline: it is the receiver's own). Defaults: repatriation
 * decision 30 days, suspect hand-over decision 30 days, joint-operation answer 14 days,
 * information-notice processing 3 days.
 */
export interface InboundPolicy extends WireConventions {
  readonly repatriationDecisionWithinMs?: number;
  readonly suspectHandoverDecisionWithinMs?: number;
  readonly jointOperationAnswerWithinMs?: number;
  readonly noticeProcessingWithinMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_INBOUND_POLICY: Required<InboundPolicy> = {
  gateUtcOffsetMinutes: DEFAULT_GATE_UTC_OFFSET_MINUTES,
  repatriationDecisionWithinMs: 30 * DAY,
  suspectHandoverDecisionWithinMs: 30 * DAY,
  jointOperationAnswerWithinMs: 14 * DAY,
  noticeProcessingWithinMs: 3 * DAY,
};

export interface InboundContext {
  readonly header: InboundHeader;
  readonly caseId: string;
  readonly now: string;
  readonly policy: Required<InboundPolicy>;
}

/**
 * What one inbound payload becomes: the domain kind it carries (its command is
 * `INBOUND_COMMANDS[kind].type`) and the command data, or why the payload cannot be mapped (field
 * names only, never values).
 */
export type InboundMapping =
  { readonly kind: OutboundKind; readonly data: Record<string, unknown> } | { readonly invalid: string };

/** Maps a decoded payload (a protobufjs message instance of its type). */
export type InboundMapper = (message: never, context: InboundContext) => InboundMapping;
