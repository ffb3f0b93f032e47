import { caseProcess } from '../case-process';
import { decideMission, MissionCommand } from './decide';
import { describeMissionEvent, MISSION_EVENT_TYPES, MissionEvent } from './events';
import { evolveMission, initialMissionState, MissionState, missionOpenDeadlines } from './state';

/** Working groups sent to support a case, and delegation exchanges; streams `mission-<caseId>`. */
export const missionDecider = caseProcess<MissionCommand, MissionEvent, MissionState>({
  category: 'mission',
  initialState: initialMissionState,
  evolve: evolveMission,
  decide: decideMission,
  eventTypes: MISSION_EVENT_TYPES,
  openDeadlines: missionOpenDeadlines,
  describe: describeMissionEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
