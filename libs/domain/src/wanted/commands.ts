import { Command } from '../decider';
import { FollowOnLink, SearchOpening, searchRules } from '../search';
import { DeliveryCommand, StepRule } from '../shared';
import {
  SuspectArrested,
  SuspectNotFound,
  WantedFollowOnProcess,
  WantedPersonAcknowledgement,
  WantedPersonOutcome,
  WantedPersonProgress,
  WantedPersonRequestContent,
} from './events';
import { WantedPersonSide, WantedPersonStatus } from './state';

type Without<T> = Omit<T, 'outcome'>;
type Opening = SearchOpening<'WantedPerson', WantedPersonRequestContent>;

/** Asks `counterpart` to locate and arrest a suspect under a warrant (`WantedPersonRequest`). */
export type RequestWantedPerson = Extract<Opening, { readonly type: 'RequestWantedPerson' }>;
/** Inbound `WantedPersonRequest`. */
export type ReceiveWantedPersonRequest = Extract<Opening, { readonly type: 'ReceiveWantedPersonRequest' }>;
/** The requested side takes the request on (`WantedPersonAcknowledgement`). */
export type AcknowledgeWantedPerson = Command<'AcknowledgeWantedPerson', WantedPersonAcknowledgement>;
/** The requesting side, inbound `WantedPersonAcknowledgement`. */
export type RecordWantedPersonAcknowledgement = Command<
  'RecordWantedPersonAcknowledgement',
  WantedPersonAcknowledgement
>;
/** Either side reports what it learnt (`WantedPersonProgress`). */
export type ReportWantedPersonProgress = Command<'ReportWantedPersonProgress', WantedPersonProgress>;
/** Either side, inbound `WantedPersonProgress`. */
export type ReceiveWantedPersonProgress = Command<'ReceiveWantedPersonProgress', WantedPersonProgress>;
/** The requested side arrested the suspect (`WantedPersonOutcome`, arrested). */
export type RecordWantedPersonArrest = Command<'RecordWantedPersonArrest', Without<SuspectArrested>>;
/** The requested side ends the search (`WantedPersonOutcome`, not found). */
export type RecordWantedPersonNotFound = Command<'RecordWantedPersonNotFound', Without<SuspectNotFound>>;
/** The requesting side, inbound `WantedPersonOutcome`. */
export type RecordWantedPersonOutcome = Command<'RecordWantedPersonOutcome', WantedPersonOutcome>;
/** Either side links the suspect hand-over opened after the arrest (`WantedPersonCaseLink`). */
export type LinkCaseToWantedPerson = Command<'LinkCaseToWantedPerson', FollowOnLink<WantedFollowOnProcess>>;
/** Either side, inbound `WantedPersonCaseLink`. */
export type ReceiveWantedPersonCaseLink = Command<
  'ReceiveWantedPersonCaseLink',
  FollowOnLink<WantedFollowOnProcess>
>;

export type WantedPersonOpeningCommand = Opening;
export type WantedPersonStepCommand =
  | AcknowledgeWantedPerson
  | RecordWantedPersonAcknowledgement
  | ReportWantedPersonProgress
  | ReceiveWantedPersonProgress
  | RecordWantedPersonArrest
  | RecordWantedPersonNotFound
  | RecordWantedPersonOutcome
  | LinkCaseToWantedPerson
  | ReceiveWantedPersonCaseLink;
export type WantedPersonCommand = WantedPersonOpeningCommand | WantedPersonStepCommand | DeliveryCommand;

/** The search is under way once acknowledged. */
export const WANTED_PERSON_SEARCHING: readonly WantedPersonStatus[] = ['acknowledged'];

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const WANTED_PERSON_RULES: {
  readonly [T in WantedPersonStepCommand['type']]: StepRule<WantedPersonStatus, WantedPersonSide>;
} = {
  ...searchRules('WantedPerson', { searching: WANTED_PERSON_SEARCHING, linkFrom: ['arrested'] }),
  RecordWantedPersonArrest: { by: 'requested', from: WANTED_PERSON_SEARCHING, inbound: false },
  RecordWantedPersonNotFound: { by: 'requested', from: WANTED_PERSON_SEARCHING, inbound: false },
};
