import { caseProcess } from '../case-process';
import { decideVerification, VerificationCommand } from './decide';
import { describeVerificationEvent, VERIFICATION_EVENT_TYPES, VerificationEvent } from './events';
import {
  evolveVerification,
  initialVerificationState,
  VerificationState,
  verificationOpenDeadlines,
} from './state';

/** Verification requests, outgoing and incoming; streams `verification-<caseId>`. */
export const verificationDecider = caseProcess<VerificationCommand, VerificationEvent, VerificationState>({
  category: 'verification',
  initialState: initialVerificationState,
  evolve: evolveVerification,
  decide: decideVerification,
  eventTypes: VERIFICATION_EVENT_TYPES,
  openDeadlines: verificationOpenDeadlines,
  describe: describeVerificationEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
