import { CaseState, ProcessDecider } from '@xb/domain';
import { RecordedEvent } from '@xb/event-store';
import { Transaction } from 'kysely';
import { CaseProjection } from '../projector';
import { ReadModelTables } from '../tables';

/** Turns a case's folded state (after `event`) into its board rows: all a projection file writes. */
export type RowWriter<S> = (
  trx: Transaction<ReadModelTables>,
  caseId: string,
  state: S,
  event: RecordedEvent,
) => Promise<void>;

/** A read model of one process: the process's own decider folds each case, `rows` writes the board. */
export const caseProjection = <S extends CaseState>(
  process: ProcessDecider<S>,
  rows: RowWriter<S>,
): CaseProjection<S> => ({
  category: process.category,
  initialState: () => process.initialState(),
  evolve: (state, event) => process.evolve(state, event),
  write: rows,
});
