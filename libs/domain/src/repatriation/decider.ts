import { Decider } from '../decider';
import { decideRepatriation, RepatriationCommand } from './decide';
import { RepatriationEvent } from './events';
import { evolveRepatriation, initialRepatriationState, RepatriationState } from './state';

/** Victim repatriations, from request to referral; streams `repatriation-<caseId>`. */
export const repatriationDecider: Decider<RepatriationCommand, RepatriationEvent, RepatriationState> = {
  category: 'repatriation',
  initialState: initialRepatriationState,
  evolve: evolveRepatriation,
  decide: decideRepatriation,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
};
