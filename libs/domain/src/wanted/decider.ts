import { caseProcess } from '../case-process';
import { decideWantedPerson, WantedPersonCommand } from './decide';
import { describeWantedPersonEvent, WANTED_PERSON_EVENT_TYPES, WantedPersonEvent } from './events';
import {
  evolveWantedPerson,
  initialWantedPersonState,
  WantedPersonState,
  wantedPersonOpenDeadlines,
} from './state';

/** Requests to locate and arrest a suspect under a warrant; streams `wanted-<caseId>`. */
export const wantedPersonDecider = caseProcess<WantedPersonCommand, WantedPersonEvent, WantedPersonState>({
  category: 'wanted',
  initialState: initialWantedPersonState,
  evolve: evolveWantedPerson,
  decide: decideWantedPerson,
  eventTypes: WANTED_PERSON_EVENT_TYPES,
  openDeadlines: wantedPersonOpenDeadlines,
  describe: describeWantedPersonEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
