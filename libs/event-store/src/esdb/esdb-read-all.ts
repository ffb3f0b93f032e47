/**
 * Reading $all in pages, hiding system and checkpoint events, with the port's inclusive positions in both
 * directions. EventStoreDB reads $all forwards from a position inclusively; backwards it starts before
 * the position, so the event at the position itself is fetched apart. Either way, duplicates are dropped.
 */
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import type { ReadAllOptions, RecordedEvent } from '../port';
import { toPosition, toRecordedEvent } from './esdb-mapping';

const PAGE = 500;

async function page(
  client: EventStoreDBClient,
  direction: typeof FORWARDS | typeof BACKWARDS,
  fromPosition: ReadPosition,
  maxCount: number,
): Promise<AllStreamResolvedEvent[]> {
  const resolved: AllStreamResolvedEvent[] = [];
  for await (const event of client.readAll({
    direction,
    fromPosition,
    maxCount,
  }) as AsyncIterable<AllStreamResolvedEvent>) {
    resolved.push(event);
  }
  return resolved;
}

export async function readAllPages(
  client: EventStoreDBClient,
  { direction = 'forwards', fromPosition, maxCount = Number.MAX_SAFE_INTEGER }: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const forwards = direction === 'forwards';
  const events: RecordedEvent[] = [];
  if (maxCount <= 0) return events;
  let from: ReadPosition = fromPosition === undefined ? (forwards ? START : END) : toPosition(fromPosition);
  let boundary: bigint | undefined;
  if (!forwards && fromPosition !== undefined) {
    // The event exactly at `fromPosition`, if there is one: a forward read of one from there.
    const [atPosition] = await page(client, FORWARDS, from, 1);
    if (atPosition?.event?.position?.commit === fromPosition) {
      const event = toRecordedEvent(atPosition);
      if (event) events.push(event);
    }
    boundary = fromPosition;
  }
  while (events.length < maxCount) {
    const resolved = await page(client, forwards ? FORWARDS : BACKWARDS, from, PAGE);
    let last: Position | undefined;
    for (const item of resolved) {
      const position = item.event?.position;
      if (!position) continue;
      last = position;
      const beyond =
        boundary === undefined || (forwards ? position.commit > boundary : position.commit < boundary);
      if (!beyond) continue;
      boundary = position.commit;
      const event = toRecordedEvent(item);
      if (event) events.push(event);
      if (events.length >= maxCount) break;
    }
    if (resolved.length < PAGE || !last) break;
    from = last;
  }
  return events;
}
