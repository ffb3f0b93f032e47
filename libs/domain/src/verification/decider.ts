import { Decider } from '../decider';
import { decideVerification, VerificationCommand } from './decide';
import { VerificationEvent } from './events';
import { evolveVerification, initialVerificationState, VerificationState } from './state';

/** Verification requests, outgoing and incoming; streams `verification-<caseId>`. */
export const verificationDecider: Decider<VerificationCommand, VerificationEvent, VerificationState> = {
  category: 'verification',
  initialState: initialVerificationState,
  evolve: evolveVerification,
  decide: decideVerification,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
};
