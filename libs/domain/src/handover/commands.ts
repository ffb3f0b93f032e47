import { Command } from '../decider';
import {
  Annexed,
  CountersignMinutes,
  DeliveryCommand,
  HandoverArrangement,
  PersonParticulars,
  ProposeMinutes,
  ReceiveMinutesCountersignature,
  ReceiveMinutesProposal,
  SignMinutes,
  StepRule,
} from '../shared';
import { SuspectHandoverSide, SuspectHandoverStatus } from './state';

interface RequestData extends Annexed<'SuspectHandoverRequest'> {
  readonly caseId: string;
  readonly suspect: PersonParticulars;
  readonly warrantReference: string;
  /** Authority that issued the warrant, e.g. "Investigation Police Agency, Lao Cai Provincial Police". */
  readonly warrantIssuedBy: string;
  /** Date of issue of the warrant (`YYYY-MM-DD`), not after today. */
  readonly warrantIssuedOn: string;
  readonly offences: string;
  /** When the holding side's decision is due (ISO date-time). */
  readonly deadline: string;
}

/** Requesting side: asks the holding side to hand the suspect over (`SuspectHandoverRequest`). */
export type RequestSuspectHandover = Command<
  'RequestSuspectHandover',
  RequestData & { readonly counterpart: string }
>;
/** Holding side, inbound `SuspectHandoverRequest`. */
export type ReceiveSuspectHandoverRequest = Command<'ReceiveSuspectHandoverRequest', RequestData>;
/** Holding side: accepts (`SuspectHandoverDecision`). */
export type AcceptSuspectHandover = Command<'AcceptSuspectHandover', { readonly note?: string }>;
/** Holding side: refuses with a reason (`SuspectHandoverDecision`). */
export type RefuseSuspectHandover = Command<'RefuseSuspectHandover', { readonly reason: string }>;
/** Requesting side, inbound `SuspectHandoverDecision`; `reason` is required when refused. */
export type RecordSuspectHandoverDecision = Command<
  'RecordSuspectHandoverDecision',
  {
    readonly decision: 'accepted' | 'refused';
    readonly note?: string;
    readonly reason?: string;
  } & Annexed<'SuspectHandoverDecision'>
>;
/** Either side: schedules or reschedules (`SuspectHandoverScheduling`). */
export type ScheduleSuspectHandover = Command<
  'ScheduleSuspectHandover',
  HandoverArrangement & Annexed<'SuspectHandoverScheduling'>
>;
/** Either side, inbound `SuspectHandoverScheduling`, with the sender's schedule revision. */
export type ReceiveSuspectHandoverSchedule = Command<
  'ReceiveSuspectHandoverSchedule',
  HandoverArrangement & { readonly revision: number } & Annexed<'SuspectHandoverScheduling'>
>;
/** Holding side: the suspect was handed over at the gate, once the minutes are co-signed (`SuspectHandoverCompleted`). */
export type RecordSuspectHandover = Command<
  'RecordSuspectHandover',
  { readonly handedOverAt: string } & Annexed<'SuspectHandoverCompleted'>
>;
/** Requesting side, inbound `SuspectHandoverCompleted`. */
export type ReceiveSuspectHandoverCompletion = Command<
  'ReceiveSuspectHandoverCompletion',
  { readonly handedOverAt: string } & Annexed<'SuspectHandoverCompleted'>
>;
/** Either side, before the hand-over (`SuspectHandoverCancellation`). */
export type CancelSuspectHandover = Command<'CancelSuspectHandover', { readonly reason: string }>;
/** Either side, inbound `SuspectHandoverCancellation`. */
export type ReceiveSuspectHandoverCancellation = Command<
  'ReceiveSuspectHandoverCancellation',
  { readonly reason: string }
>;

