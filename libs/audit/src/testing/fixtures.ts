import type { EventStore, RecordedEvent } from '@xb/event-store';
import { extendChain, GENESIS, type ChainPoint } from '../chain';
import { AUDIT_SEALS_STREAM, parseSeal, type RecordedSeal } from '../seal';
import { isStreamNotFound } from '../stream-not-found';

/** FOR TESTS: appends `count` events spread over three case streams, one append each. */
export async function appendCaseEvents(store: EventStore, count: number, label = 'e'): Promise<bigint> {
  let position = 0n;
  for (let i = 0; i < count; i += 1) {
    const stream = `verification-${label}${i % 3}`;
    const metadata = {
      correlationId: stream,
      actor: 'officer:1',
      occurredAt: '2026-11-23T04:00:00Z',
      schemaVersion: 1,
    };
    const event = { type: 'VerificationRequested', data: { n: i, note: `${label}${i}` }, metadata };
    ({ position } = await store.appendToStream(stream, [event]));
  }
  return position;
}

/** FOR TESTS: the chain over everything in the store now, by position, folded independently of any sealer. */
export async function referenceChain(store: EventStore): Promise<Map<bigint, ChainPoint>> {
  const heads = new Map<bigint, ChainPoint>();
  let point = GENESIS;
  for (const event of await store.readAll()) {
    point = extendChain(point, event);
    heads.set(event.position, point);
  }
  return heads;
}

/** FOR TESTS: every seal in `audit-seals`, with the position of the seal event itself. */
export async function readSeals(store: EventStore): Promise<Array<RecordedSeal & { sealPosition: bigint }>> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(AUDIT_SEALS_STREAM);
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  return events.map((event) => {
    const seal = parseSeal(event);
    if (typeof seal === 'string') throw new Error(`malformed seal at ${event.position}: ${seal}`);
    return { ...seal, sealPosition: event.position };
  });
}
