import { caseProcess } from '../case-process';
import { decideRepatriation, RepatriationCommand } from './decide';
import { describeRepatriationEvent, REPATRIATION_EVENT_TYPES, RepatriationEvent } from './events';
import {
  evolveRepatriation,
  initialRepatriationState,
  RepatriationState,
  repatriationOpenDeadlines,
} from './state';

/** Victim repatriations, from request to referral; streams `repatriation-<caseId>`. */
export const repatriationDecider = caseProcess<RepatriationCommand, RepatriationEvent, RepatriationState>({
  category: 'repatriation',
  initialState: initialRepatriationState,
  evolve: evolveRepatriation,
  decide: decideRepatriation,
  eventTypes: REPATRIATION_EVENT_TYPES,
  openDeadlines: repatriationOpenDeadlines,
  describe: describeRepatriationEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
