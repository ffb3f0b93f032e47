import { DECIDERS, PROCESS_CATEGORIES, type ProcessCategory } from '@xb/domain';
import { readStreamIfAny, type EventStore, type RecordedEvent } from '@xb/event-store';
import { UsageError } from '../cli/io';

export interface CaseStream {
  readonly category: ProcessCategory;
  readonly caseId: string;
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
}

async function readCase(
  store: EventStore,
  category: ProcessCategory,
  caseId: string,
): Promise<CaseStream | undefined> {
  const streamId = `${DECIDERS[category].category}-${caseId}`;
  const events = await readStreamIfAny(store, streamId);
  return events && { category, caseId, streamId, events };
}

/**
 * Finds the case `<category>-<id>` or, for a bare `<id>`, the one process that has a case of that id.
 * Case ids may contain dashes, so a known category prefix is tried first.
 */
export async function findCase(store: EventStore, reference: string): Promise<CaseStream> {
  const prefixed = PROCESS_CATEGORIES.find((c) => reference.startsWith(`${c}-`));
  if (prefixed) {
    const found = await readCase(store, prefixed, reference.slice(prefixed.length + 1));
    if (found) return found;
  }
  const found = (await Promise.all(PROCESS_CATEGORIES.map((c) => readCase(store, c, reference)))).filter(
    (c): c is CaseStream => c !== undefined,
  );
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new UsageError(`no case ${reference} in the store`);
  throw new UsageError(
    `${reference} names ${found.length} cases: give one of ${found.map((c) => c.streamId).join(', ')}`,
  );
}
