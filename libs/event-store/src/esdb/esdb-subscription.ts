/**
 * A catch-up-then-live subscription to $all that survives lost connections: after a transient error it
 * resubscribes after the last position it saw, and drops anything at or before it, so the caller sees each
 * event once and in order.
 */
import {
  START,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Position,
} from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent, SubscribeToAllOptions, SubscriptionFilter } from '../port';
import { StoppableSubscription, matchesFilter } from '../subscription';
import { isTransient, toPortError, toPosition, toRecordedEvent } from './esdb-mapping';

export interface ResubscribeOptions {
  /** Consecutive failed attempts before the error reaches the caller. */
  readonly attempts: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

/** The server-side filter: the cheapest one the server can apply; the exact filter runs here too. */
function serverFilter(filter: SubscriptionFilter | undefined) {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypes?.length) {
    const alternatives = filter.eventTypes.map((type) => type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return eventTypeFilter({ regex: `^(?:${alternatives.join('|')})$` });
  }
  return excludeSystemEvents();
}

export class EsdbSubscription extends StoppableSubscription implements AllSubscription {
  constructor(
    client: EventStoreDBClient,
    options: SubscribeToAllOptions,
    resubscribe: ResubscribeOptions,
    onStop: () => void,
  ) {
    super((signal) => follow(client, options, resubscribe, signal), onStop);
  }
}

async function* follow(
  client: EventStoreDBClient,
  { after, filter }: SubscribeToAllOptions,
  resubscribe: ResubscribeOptions,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  let last: Position | undefined = after === undefined ? undefined : toPosition(after);
  let failures = 0;
  while (!signal.aborted) {
    const source: AllStreamSubscription = client.subscribeToAll({
      fromPosition: last ?? START,
      filter: serverFilter(filter),
    });
    // Stopping must end the server call even when the consumer never resumes this generator.
    const cancel = (): void => {
      void source.unsubscribe().catch(() => undefined);
      source.destroy();
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      for await (const resolved of source as AsyncIterable<AllStreamResolvedEvent>) {
        failures = 0;
        const position = resolved.event?.position;
        if (!position || (last && position.commit <= last.commit)) continue;
        last = position;
        const event = toRecordedEvent(resolved);
        if (event && matchesFilter(filter, event)) yield event;
        if (signal.aborted) return;
      }
    } catch (error) {
      if (signal.aborted) return;
      if (!isTransient(error) || ++failures > resubscribe.attempts) throw toPortError(error, '$all');
    } finally {
      signal.removeEventListener('abort', cancel);
      await source.unsubscribe().catch(() => undefined);
    }
    await pause(
      Math.min(resubscribe.maxDelayMs, resubscribe.minDelayMs * 2 ** Math.max(0, failures - 1)),
      signal,
    );
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
