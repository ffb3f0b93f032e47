import { caseProcess } from '../case-process';
import { decideSuspectHandover, SuspectHandoverCommand } from './decide';
import { describeSuspectHandoverEvent, SUSPECT_HANDOVER_EVENT_TYPES, SuspectHandoverEvent } from './events';
import {
  evolveSuspectHandover,
  initialSuspectHandoverState,
  SuspectHandoverState,
  suspectHandoverOpenDeadlines,
} from './state';

/** Suspect hand-overs under a warrant; streams `handover-<caseId>`. */
export const suspectHandoverDecider = caseProcess<
  SuspectHandoverCommand,
  SuspectHandoverEvent,
  SuspectHandoverState
>({
  category: 'handover',
  initialState: initialSuspectHandoverState,
  evolve: evolveSuspectHandover,
  decide: decideSuspectHandover,
  eventTypes: SUSPECT_HANDOVER_EVENT_TYPES,
  openDeadlines: suspectHandoverOpenDeadlines,
  describe: describeSuspectHandoverEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
