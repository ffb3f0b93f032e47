import { JointOperationState } from '@xb/domain';
import { RowWriter } from './case-projection';

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
  await trx
    .insertInto('joint_operations')
    .values({ operation_id: operationId, opened_at: at, closed_at: null, ...row, ...closed })
    .onConflict((oc) => oc.column('operation_id').doUpdateSet({ ...row, ...closed }))
    .execute();
  for (const linked of state.linkedCases) {
    await trx
      .insertInto('joint_operation_cases')
      .values({ operation_id: operationId, case_id: linked.caseId, case_type: linked.process })
      .onConflict((oc) => oc.columns(['operation_id', 'case_id']).doNothing())
      .execute();
  }
};
