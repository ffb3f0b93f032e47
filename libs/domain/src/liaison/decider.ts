import { caseProcess } from '../case-process';
import { decideLiaisonMeeting, LiaisonMeetingCommand } from './decide';
import { describeLiaisonMeetingEvent, LIAISON_MEETING_EVENT_TYPES, LiaisonMeetingEvent } from './events';
import {
  evolveLiaisonMeeting,
  initialLiaisonMeetingState,
  LiaisonMeetingState,
  liaisonMeetingOpenDeadlines,
} from './state';

/** Liaison meetings at every level, with their minutes' action items; streams `liaison-<caseId>`. */
export const liaisonMeetingDecider = caseProcess<
  LiaisonMeetingCommand,
  LiaisonMeetingEvent,
  LiaisonMeetingState
>({
  category: 'liaison',
  initialState: initialLiaisonMeetingState,
  evolve: evolveLiaisonMeeting,
  decide: decideLiaisonMeeting,
  eventTypes: LIAISON_MEETING_EVENT_TYPES,
  openDeadlines: liaisonMeetingOpenDeadlines,
  describe: describeLiaisonMeetingEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
