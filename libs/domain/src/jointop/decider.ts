import { Decider } from '../decider';
import { decideJointOperation, JointOperationCommand } from './decide';
import { JointOperationEvent } from './events';
import { evolveJointOperation, initialJointOperationState, JointOperationState } from './state';

/** Joint crackdown periods; streams `jointop-<caseId>`. */
export const jointOperationDecider: Decider<JointOperationCommand, JointOperationEvent, JointOperationState> =
  {
    category: 'jointop',
    initialState: initialJointOperationState,
    evolve: evolveJointOperation,
    decide: decideJointOperation,
    // Every refusal depends only on the state, so a command that lost a race can be decided again.
    retryOnConflict: () => true,
  };
