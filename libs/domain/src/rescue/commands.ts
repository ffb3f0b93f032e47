import { Command } from '../decider';
import { DeliveryCommand, StepRule } from '../shared';
import {
  FollowOnLink,
  LocateRescueAcknowledgement,
  LocateRescueOutcome,
  LocateRescueProgress,
  LocateRescueRequestContent,
  PersonLocated,
  PersonNotFound,
  PersonRescued,
  RescueFollowOnProcess,
} from './events';
import { LocateRescueSide, LocateRescueStatus } from './state';

type RequestData = Omit<LocateRescueRequestContent, 'requestingAgency' | 'requestedAgency'>;
type Without<T> = Omit<T, 'outcome'>;

/** Asks `counterpart` to locate and rescue a missing person (`LocateRescueRequest`). */
export type RequestLocateRescue = Command<
  'RequestLocateRescue',
  RequestData & { readonly counterpart: string }
>;
/** Inbound `LocateRescueRequest`. */
export type ReceiveLocateRescueRequest = Command<'ReceiveLocateRescueRequest', RequestData>;
/** The requested side takes the request on (`LocateRescueAcknowledgement`). */
export type AcknowledgeLocateRescue = Command<'AcknowledgeLocateRescue', LocateRescueAcknowledgement>;
/** The requesting side, inbound `LocateRescueAcknowledgement`. */
export type RecordLocateRescueAcknowledgement = Command<
  'RecordLocateRescueAcknowledgement',
  LocateRescueAcknowledgement
>;
/** Either side reports what it learnt (`LocateRescueProgress`). */
export type ReportLocateRescueProgress = Command<'ReportLocateRescueProgress', LocateRescueProgress>;
/** Either side, inbound `LocateRescueProgress`. */
export type ReceiveLocateRescueProgress = Command<'ReceiveLocateRescueProgress', LocateRescueProgress>;
/** The requested side found her (`LocateRescueOutcome`, located). */
export type RecordPersonLocated = Command<'RecordPersonLocated', Without<PersonLocated>>;
/** The requested side rescued her (`LocateRescueOutcome`, rescued). */
export type RecordPersonRescued = Command<'RecordPersonRescued', Without<PersonRescued>>;
/** The requested side ends the search (`LocateRescueOutcome`, not found). */
export type RecordPersonNotFound = Command<'RecordPersonNotFound', Without<PersonNotFound>>;
/** The requesting side, inbound `LocateRescueOutcome`. */
export type RecordLocateRescueOutcome = Command<'RecordLocateRescueOutcome', LocateRescueOutcome>;
/** Either side links a verification or repatriation case opened after the rescue (`LocateRescueCaseLink`). */
export type LinkCaseToLocateRescue = Command<'LinkCaseToLocateRescue', FollowOnLink<RescueFollowOnProcess>>;
/** Either side, inbound `LocateRescueCaseLink`. */
export type ReceiveLocateRescueCaseLink = Command<
  'ReceiveLocateRescueCaseLink',
  FollowOnLink<RescueFollowOnProcess>
>;

export type LocateRescueOpeningCommand = RequestLocateRescue | ReceiveLocateRescueRequest;
export type LocateRescueStepCommand =
  | AcknowledgeLocateRescue
  | RecordLocateRescueAcknowledgement
  | ReportLocateRescueProgress
  | ReceiveLocateRescueProgress
  | RecordPersonLocated
  | RecordPersonRescued
  | RecordPersonNotFound
  | RecordLocateRescueOutcome
  | LinkCaseToLocateRescue
  | ReceiveLocateRescueCaseLink;
export type LocateRescueCommand = LocateRescueOpeningCommand | LocateRescueStepCommand | DeliveryCommand;

const SEARCHING: readonly LocateRescueStatus[] = ['acknowledged', 'located'];

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const LOCATE_RESCUE_RULES: {
  readonly [T in LocateRescueStepCommand['type']]: StepRule<LocateRescueStatus, LocateRescueSide>;
} = {
  AcknowledgeLocateRescue: { by: 'requested', from: ['requested'], inbound: false },
  RecordLocateRescueAcknowledgement: { by: 'requested', from: ['requested'], inbound: true },
  ReportLocateRescueProgress: { by: 'either', from: SEARCHING, inbound: false },
  ReceiveLocateRescueProgress: { by: 'either', from: SEARCHING, inbound: true },
  RecordPersonLocated: { by: 'requested', from: ['acknowledged'], inbound: false },
  RecordPersonRescued: { by: 'requested', from: SEARCHING, inbound: false },
  RecordPersonNotFound: { by: 'requested', from: SEARCHING, inbound: false },
  // A `located` outcome is further held to `acknowledged` by the decider.
  RecordLocateRescueOutcome: { by: 'requested', from: SEARCHING, inbound: true },
  LinkCaseToLocateRescue: { by: 'either', from: ['rescued'], inbound: false },
  ReceiveLocateRescueCaseLink: { by: 'either', from: ['rescued'], inbound: true },
};