/** Holding side (it hands over): draws up the hand-over minutes (docs/protocol.md section 5a). */
export type ProposeSuspectHandoverMinutes = ProposeMinutes<'SuspectHandover'>;
/** Either side's node holding the agency key: signs what its officer drew up or agreed. */
export type SignSuspectHandoverMinutes = SignMinutes<'SuspectHandover'>;
/** Requesting side, inbound `SuspectHandoverMinutesProposal`. */
export type ReceiveSuspectHandoverMinutesProposal = ReceiveMinutesProposal<'SuspectHandover'>;
/** Requesting side (it receives the suspect): agrees the minutes as received. */
export type CountersignSuspectHandoverMinutes = CountersignMinutes<'SuspectHandover'>;
/** Holding side, inbound `SuspectHandoverMinutesCountersignature`. */
export type ReceiveSuspectHandoverMinutesCountersignature = ReceiveMinutesCountersignature<'SuspectHandover'>;

export type SuspectHandoverOpeningCommand = RequestSuspectHandover | ReceiveSuspectHandoverRequest;
export type SuspectHandoverStepCommand =
  | AcceptSuspectHandover
  | RefuseSuspectHandover
  | RecordSuspectHandoverDecision
  | ScheduleSuspectHandover
  | ReceiveSuspectHandoverSchedule
  | RecordSuspectHandover
  | ReceiveSuspectHandoverCompletion
  | CancelSuspectHandover
  | ReceiveSuspectHandoverCancellation
  | ProposeSuspectHandoverMinutes
  | SignSuspectHandoverMinutes
  | ReceiveSuspectHandoverMinutesProposal
  | CountersignSuspectHandoverMinutes
  | ReceiveSuspectHandoverMinutesCountersignature;
export type SuspectHandoverCommand =
  SuspectHandoverOpeningCommand | SuspectHandoverStepCommand | DeliveryCommand;

const BEFORE_HANDOVER: readonly SuspectHandoverStatus[] = ['requested', 'accepted', 'scheduled'];
/**
 * Minutes are drawn up at the gate once a date is agreed, and co-signed before the hand-over is recorded
 * (refused `MINUTES_NOT_COSIGNED` until then). `handed_over` stays for cases recorded before that rule,
 * whose minutes may still be co-signed after the hand-over.
 */
const AT_OR_AFTER_SCHEDULE: readonly SuspectHandoverStatus[] = ['scheduled', 'handed_over'];

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const SUSPECT_HANDOVER_RULES: {
  readonly [T in SuspectHandoverStepCommand['type']]: StepRule<SuspectHandoverStatus, SuspectHandoverSide>;
} = {
  AcceptSuspectHandover: { by: 'holding', from: ['requested'], inbound: false },
  RefuseSuspectHandover: { by: 'holding', from: ['requested'], inbound: false },
  RecordSuspectHandoverDecision: { by: 'holding', from: ['requested'], inbound: true },
  ScheduleSuspectHandover: { by: 'either', from: ['accepted', 'scheduled'], inbound: false },
  ReceiveSuspectHandoverSchedule: { by: 'either', from: ['accepted', 'scheduled'], inbound: true },
  RecordSuspectHandover: { by: 'holding', from: ['scheduled'], inbound: false },
  ReceiveSuspectHandoverCompletion: { by: 'holding', from: ['scheduled'], inbound: true },
  CancelSuspectHandover: { by: 'either', from: BEFORE_HANDOVER, inbound: false },
  ReceiveSuspectHandoverCancellation: { by: 'either', from: BEFORE_HANDOVER, inbound: true },
  // The side that hands the suspect over proposes the minutes; the side that takes custody countersigns.
  ProposeSuspectHandoverMinutes: { by: 'holding', from: AT_OR_AFTER_SCHEDULE, inbound: false },
  SignSuspectHandoverMinutes: { by: 'either', from: AT_OR_AFTER_SCHEDULE, inbound: false },
  ReceiveSuspectHandoverMinutesProposal: { by: 'holding', from: AT_OR_AFTER_SCHEDULE, inbound: true },
  CountersignSuspectHandoverMinutes: { by: 'requesting', from: AT_OR_AFTER_SCHEDULE, inbound: false },
  ReceiveSuspectHandoverMinutesCountersignature: {
    by: 'requesting',
    from: AT_OR_AFTER_SCHEDULE,
    inbound: true,
  },
};
