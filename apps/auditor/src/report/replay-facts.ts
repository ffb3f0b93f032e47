import { type CaseState, deciderOf, PROCESS_CATEGORIES, type ProcessCategory } from '@xb/domain';
import type { RecordedEvent } from '@xb/event-store';
import { reportFactsOf, type ReportFact } from '@xb/read-models';

/** The streams the report replays: the processes' own, never read models or projections. */
export const REPORT_STREAM_PREFIXES = PROCESS_CATEGORIES.map((c) => `${c}-`);

export type ReportEvent = Pick<RecordedEvent, 'streamId' | 'type' | 'data' | 'metadata'>;

const categoryOf = (streamId: string): ProcessCategory | undefined =>
  PROCESS_CATEGORIES.find((c) => streamId.startsWith(`${c}-`));

/**
 * The report's facts, replaying the process streams in global order: each event is folded with its
 * process's own evolve, and its facts are read off the case's state after it, by the same function the
 * read models use, so both sources count alike and any difference is a difference in what they hold.
 */
export function replayFacts(events: Iterable<ReportEvent>): ReportFact[] {
  const states = new Map<string, CaseState>();
  const facts: ReportFact[] = [];
  for (const event of events) {
    const category = categoryOf(event.streamId);
    if (!category) continue;
    const decider = deciderOf(category);
    const after = decider.evolve(states.get(event.streamId) ?? decider.initialState(), event);
    states.set(event.streamId, after);
    facts.push(...reportFactsOf(category, after, event));
  }
  return facts;
}
