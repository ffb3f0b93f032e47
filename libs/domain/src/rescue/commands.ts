import { Command } from '../decider';
import { FollowOnLink, SearchOpening, searchRules } from '../search';
import { DeliveryCommand, StepRule } from '../shared';
import {
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

type Without<T> = Omit<T, 'outcome'>;
type Opening = SearchOpening<'LocateRescue', LocateRescueRequestContent>;

/** Asks `counterpart` to locate and rescue a missing person (`LocateRescueRequest`). */
export type RequestLocateRescue = Extract<Opening, { readonly type: 'RequestLocateRescue' }>;
/** Inbound `LocateRescueRequest`. */
export type ReceiveLocateRescueRequest = Extract<Opening, { readonly type: 'ReceiveLocateRescueRequest' }>;
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

export type LocateRescueOpeningCommand = Opening;
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

/** The search is under way while acknowledged, and still once she is located. */
export const LOCATE_RESCUE_SEARCHING: readonly LocateRescueStatus[] = ['acknowledged', 'located'];

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const LOCATE_RESCUE_RULES: {
  readonly [T in LocateRescueStepCommand['type']]: StepRule<LocateRescueStatus, LocateRescueSide>;
} = {
  ...searchRules('LocateRescue', { searching: LOCATE_RESCUE_SEARCHING, linkFrom: ['rescued'] }),
  RecordPersonLocated: { by: 'requested', from: ['acknowledged'], inbound: false },
  RecordPersonRescued: { by: 'requested', from: LOCATE_RESCUE_SEARCHING, inbound: false },
  RecordPersonNotFound: { by: 'requested', from: LOCATE_RESCUE_SEARCHING, inbound: false },
};
