import { caseProcess } from '../case-process';
import { decideJointOperation, JointOperationCommand } from './decide';
import { describeJointOperationEvent, JOINT_OPERATION_EVENT_TYPES, JointOperationEvent } from './events';
import {
  evolveJointOperation,
  initialJointOperationState,
  JointOperationState,
  jointOperationOpenDeadlines,
} from './state';

/** Joint crackdown periods; streams `jointop-<caseId>`. */
export const jointOperationDecider = caseProcess<
  JointOperationCommand,
  JointOperationEvent,
  JointOperationState
>({
  category: 'jointop',
  initialState: initialJointOperationState,
  evolve: evolveJointOperation,
  decide: decideJointOperation,
  eventTypes: JOINT_OPERATION_EVENT_TYPES,
  openDeadlines: jointOperationOpenDeadlines,
  describe: describeJointOperationEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
