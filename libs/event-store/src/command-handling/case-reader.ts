import type { CaseState, ProcessCategory } from '@xb/domain';
import { deciderOf } from '@xb/domain';
import type { EventStore } from '../port';
import { loadState } from './handle-command';

/** What a reader of cases (the API's case views) needs: a case's current state, folded from its stream. */
export interface CaseReader {
  /** The case's state; `{ status: 'none' }` when there is no such case. */
  stateOf(category: ProcessCategory, caseId: string): Promise<CaseState>;
}

/** Injection token of the CaseReader port (`@Inject(CASE_READER) cases: CaseReader`). */
export const CASE_READER = Symbol('CASE_READER');

/** The port over a store: every read folds the case's stream (always current, unlike the read models). */
export function caseReaderOn(store: EventStore): CaseReader {
  return {
    stateOf: (category, caseId) => loadState(store, deciderOf(category), caseId),
  };
}
