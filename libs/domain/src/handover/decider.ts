import { Decider } from '../decider';
import { decideSuspectHandover, SuspectHandoverCommand } from './decide';
import { SuspectHandoverEvent } from './events';
import { evolveSuspectHandover, initialSuspectHandoverState, SuspectHandoverState } from './state';

/** Suspect hand-overs under a warrant; streams `handover-<caseId>`. */
export const suspectHandoverDecider: Decider<
  SuspectHandoverCommand,
  SuspectHandoverEvent,
  SuspectHandoverState
> = {
  category: 'handover',
  initialState: initialSuspectHandoverState,
  evolve: evolveSuspectHandover,
  decide: decideSuspectHandover,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
};
