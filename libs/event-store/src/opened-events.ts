/**
 * The one hook of the confidentiality codec in the event store's paths (docs/confidentiality.md): a store
 * that keeps particulars sealed (libs/protection's ProtectedEventStore) also opens them, and only the
 * readers that must act on them ask: the command handler's fold (deciders check and copy particulars)
 * and the outbox relay (the wire carries them, inside the sealed envelope). Every other reader (the
 * projector, the sealer, the auditor, the views) gets the stored, sealed data.
 */
import type { EventStore, RecordedEvent } from './port';

export interface OpensParticulars {
  /** The same events with their particulars opened (`data` only: the stored bytes stay as stored). */
  openEvents(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>;
}

/** Whether `store` keeps particulars sealed (and opens them on request). */
export const opensParticulars = (store: EventStore): store is EventStore & OpensParticulars =>
  typeof (store as Partial<OpensParticulars>).openEvents === 'function';

/** `events` opened by `store` when it seals particulars, else as they are. */
export async function openedEvents(store: EventStore, events: RecordedEvent[]): Promise<RecordedEvent[]> {
  return opensParticulars(store) ? store.openEvents(events) : events;
}
