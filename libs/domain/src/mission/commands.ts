import { Command } from '../decider';
import { BorderGateRef, DeliveryCommand, StepRule } from '../shared';
import { MissionKind, MissionMember, SupportedCase } from './events';
import { MissionSide, MissionStatus } from './state';

interface RequestData {
  readonly caseId: string;
  readonly kind: MissionKind;
  readonly purpose: string;
  readonly supportedCase?: SupportedCase;
  readonly members: readonly MissionMember[];
  readonly arrivesOn: string;
  readonly departsOn: string;
  readonly entryGate: BorderGateRef;
  readonly deadline: string;
}
interface CrossingData {
  readonly at: string;
  /** Default: the entry gate of the request. */
  readonly gate?: BorderGateRef;
}
interface OutcomeData {
  readonly summary: string;
  /** Default: the supported case, if any. */
  readonly linkedCaseIds?: readonly string[];
}

/** Asks `counterpart` to receive a working group or a delegation (`MissionRequest`). */
export type RequestMission = Command<'RequestMission', RequestData & { readonly counterpart: string }>;
/** Inbound `MissionRequest`. */
export type ReceiveMissionRequest = Command<'ReceiveMissionRequest', RequestData>;
/** The host accepts (`MissionDecision`). */
export type AcceptMission = Command<'AcceptMission', { readonly remarks?: string } | undefined>;
/** The host refuses with a reason (`MissionDecision`). */
export type RefuseMission = Command<'RefuseMission', { readonly reason: string }>;
/** The requester, inbound `MissionDecision`. */
export type RecordMissionDecision = Command<
  'RecordMissionDecision',
  { readonly decision: 'accepted' | 'refused'; readonly remarks?: string }
>;
/** The host records the group's arrival (`MissionMovement`). */
export type RecordMissionArrival = Command<'RecordMissionArrival', CrossingData>;
/** The host records the group's departure (`MissionMovement`). */
export type RecordMissionDeparture = Command<'RecordMissionDeparture', CrossingData>;
/** The requester, inbound `MissionMovement`. */
export type ReceiveMissionMovement = Command<
  'ReceiveMissionMovement',
  { readonly movement: 'arrival' | 'departure'; readonly at: string; readonly gate: BorderGateRef }
>;
/** The requester reports the outcome and closes the mission (`MissionOutcome`). */
export type ReportMissionOutcome = Command<'ReportMissionOutcome', OutcomeData>;
/** The host, inbound `MissionOutcome`. */
export type ReceiveMissionOutcome = Command<
  'ReceiveMissionOutcome',
  { readonly summary: string; readonly linkedCaseIds: readonly string[] }
>;

export type MissionOpeningCommand = RequestMission | ReceiveMissionRequest;
export type MissionStepCommand =
  | AcceptMission
  | RefuseMission
  | RecordMissionDecision
  | RecordMissionArrival
  | RecordMissionDeparture
  | ReceiveMissionMovement
  | ReportMissionOutcome
  | ReceiveMissionOutcome;
export type MissionCommand = MissionOpeningCommand | MissionStepCommand | DeliveryCommand;

/** Who takes each step and from which statuses: the host answers and sees the crossings. */
export const MISSION_RULES: {
  readonly [T in MissionStepCommand['type']]: StepRule<MissionStatus, MissionSide>;
} = {
  AcceptMission: { by: 'host', from: ['requested'], inbound: false },
  RefuseMission: { by: 'host', from: ['requested'], inbound: false },
  RecordMissionDecision: { by: 'host', from: ['requested'], inbound: true },
  RecordMissionArrival: { by: 'host', from: ['accepted'], inbound: false },
  RecordMissionDeparture: { by: 'host', from: ['arrived'], inbound: false },
  ReceiveMissionMovement: { by: 'host', from: ['accepted', 'arrived'], inbound: true },
  ReportMissionOutcome: { by: 'requester', from: ['departed'], inbound: false },
  ReceiveMissionOutcome: { by: 'requester', from: ['departed'], inbound: true },
};
