/** The @nestjs/cqrs bridge for reads: `queryBus.execute(new LoadCaseQuery(category, caseId))`. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { deciderOf, type CaseState, type ProcessCategory } from '@xb/domain';
import type { EventStore } from '../port';
import { EVENT_STORE } from './event-store.tokens';
import { loadState } from './handle-command';

/** A case's current state, folded from its stream (always current, unlike the read models); status `none` when there is no such case. */
export class LoadCaseQuery extends Query<CaseState> {
  constructor(
    readonly category: ProcessCategory,
    readonly caseId: string,
    /** Open the particulars (an authorised, audited view); by default they stay sealed. */
    readonly openParticulars = false,
  ) {
    super();
  }
}

@QueryHandler(LoadCaseQuery)
export class LoadCaseQueryHandler implements IQueryHandler<LoadCaseQuery, CaseState> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: LoadCaseQuery): Promise<CaseState> {
    return loadState(this.store, deciderOf(query.category), query.caseId, {
      openParticulars: query.openParticulars,
    });
  }
}
