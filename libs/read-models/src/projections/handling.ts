import { appliedMessageOf, highestReceivedHandling, MessageTrail } from '@xb/domain';
import { Transaction } from 'kysely';
import { ProjectedEvent } from '../projector';
import { ReadModelTables } from '../tables';
import { upsertRow } from '../upsert';

const hasTrail = (state: object): state is { readonly trail: MessageTrail } => 'trail' in state;

/**
 * Keeps `case_handling`: the highest restriction a case received, rewritten only when a counterpart's
 * message with a handling code was applied (nothing else can raise it), for every process alike.
 */
export const writeCaseHandling = async (
  trx: Transaction<ReadModelTables>,
  category: string,
  caseId: string,
  state: object,
  at: string,
  event: ProjectedEvent,
): Promise<void> => {
  if (!appliedMessageOf({ type: event.type, data: event.data })?.handling || !hasTrail(state)) return;
  const highest = highestReceivedHandling(state.trail);
  if (!highest) return;
  const row = {
    dissemination: highest.dissemination,
    evidential_use: highest.evidentialUse,
    has_conditions: highest.conditions ? 1 : 0,
    updated_at: at,
  };
  await upsertRow(
    trx,
    'case_handling',
    { stream_id: `${category}-${caseId}`, category, case_id: caseId, ...row },
    ['stream_id'],
    row,
  );
};
