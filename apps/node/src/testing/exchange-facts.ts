import { v7 as uuidv7 } from 'uuid';
import { isDomainError, noticeDecider } from '@xb/domain';
import { collectEvents, EventStore, handleCommand, openedEvents, RecordedEvent } from '@xb/event-store';
import { outboundMappingOf } from '@xb/exchange';
import { waitFor } from '@xb/testing';

/**
 * The first message the sender's store queued (of `payloadType`, when given), as its relay put it on the
 * wire: a real payload for crafting envelopes in tests.
 */
export async function queuedWireMessage(store: EventStore, payloadType?: string) {
  for (const event of await openedEvents(store, await store.readAll({ maxCount: 500 }))) {
    const mapping = outboundMappingOf(event);
    if (mapping.kind === 'message' && (!payloadType || mapping.message.payloadType === payloadType))
      return mapping.message;
  }
  throw new Error(`no ${payloadType ?? 'outbound message'} queued in the store`);
}

/** Queues `count` information notices from `sender` to `counterpart`: `count` exchanges in flight. */
export async function queueNotices(
  store: EventStore,
  sender: string,
  counterpart: string,
  count: number,
): Promise<string[]> {
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const caseId = uuidv7();
    const outcome = await handleCommand(store, noticeDecider, caseId, {
      type: 'SendInformationNotice',
      data: {
        caseId,
        counterpart,
        category: 'criminal_method',
        title: `Method ${i}`,
        content: `Recruitment pattern number ${i} seen on the border.`,
      },
      metadata: {
        now: new Date().toISOString(),
        actor: 'officer:fault-test',
        agencyId: sender,
        newIds: [uuidv7()],
      },
    });
    if (isDomainError(outcome)) throw new Error(`notice ${i} refused: ${outcome.code} ${outcome.reason}`);
    caseIds.push(caseId);
  }
  return caseIds;
}

const countBy = (
  events: RecordedEvent[],
  type: string,
  key: (e: RecordedEvent) => string = (e) => e.streamId,
) => {
  const matching = events.filter((e) => e.type === type);
  return { events: matching.length, distinct: new Set(matching.map(key)).size };
};

/** What the two stores say about the exchange of notices: counts of each fact and of distinct cases. */
export async function exchangeFacts(senderStore: EventStore, receiverStore: EventStore) {
  const [sent, received] = await Promise.all([collectEvents(senderStore), collectEvents(receiverStore)]);
  return {
    dispatched: countBy(sent, 'OutboundMessageDispatched'),
    receipted: countBy(sent, 'OutboundMessageReceipted'),
    delivered: countBy(sent, 'InformationNoticeMessageDelivered'),
    applied: countBy(received, 'InformationNoticeReceived'),
    inboxRecords: countBy(received, 'InboundMessageRecorded'),
    refusedAtReceiver: received
      .filter((e) => e.type === 'AuditEnvelopeRefused')
      .map((e) => (e.data as { reason: string }).reason),
    rejectedReceipts: sent
      .filter(
        (e) => e.type === 'OutboundMessageReceipted' && (e.data as { status: string }).status === 'rejected',
      )
      .map((e) => (e.data as { reason?: string }).reason),
  };
}

/** Waits (bounded) until the two stores' facts satisfy `holds`; resolves to those facts. */
export function untilFacts(
  sender: EventStore,
  receiver: EventStore,
  what: string,
  holds: (facts: Awaited<ReturnType<typeof exchangeFacts>>) => boolean,
  timeoutMs = 120_000,
) {
  return waitFor(
    what,
    async () => {
      const facts = await exchangeFacts(sender, receiver);
      return holds(facts) && facts;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

