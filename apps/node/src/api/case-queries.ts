/** A case's timeline as a @nestjs/cqrs query (the case's state is libs/event-store's LoadCaseQuery). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@xb/event-store';
import { caseTimeline, TimelineEntry } from './timeline';

/** Undefined when the case has no stream. */
export class CaseTimelineQuery extends Query<TimelineEntry[] | undefined> {
  constructor(readonly streamId: string) {
    super();
  }
}

@QueryHandler(CaseTimelineQuery)
export class CaseTimelineHandler implements IQueryHandler<CaseTimelineQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  execute(query: CaseTimelineQuery) {
    return caseTimeline(this.store, query.streamId);
  }
}
