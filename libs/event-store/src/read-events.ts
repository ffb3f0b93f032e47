import { StreamNotFoundError } from './errors';
import type {
  EventStore,
  FoldEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEvent,
  TextEvent,
} from './port';

/** Default page of readAll (the audit verify walk's). */
export const READ_PAGE_SIZE = 5000;

/**
 * Every event of the global order whose stream id starts with one of `prefixes` (all when empty), read
 * forwards in pages up to the last position that existed when the read began.
 */
export async function* eventsOf(
  store: EventStore,
  prefixes: readonly string[] = [],
  pageSize = READ_PAGE_SIZE,
): AsyncGenerator<RecordedEvent> {
  const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  if (!newest) return;
  let from: bigint | undefined;
  for (;;) {
    const page = await store.readAll({
      maxCount: pageSize,
      ...(from !== undefined && { fromPosition: from }),
    });
    for (const event of page) {
      if (event.position > newest.position) return;
      if (prefixes.length === 0 || prefixes.some((p) => event.streamId.startsWith(p))) yield event;
    }
    const last = page.at(-1);
    if (page.length < pageSize || !last) return;
    from = last.position + 1n;
  }
}

/** Collects `eventsOf` into an array. */
export async function collectEvents(
  store: EventStore,
  prefixes: readonly string[] = [],
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of eventsOf(store, prefixes)) events.push(event);
  return events;
}

/**
 * What a fold of `stream` from `fromRevision` on reads: the store's fold-only read when it has one,
 * otherwise `readStream` reduced to the same shape. Throws StreamNotFoundError when the stream is empty.
 */
export async function readForFold(
  store: EventStore,
  stream: string,
  fromRevision = 0n,
): Promise<FoldEvent[]> {
  if (store.readStreamForFold) return store.readStreamForFold(stream, fromRevision);
  const events = await store.readStream(stream, { fromRevision });
  return events.map(({ revision, type, data }) => ({ revision, type, data }));
}

/** `readAll` as stored bytes: the store's own unparsed read when it has one, otherwise `readAll` itself. */
export async function readAllStored(store: EventStore, options: ReadAllOptions = {}): Promise<StoredEvent[]> {
  return store.readAllStored ? store.readAllStored(options) : store.readAll(options);
}

/** `readAll` as JSON text: the store's own text read when it has one, otherwise `readAll` turned to text. */
export async function readAllText(store: EventStore, options: ReadAllOptions = {}): Promise<TextEvent[]> {
  if (store.readAllText) return store.readAllText(options);
  return (await store.readAll(options)).map(
    ({ dataBytes, metadataBytes, data: _data, metadata: _metadata, ...event }) => ({
      ...event,
      dataText: Buffer.from(dataBytes).toString('utf8'),
      metadataText: Buffer.from(metadataBytes).toString('utf8'),
    }),
  );
}

/** The events of `stream`, or undefined when nothing was ever written to it (`readStream` throws then). */
export async function readStreamIfAny(
  store: EventStore,
  stream: string,
  options?: ReadStreamOptions,
): Promise<RecordedEvent[] | undefined> {
  try {
    return await store.readStream(stream, options);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
