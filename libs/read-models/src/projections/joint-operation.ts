import { JointOperationState } from '@xb/domain';
import { RowWriter } from './case-projection';
import { upsertRow } from '../upsert';

/** Joint crackdown periods and the cases linked to them. */
export const jointOperationRows: RowWriter<JointOperationState> = async (
  trx,
  operationId,
  state,
  at,
  event,
) => {
  const row = {
    status: state.status,
    counterpart: state.counterpart,
    title: state.terms.name,
    starts_on: state.terms.startDate,
    ends_on: state.terms.endDate,
    updated_at: at,
  };
  // Only the closing event sets the closing time: receipts arriving later must not move it.
  const closed = event.type === 'JointOperationClosed' ? { closed_at: at } : {};
  await upsertRow(
    trx,
    'joint_operations',
    { operation_id: operationId, opened_at: at, closed_at: null, ...row, ...closed },
    ['operation_id'],
    { ...row, ...closed },
  );
  for (const linked of state.linkedCases) {
    await upsertRow(
      trx,
      'joint_operation_cases',
      { operation_id: operationId, case_id: linked.caseId, case_type: linked.process },
      ['operation_id', 'case_id'],
      'nothing',
    );
  }
};
