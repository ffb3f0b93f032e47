import { Command, DomainError, DomainEvent } from '../decider';
import { counterpartActor } from './actors';
import type { Evaluation, HandlingCode } from './handling';
import { appliedMessageOf, Inbound, OutboundKind, queuedMessageOf } from './outbound';
import { invalidTransition, notFound, notPermitted, refuseIf } from './refusals';
import { isNonEmptyText, problems } from './values';

/** A receipt from the counterpart: our message reached it and was applied. */
export type RecordDelivery = Command<'RecordDelivery', { readonly messageId: string }>;
/** A receipt from the counterpart: our message was refused, with the receipt's reason code. */
export type RecordRejection = Command<
  'RecordRejection',
  { readonly messageId: string; readonly reason: string }
>;
export type DeliveryCommand = RecordDelivery | RecordRejection;

export type DeliveryState = 'queued' | 'delivered' | 'rejected';

export interface QueuedMessage {
  readonly kind: OutboundKind;
  readonly delivery: DeliveryState;
  /** The receipt's reason code when the counterpart refused the message. */
  readonly rejectionReason?: string;
}

/** What a message (ours or the counterpart's) carried beyond what the case's rules act on. */
export interface MessageRecord {
  /** The event the message queued or was applied as. */
  readonly event: string;
  readonly annex?: object;
  readonly handling?: HandlingCode;
  readonly evaluation?: Evaluation;
}

/** The messages of one case: what we queued (and its delivery) and which inbound ones were applied. */
export interface MessageTrail {
  readonly messages: Readonly<Record<string, QueuedMessage>>;
  /** Inbound message ids already applied: a second copy is ignored (defence in depth). */
  readonly inboundMessageIds: readonly string[];
  /**
   * By message id, the annex, handling code and evaluation of each message that had any, so the
   * case view shows everything a counterpart sent (absent while no message had any).
   */
  readonly records?: Readonly<Record<string, MessageRecord>>;
}

export const emptyTrail: MessageTrail = { messages: {}, inboundMessageIds: [] };

/** Records the envelope an event queued or the inbound message it was applied from. */
export const trailAfter = (trail: MessageTrail, event: DomainEvent): MessageTrail => {
  const outbound = queuedMessageOf(event);
  const inbound = appliedMessageOf(event);
  const record = recordOf(event, inbound);
  const messageId = (outbound ?? inbound)?.messageId;
  return {
    messages: outbound
      ? { ...trail.messages, [outbound.messageId]: { kind: outbound.kind, delivery: 'queued' } }
      : trail.messages,
    inboundMessageIds: inbound ? [...trail.inboundMessageIds, inbound.messageId] : trail.inboundMessageIds,
    ...(record && messageId
      ? { records: { ...trail.records, [messageId]: record } }
      : trail.records
        ? { records: trail.records }
        : {}),
  };
};

const recordOf = (event: DomainEvent, inbound: Inbound | undefined): MessageRecord | undefined => {
  const annex = (event.data as { annex?: unknown } | undefined)?.annex;
  const kept = {
    ...(typeof annex === 'object' && annex !== null ? { annex } : {}),
    ...(inbound?.handling ? { handling: inbound.handling } : {}),
    ...(inbound?.evaluation ? { evaluation: inbound.evaluation } : {}),
  };
  return Object.keys(kept).length > 0 ? { event: event.type, ...kept } : undefined;
};

/** Whether this command carries an inbound message that the case has already applied. */
export const alreadyApplied = (trail: MessageTrail | undefined, command: Command): boolean =>
  trail !== undefined &&
  typeof command.metadata.messageId === 'string' &&
  trail.inboundMessageIds.includes(command.metadata.messageId);

export interface DeliveryEventData {
  readonly messageId: string;
  readonly kind: OutboundKind;
}
export interface RejectionEventData extends DeliveryEventData {
  readonly reason: string;
}
export type DeliveryEvent<Prefix extends string> =
  | DomainEvent<`${Prefix}MessageDelivered`, DeliveryEventData>
  | DomainEvent<`${Prefix}MessageRejected`, RejectionEventData>;

/**
 * Decides a receipt for one of the case's queued messages. A repeated receipt with the same outcome is
 * a no-op; a receipt contradicting an earlier one is refused.
 */
export const decideDelivery = <Prefix extends string>(
  prefix: Prefix,
  command: DeliveryCommand,
  trail: MessageTrail,
  counterpart: string,
): readonly DeliveryEvent<Prefix>[] | DomainError => {
  const sender = counterpartActor(command.metadata.actor);
  if (sender !== undefined && sender !== counterpart) {
    return notPermitted(`${command.type} came from an agency that is not this case's counterpart`);
  }
  const invalid = refuseIf(
    problems({
      messageId: isNonEmptyText(command.data?.messageId, 100),
      ...(command.type === 'RecordRejection' ? { reason: isNonEmptyText(command.data?.reason, 500) } : {}),
    }),
  );
  if (invalid) return invalid;
  const message = trail.messages[command.data.messageId];
  if (message === undefined) return notFound(`${command.type} for a message this case did not queue`);
  const outcome: DeliveryState = command.type === 'RecordDelivery' ? 'delivered' : 'rejected';
  if (message.delivery === outcome) return [];
  // A rejected message an officer re-sent once its cause was fixed (the exchange's ResendMessage) may
  // then be delivered; nothing else moves a message's delivery on.
  const resentAfterRejection = message.delivery === 'rejected' && outcome === 'delivered';
  if (message.delivery !== 'queued' && !resentAfterRejection)
    return invalidTransition(command.type, `a message already ${message.delivery}`);
  const base = { messageId: command.data.messageId, kind: message.kind };
  return command.type === 'RecordDelivery'
    ? [{ type: `${prefix}MessageDelivered`, data: base }]
    : [{ type: `${prefix}MessageRejected`, data: { ...base, reason: command.data.reason } }];
};

/** Folds a delivery or rejection into the trail. */
export const trailAfterDelivery = (
  trail: MessageTrail,
  data: DeliveryEventData & { readonly reason?: string },
): MessageTrail => {
  const message = trail.messages[data.messageId];
  if (message === undefined) return trail;
  const updated: QueuedMessage =
    data.reason === undefined
      ? { ...message, delivery: 'delivered' }
      : { ...message, delivery: 'rejected', rejectionReason: data.reason };
  return { ...trail, messages: { ...trail.messages, [data.messageId]: updated } };
};

/** The latest refused message of a case, if any: what an officer must look at. */
export const lastRejection = (trail: MessageTrail): ({ messageId: string } & QueuedMessage) | undefined => {
  const rejected = Object.entries(trail.messages).filter(([, message]) => message.delivery === 'rejected');
  const last = rejected[rejected.length - 1];
  return last ? { messageId: last[0], ...last[1] } : undefined;
};
