import {
  appliedMessageOf,
  deciderOf,
  describeEvent,
  Evaluation,
  HandlingCode,
  headerCodesOf,
  Inbound,
  isProcessCategory,
  Outbound,
  queuedMessageOf,
} from '@xb/domain';
import { EventStore, readStreamIfAny, RecordedEvent } from '@xb/event-store';
import type { TimelineEntry } from '@xb/console-contract';
import { DEADLINE_ESCALATED, escalationStreamOf } from '@xb/read-models';

export type { TimelineEntry };

/**
 * The codes a case's message went with: an outbound one's as its header carried them (the officer's
 * choice over its kind's defaults), an inbound one's as the counterpart set them.
 */
export const messageCodesOf = (
  queued: Outbound | undefined,
  applied: Inbound | undefined,
): { handling?: HandlingCode; evaluation?: Evaluation } => {
  if (queued) return headerCodesOf(queued.kind, queued);
  return {
    ...(applied?.handling ? { handling: applied.handling } : {}),
    ...(applied?.evaluation ? { evaluation: applied.evaluation } : {}),
  };
};

const EXCHANGE_LINES: Record<string, (data: Record<string, unknown>) => string> = {
  OutboundMessageDispatched: (d) =>
    `${String(d.payloadType).replace('xborder.v1.', '')} sealed and sent to ${d.counterpart}`,
  OutboundMessageResent: (d) => `message re-sent (attempt ${d.attempt}): no receipt yet`,
  // The officer's note stays with the message (free text): the line names only the step.
  OutboundMessageResendRequested: () => 'officer asked for the message to be sent again',
  OutboundMessageReceipted: (d) => `receipt: ${d.status}${d.reason ? ` (${d.reason})` : ''}`,
  OutboundMessageUnacknowledged: (d) => `no receipt after ${d.attempts} attempts: ${d.advice}`,
  OutboundMessageUnsendable: (d) => `message could not be sent: ${d.reason} (${d.detail})`,
  [DEADLINE_ESCALATED]: (d) =>
    `deadline passed: ${String(d.kind)} due ${String(d.due)}, escalated to the duty officer`,
  InboundMessageRecorded: (d) =>
    `${String(d.payloadType).replace('xborder.v1.', '')} received from ${d.sender}: ${d.outcome}${d.reason ? ` (${d.reason})` : ''}, receipt sent`,
};

/**
 * A case's timeline from its streams: every step of the case (no particulars), and for every message it
 * sent or received, the delivery record (sealed, sent, receipted) or the inbox record (applied, receipt).
 */
export async function caseTimeline(
  store: EventStore,
  streamId: string,
): Promise<TimelineEntry[] | undefined> {
  const events = await readStreamIfAny(store, streamId);
  if (!events) return undefined;
  const entries: TimelineEntry[] = [];
  const messages: { id: string; direction: 'out' | 'in' }[] = [];
  for (const event of events) {
    const domainEvent = { type: event.type, data: event.data };
    const queued = queuedMessageOf(domainEvent);
    const applied = appliedMessageOf(domainEvent);
    if (queued) messages.push({ id: queued.messageId, direction: 'out' });
    if (applied) messages.push({ id: applied.messageId, direction: 'in' });
    entries.push({
      ...common(event),
      line: lineOf(event) ?? event.type,
      ...(queued ? { messageId: queued.messageId, direction: 'out' as const } : {}),
      ...(applied ? { messageId: applied.messageId, direction: 'in' as const } : {}),
      ...messageCodesOf(queued, applied),
    });
  }
  for (const message of messages) {
    const stream = message.direction === 'out' ? `exchange-${message.id}` : `inbox-${message.id}`;
    for (const event of (await readStreamIfAny(store, stream)) ?? []) {
      entries.push({
        ...common(event),
        line: lineOf(event) ?? event.type,
        messageId: message.id,
        direction: message.direction,
      });
    }
  }
  for (const stream of escalationStreams(streamId, events))
    for (const event of (await readStreamIfAny(store, stream)) ?? [])
      entries.push({ ...common(event), line: lineOf(event) ?? event.type });
  return entries.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
}

/**
 * The escalation streams a case may have: one per deadline it ever waited on, found by folding its
 * history step by step (a deadline met since is no longer open at the end).
 */
function escalationStreams(streamId: string, events: readonly RecordedEvent[]): readonly string[] {
  const category = streamId.slice(0, streamId.indexOf('-'));
  if (!isProcessCategory(category)) return [];
  const caseId = streamId.slice(category.length + 1);
  const decider = deciderOf(category);
  const streams = new Set<string>();
  let state = decider.initialState();
  for (const event of events) {
    state = decider.evolve(state, { type: event.type, data: event.data });
    for (const { kind, ref } of decider.openDeadlines(state))
      streams.add(escalationStreamOf(caseId, kind, ref));
  }
  return [...streams];
}

/** A person's line for any event of a case or of its messages; undefined for other events. */
export function lineOf(event: RecordedEvent): string | undefined {
  const describe = EXCHANGE_LINES[event.type];
  return describe
    ? describe(event.data as Record<string, unknown>)
    : describeEvent({ type: event.type, data: event.data });
}

const common = (event: RecordedEvent) => ({
  position: event.position.toString(),
  at: event.metadata.occurredAt,
  actor: event.metadata.actor,
  type: event.type,
});
