import { CaseState, isOpened, Opened, ProcessDecider } from '@xb/domain';
import { RecordedEvent } from '@xb/event-store';
import { Transaction } from 'kysely';
import { CaseProjection } from '../projector';
import { ReadModelTables } from '../tables';
import { utcTime } from '../times';
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
  event: RecordedEvent,
) => Promise<void>;

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
