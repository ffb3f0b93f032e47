import { CaseState, isOpened, Opened, ProcessDecider } from '@xb/domain';
import { Transaction } from 'kysely';
import { CaseProjection, ProjectedEvent } from '../projector';
import { ReadModelTables } from '../tables';
import { utcTime } from '../times';
import { upsertRow } from '../upsert';
import { writeCaseHandling } from './handling';

/**
 * Writes an opened case's board rows after `event` (`at`: when it happened, as the read models store
 * time): all a projection file holds.
 */
export type RowWriter<S extends CaseState> = (
  trx: Transaction<ReadModelTables>,
  caseId: string,
  state: Opened<S>,
  at: string,
  event: ProjectedEvent,
) => Promise<void>;

/** The cases a search request (locate and rescue, wanted person) led to, once each. */
export async function followOnCaseRows(
  trx: Transaction<ReadModelTables>,
  caseId: string,
  linked: readonly { readonly linkedCaseId: string; readonly process: string }[],
): Promise<void> {
  for (const link of linked)
    await upsertRow(
      trx,
      'follow_on_cases',
      { case_id: caseId, linked_case_id: link.linkedCaseId, process: link.process },
      ['case_id', 'linked_case_id'],
      'nothing',
    );
}

/**
 * A read model of one process: the process's own decider folds each case, `rows` writes the board
 * once the case exists.
 */
export const caseProjection = <S extends CaseState>(
  process: ProcessDecider<S>,
  rows: RowWriter<S>,
): CaseProjection<S> => ({
  category: process.category,
  initialState: () => process.initialState(),
  evolve: (state, event) => process.evolve(state, event),
  write: async (trx, caseId, state, event) => {
    if (!isOpened(state)) return;
    const at = utcTime(event.metadata.occurredAt);
    await rows(trx, caseId, state, at, event);
    await writeCaseHandling(trx, process.category, caseId, state, at, event);
  },
});
