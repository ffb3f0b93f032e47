import { Command } from '../decider';
import { DeliveryCommand, StepRule } from '../shared';
import { FollowOnLink } from '../rescue/events';
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

type RequestData = Omit<WantedPersonRequestContent, 'requestingAgency' | 'requestedAgency'>;
type Without<T> = Omit<T, 'outcome'>;

/** Asks `counterpart` to locate and arrest a suspect under a warrant (`WantedPersonRequest`). */
export type RequestWantedPerson = Command<
  'RequestWantedPerson',
  RequestData & { readonly counterpart: string }
>;
/** Inbound `WantedPersonRequest`. */
export type ReceiveWantedPersonRequest = Command<'ReceiveWantedPersonRequest', RequestData>;
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

export type WantedPersonOpeningCommand = RequestWantedPerson | ReceiveWantedPersonRequest;
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

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const WANTED_PERSON_RULES: {
  readonly [T in WantedPersonStepCommand['type']]: StepRule<WantedPersonStatus, WantedPersonSide>;
} = {
  AcknowledgeWantedPerson: { by: 'requested', from: ['requested'], inbound: false },
  RecordWantedPersonAcknowledgement: { by: 'requested', from: ['requested'], inbound: true },
  ReportWantedPersonProgress: { by: 'either', from: ['acknowledged'], inbound: false },
  ReceiveWantedPersonProgress: { by: 'either', from: ['acknowledged'], inbound: true },
  RecordWantedPersonArrest: { by: 'requested', from: ['acknowledged'], inbound: false },
  RecordWantedPersonNotFound: { by: 'requested', from: ['acknowledged'], inbound: false },
  RecordWantedPersonOutcome: { by: 'requested', from: ['acknowledged'], inbound: true },
  LinkCaseToWantedPerson: { by: 'either', from: ['arrested'], inbound: false },
  ReceiveWantedPersonCaseLink: { by: 'either', from: ['arrested'], inbound: true },
};
