import { EventStore, RecordedEvent } from '@xb/event-store';
import { MeasurementRegistry } from '../harness/registry';
import { summarize } from '../harness/stats';

/**
 * The four legs of one exchange, each timed by the store that records its end (ms clocks of one
 * machine): the sender's relay seals and records the dispatch; the receiver opens, applies and records
 * the message; the receipt comes back and is recorded; the case is told. Where the tail of the
 * end-to-end latency sits is where a change pays.
 */
const LEGS = [
  ['queued', 'dispatched', 'relay'],
  ['dispatched', 'inbound', 'receiver'],
  ['inbound', 'receipted', 'receipt'],
  ['receipted', 'delivered', 'case'],
] as const;

type Mark = (typeof LEGS)[number][0 | 1];

/** Every event of `store` recorded from `since` on (ISO time), oldest first. */
async function eventsSince(store: EventStore, since: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let fromPosition: bigint | undefined;
  for (;;) {
    const page = await store.readAll({
      ...(fromPosition !== undefined ? { fromPosition } : {}),
      maxCount: 5_000,
    });
    if (page.length === 0) return events;
    for (const event of page) if (event.recordedAt >= since) events.push(event);
    fromPosition = page[page.length - 1]!.position + 1n;
  }
}

/**
 * Per case, the time each leg ended, from the sender's and the receiver's stores. Cases are joined by
 * the correlation id (the case id) that the notice's message carries.
 */
export async function exchangeMarks(
  sender: EventStore,
  receiver: EventStore,
  since: string,
): Promise<Map<string, Partial<Record<Mark, number>>>> {
  const marks = new Map<string, Partial<Record<Mark, number>>>();
  const mark = (caseId: string | undefined, at: Mark, recordedAt: string) => {
    if (caseId === undefined) return;
    const times = marks.get(caseId) ?? {};
    times[at] ??= Date.parse(recordedAt);
    marks.set(caseId, times);
  };
  const caseOfStream = new Map<string, string>();
  const caseOfMessage = new Map<string, string>();
  for (const event of await eventsSince(sender, since)) {
    const data = event.data as { caseId?: string; correlationId?: string; messageId?: string };
    if (event.type === 'InformationNoticeSent' && data.caseId) {
      caseOfStream.set(event.streamId, data.caseId);
      mark(data.caseId, 'queued', event.recordedAt);
    } else if (event.type === 'OutboundMessageDispatched' && data.messageId && data.correlationId) {
      caseOfMessage.set(data.messageId, data.correlationId);
      mark(data.correlationId, 'dispatched', event.recordedAt);
    } else if (event.type === 'OutboundMessageReceipted' && data.messageId) {
      mark(caseOfMessage.get(data.messageId), 'receipted', event.recordedAt);
    } else if (event.type === 'InformationNoticeMessageDelivered') {
      mark(caseOfStream.get(event.streamId), 'delivered', event.recordedAt);
    }
  }
  for (const event of await eventsSince(receiver, since)) {
    const data = event.data as { correlationId?: string };
    if (event.type === 'InboundMessageRecorded') mark(data.correlationId, 'inbound', event.recordedAt);
  }
  return marks;
}

/**
 * Records `ours_exchange_leg_<leg>_ms_p50|p99_at_<percent>pct` for the exchanges queued since `since`
 * and completed: the latency of each leg, to show which one holds the tail.
 */
export async function recordExchangeLegs(
  registry: MeasurementRegistry,
  sender: EventStore,
  receiver: EventStore,
  since: string,
  percent: number,
): Promise<void> {
  const complete = [...(await exchangeMarks(sender, receiver, since)).values()].filter((times) =>
    LEGS.every(([from, to]) => times[from] !== undefined && times[to] !== undefined),
  );
  for (const [from, to, leg] of LEGS) {
    const ms = summarize(complete.map((times) => times[to]! - times[from]!));
    for (const p of ['p50', 'p99'] as const)
      registry.record(
        `ours_exchange_leg_${leg}_ms_${p}_at_${percent}pct`,
        ms[p],
        'ms',
        `${from} -> ${to} (store clocks), n=${complete.length}`,
      );
  }
}
