/** Events that queue an envelope → the message the outbox relay seals (`OutboundMessage`). */
import {
  categoryOfEventType,
  HEADER_CODE_DEFAULTS,
  isQueuingEventOf,
  OutboundKind,
  queuedMessageOf,
} from '@xb/domain';
import { validateMessage } from '@xb/envelope';
import { RecordedEvent } from '@xb/event-store';
import { OutboundMessage, OutboundMessageOf } from '../ports';
import { isUuid } from './convert';
import { headerExtrasOf } from './header';
import { erasureNoticeMessageOf } from './erasure-notice';
import { sealAnchorMessageOf } from './seal-anchor';
import { WIRE } from './table';
import { OutboundContext, WireConventions, WirePayload } from './types';

/**
 * The payload of kind `kind` for an event, or undefined when the event is not one that queues that
 * kind (its type names another).
 */
export const wirePayloadOf = <K extends OutboundKind>(
  kind: K,
  event: { readonly type: string; readonly data: unknown },
  context: OutboundContext,
): WirePayload | undefined => (isQueuingEventOf(kind, event) ? WIRE[kind].toWire(event, context) : undefined);

/** A payload as the plain object the relay seals. */
const plain = (payload: object): Record<string, unknown> => ({ ...payload });

/** What an event is to the outbox: nothing to send, a message, or a message the contract cannot carry. */
export type OutboundMapping =
  | { readonly kind: 'none' }
  | { readonly kind: 'message'; readonly message: OutboundMessage }
  | {
      readonly kind: 'unsendable';
      readonly messageId: string;
      readonly outboundKind: OutboundKind;
      /**
       * `NO_WIRE_TYPE` (a kind with no mapping: since schema version 2 every `OutboundKind` has one,
       * which the completeness spec checks) or `INVALID_PAYLOAD` (the payload would break the
       * contract, or the stored event lacks what it needs).
       */
      readonly reason: 'NO_WIRE_TYPE' | 'INVALID_PAYLOAD';
      /** Field paths and rules only, never values. */
      readonly detail: string;
    };

/** Splits `<category>-<caseId>`; the category must be the event type's process. */
const caseOf = (event: RecordedEvent): { category: string; caseId: string } | undefined => {
  const category = categoryOfEventType(event.type);
  if (!category || !event.streamId.startsWith(`${category}-`)) return undefined;
  return { category, caseId: event.streamId.slice(category.length + 1) };
};

/**
 * Maps one recorded event. `none` for events that queue nothing (or are not in a process stream);
 * `unsendable` when the event queues a kind xborder.v1 cannot carry, or its payload would break the
 * contract (e.g. a case id that is not a UUID); the relay must not seal those.
 */
export const outboundMappingOf = (
  event: RecordedEvent,
  conventions: WireConventions = {},
): OutboundMapping => {
  const anchor = sealAnchorMessageOf(event);
  if (anchor) return { kind: 'message', message: anchor };
  const erasureNotice = erasureNoticeMessageOf(event);
  if (erasureNotice) return { kind: 'message', message: erasureNotice };
  const outbound = queuedMessageOf(event);
  const where = outbound && caseOf(event);
  if (!outbound || !where) return { kind: 'none' };
  const base = { kind: 'unsendable', messageId: outbound.messageId, outboundKind: outbound.kind } as const;
  // The case id is the header's correlation id, which the contract requires to be a UUID.
  if (!isUuid(where.caseId))
    return {
      ...base,
      reason: 'INVALID_PAYLOAD',
      detail: 'the case id is not a UUID (header correlation_id)',
    };
  const wire = wirePayloadOf(outbound.kind, event, {
    caseId: where.caseId,
    counterpart: outbound.counterpart,
    recordedAt: event.recordedAt,
    ...(conventions.gateUtcOffsetMinutes === undefined
      ? {}
      : { gateUtcOffsetMinutes: conventions.gateUtcOffsetMinutes }),
  });
  if (!wire)
    return { ...base, reason: 'NO_WIRE_TYPE', detail: `${event.type} does not queue ${outbound.kind}` };
  if ('missing' in wire)
    return { ...base, reason: 'INVALID_PAYLOAD', detail: `the event carries no ${wire.missing}` };
  const problems = validateMessage(wire.payloadType, wire.payload);
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.path} (${p.rule})`).join(', ');
    return { ...base, reason: 'INVALID_PAYLOAD', detail: `${wire.payloadType}: ${detail}` };
  }
  return {
    kind: 'message',
    message: {
      messageId: outbound.messageId,
      category: where.category,
      correlationId: where.caseId,
      ...(outbound.inReplyTo ? { causationId: outbound.inReplyTo } : {}),
      counterpart: outbound.counterpart,
      payloadType: wire.payloadType,
      payload: plain(wire.payload),
      ...headerExtrasFor(outbound.kind, wire.headerExtras, outbound),
    },
  };
};

/**
 * The header fields a message carries: its kind's default codes (libs/domain dissemination.ts), under
 * the mapping's (a hotline tip's grading), under those its event's marker set (the officer's choice).
 */
const headerExtrasFor = (
  kind: OutboundKind,
  mapped: OutboundMessage['headerExtras'],
  marker: Parameters<typeof headerExtrasOf>[0],
): Pick<OutboundMessage, 'headerExtras'> => {
  const headerExtras = {
    ...headerExtrasOf(HEADER_CODE_DEFAULTS[kind]),
    ...mapped,
    ...headerExtrasOf(marker),
  };
  return Object.keys(headerExtras).length > 0 ? { headerExtras } : {};
};

/**
 * The message an event queues, mapped to the wire (`OutboundMessageOf` of ports.ts) with the default
 * conventions; undefined for an event that queues nothing and for an `unsendable` one (see
 * `outboundMappingOf`, which says why).
 */
export const outboundMessageOf: OutboundMessageOf = (event) => outboundMessageOfWith({})(event);

/** `outboundMessageOf` for other wire conventions (the gate time offset). */
export const outboundMessageOfWith =
  (conventions: WireConventions): OutboundMessageOf =>
  (event) => {
    const mapping = outboundMappingOf(event, conventions);
    return mapping.kind === 'message' ? mapping.message : undefined;
  };
