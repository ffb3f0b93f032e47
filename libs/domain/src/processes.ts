import { CaseProcess } from './case-process';
import { CaseState, Command, DomainError, DomainEvent } from './decider';
import { SuspectHandoverEvent, suspectHandoverDecider } from './handover';
import { JointOperationEvent, jointOperationDecider } from './jointop';
import { LiaisonMeetingEvent, liaisonMeetingDecider } from './liaison';
import { MissionEvent, missionDecider } from './mission';
import { NoticeEvent, noticeDecider } from './notice';
import { RepatriationEvent, repatriationDecider } from './repatriation';
import { LocateRescueEvent, locateRescueDecider } from './rescue';
import { OpenDeadline, validationFailed } from './shared';
import { VerificationEvent, verificationDecider } from './verification';
import { WantedPersonEvent, wantedPersonDecider } from './wanted';

/** Every process's decider by stream category. */
export const DECIDERS = {
  verification: verificationDecider,
  repatriation: repatriationDecider,
  handover: suspectHandoverDecider,
  jointop: jointOperationDecider,
  notice: noticeDecider,
  rescue: locateRescueDecider,
  wanted: wantedPersonDecider,
  liaison: liaisonMeetingDecider,
  mission: missionDecider,
} as const;

export type ProcessCategory = keyof typeof DECIDERS;

export const isProcessCategory = (value: string): value is ProcessCategory =>
  Object.prototype.hasOwnProperty.call(DECIDERS, value);

export const PROCESS_CATEGORIES: readonly ProcessCategory[] = Object.keys(DECIDERS).filter(isProcessCategory);

/** Any event of any process. */
export type CooperationEvent =
  | VerificationEvent
  | RepatriationEvent
  | SuspectHandoverEvent
  | JointOperationEvent
  | NoticeEvent
  | LocateRescueEvent
  | WantedPersonEvent
  | LiaisonMeetingEvent
  | MissionEvent;

/**
 * A process as seen by a part that holds a command or an event of any process (the API, the inbox
 * gateway, the responder, the read models, the auditor): it takes any command, refusing one that is not
 * its own (VALIDATION_FAILED on `type`), and any event, leaving the state unchanged for one that is not.
 *
 * Methods rather than function properties on purpose: TypeScript then lets the decider of one process's
 * state stand for a `ProcessDecider<CaseState>` without a cast. That is sound here because the state a
 * caller passes back is always one the same decider produced (its initial state folded with its evolve).
 */
export interface ProcessDecider<S extends CaseState = CaseState> {
  readonly category: string;
  readonly eventTypes: readonly string[];
  initialState(): S;
  evolve(state: S, event: DomainEvent): S;
  decide(command: Command, state: S): readonly DomainEvent[] | DomainError;
  retryOnConflict(command: Command): boolean;
  /** A short timeline line without personal particulars; undefined for an event of another process. */
  describe(event: DomainEvent): string | undefined;
  /** Every deadline the case still waits on (shared/open-deadline.ts); none before the case opens. */
  openDeadlines(state: S): readonly OpenDeadline[];
}

export const processDecider = <C extends Command, E extends DomainEvent, S extends CaseState>(
  process: CaseProcess<C, E, S>,
): ProcessDecider<S> => ({
  category: process.category,
  eventTypes: process.eventTypes,
  initialState: process.initialState,
  evolve: (state, event) => (process.isEvent(event) ? process.evolve(state, event) : state),
  decide: (command, state) =>
    process.isCommand(command) ? process.decide(command, state) : validationFailed(['type']),
  retryOnConflict: (command) => process.isCommand(command) && process.retryOnConflict?.(command) === true,
  describe: (event) => (process.isEvent(event) ? process.describe(event) : undefined),
  openDeadlines: (state) => process.openDeadlines(state),
});

const PROCESS_DECIDERS: { readonly [K in ProcessCategory]: ProcessDecider } = {
  verification: processDecider(verificationDecider),
  repatriation: processDecider(repatriationDecider),
  handover: processDecider(suspectHandoverDecider),
  jointop: processDecider(jointOperationDecider),
  notice: processDecider(noticeDecider),
  rescue: processDecider(locateRescueDecider),
  wanted: processDecider(wantedPersonDecider),
  liaison: processDecider(liaisonMeetingDecider),
  mission: processDecider(missionDecider),
};

/** The decider of a process chosen at run time (a route, an inbound payload, a stream's category). */
export const deciderOf = (category: ProcessCategory): ProcessDecider => PROCESS_DECIDERS[category];

/** The process an event type belongs to, or undefined for a type no process knows. */
export const categoryOfEventType = (type: string): ProcessCategory | undefined =>
  PROCESS_CATEGORIES.find((category) => deciderOf(category).eventTypes.includes(type));

/**
 * A short timeline line for any process event, without personal particulars; undefined for an event
 * type no process knows (e.g. audit seals), so callers can skip or label it themselves.
 */
export const describeEvent = (event: DomainEvent): string | undefined => {
  const category = categoryOfEventType(event.type);
  return category === undefined ? undefined : deciderOf(category).describe(event);
};
