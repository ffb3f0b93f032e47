import { caseProcess } from '../case-process';
import { decideLocateRescue, LocateRescueCommand } from './decide';
import { describeLocateRescueEvent, LOCATE_RESCUE_EVENT_TYPES, LocateRescueEvent } from './events';
import {
  evolveLocateRescue,
  initialLocateRescueState,
  LocateRescueState,
  locateRescueOpenDeadlines,
} from './state';

/** Requests to locate and rescue a missing person; streams `rescue-<caseId>`. */
export const locateRescueDecider = caseProcess<LocateRescueCommand, LocateRescueEvent, LocateRescueState>({
  category: 'rescue',
  initialState: initialLocateRescueState,
  evolve: evolveLocateRescue,
  decide: decideLocateRescue,
  eventTypes: LOCATE_RESCUE_EVENT_TYPES,
  openDeadlines: locateRescueOpenDeadlines,
  describe: describeLocateRescueEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
