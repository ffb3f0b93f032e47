import { Command } from '../decider';
import {
  Annexed,
  DeliveryCommand,
  HandoverArrangement,
  CountersignMinutes,
  ProposeMinutes,
  ReceiveMinutesCountersignature,
  ReceiveMinutesProposal,
  SignMinutes,
  PersonParticulars,
  StepRule,
} from '../shared';
import { ChildParticulars, IdentificationCriterion, SupportService } from './events';
import { RepatriationSide, RepatriationStatus } from './state';

interface RequestData extends Annexed<'RepatriationRequest'> {
  readonly caseId: string;
  readonly victim: PersonParticulars;
  /** Children travelling with the victim; may be empty. */
  readonly children: readonly ChildParticulars[];
  readonly circumstances: string;
  /** When the receiving side's decision is due (ISO date-time). */
  readonly deadline: string;
}
interface HandoverData extends Annexed<'HandoverCompleted'> {
  readonly handedOverAt: string;
  /** The children handed over with the victim. */
  readonly childIds: readonly string[];
}
interface ReceptionData extends Annexed<'ReceptionConfirmed'> {
  /** The support facility that took the victim in. */
  readonly facility: string;
  readonly receivedAt: string;
  /** The children received with the victim. */
  readonly childIds: readonly string[];
}

/** Requesting side: asks the counterpart to take its national back (`RepatriationRequest`). */
export type RequestRepatriation = Command<
  'RequestRepatriation',
  RequestData & { readonly counterpart: string }
>;
/** Receiving side, inbound `RepatriationRequest`. */
export type ReceiveRepatriationRequest = Command<'ReceiveRepatriationRequest', RequestData>;
/** Receiving side: starts verifying the victim, optionally under a verification case (local). */
export type StartRepatriationVerification = Command<
  'StartRepatriationVerification',
  { readonly verificationCaseId?: string }
>;
/** Receiving side: accepts (`RepatriationDecision`). */
export type AcceptRepatriation = Command<'AcceptRepatriation', { readonly note?: string }>;
/** Receiving side: refuses, with a reason (`RepatriationDecision`). */
export type RefuseRepatriation = Command<'RefuseRepatriation', { readonly reason: string }>;
/** Requesting side, inbound `RepatriationDecision`; `reason` is required when refused. */
export type RecordRepatriationDecision = Command<
  'RecordRepatriationDecision',
  {
    readonly decision: 'accepted' | 'refused';
    readonly note?: string;
    readonly reason?: string;
  } & Annexed<'RepatriationDecision'>
>;
/** Requesting side: a child found with the victim joins the case (`RepatriationChildAdded`). */
export type AddAccompanyingChild = Command<'AddAccompanyingChild', ChildParticulars>;
/** Receiving side, inbound `RepatriationChildAdded`. */
export type ReceiveAccompanyingChild = Command<'ReceiveAccompanyingChild', ChildParticulars>;
/** Either side: schedules or reschedules the hand-over (`HandoverScheduling`). */
export type ScheduleRepatriationHandover = Command<
  'ScheduleRepatriationHandover',
  HandoverArrangement & Annexed<'HandoverScheduling'>
>;
/** Either side, inbound `HandoverScheduling`, carrying the sender's schedule revision. */
export type ReceiveRepatriationHandoverSchedule = Command<
  'ReceiveRepatriationHandoverSchedule',
  HandoverArrangement & { readonly revision: number } & Annexed<'HandoverScheduling'>
>;
/** Requesting side: the victim (and listed children) handed over at the gate, minutes co-signed (`HandoverCompleted`). */
export type RecordRepatriationHandover = Command<'RecordRepatriationHandover', HandoverData>;
/** Receiving side, inbound `HandoverCompleted`. */
export type ReceiveRepatriationHandover = Command<'ReceiveRepatriationHandover', HandoverData>;
/** Receiving side: the support facility took the victim in (`ReceptionConfirmed`). */
export type ConfirmRepatriationReception = Command<'ConfirmRepatriationReception', ReceptionData>;
/** Requesting side, inbound `ReceptionConfirmed`. */
export type RecordReceptionConfirmation = Command<'RecordReceptionConfirmation', ReceptionData>;
/** Receiving side: refers the received victim to support services (local). */
export type ReferRepatriatedVictim = Command<
  'ReferRepatriatedVictim',
  { readonly services: readonly SupportService[]; readonly referredTo: string; readonly note?: string }
>;
/** Either side, before the hand-over (`RepatriationCancellation`). */
export type CancelRepatriation = Command<'CancelRepatriation', { readonly reason: string }>;
/** Either side, inbound `RepatriationCancellation`. */
export type ReceiveRepatriationCancellation = Command<
  'ReceiveRepatriationCancellation',
  { readonly reason: string }
>;

/** What an identification decides, as an officer records it and as it travels. */
export interface IdentificationData {
  readonly decision: 'identified' | 'not_identified';
  readonly criteria: readonly IdentificationCriterion[];
  readonly grounds: string;
  /** The deciding authority; default: our agency. */
  readonly authority?: string;
  /** The day of the decision (ISO date); default: today (UTC) by the command's clock. */
  readonly identifiedOn?: string;
}
/**
 * Either side: decides whether the person is a victim of trafficking, on the criteria and grounds,
 * and tells the counterpart (`VictimIdentification`).
 */
export type IdentifyRepatriationVictim = Command<'IdentifyRepatriationVictim', IdentificationData>;
/** Inbound `VictimIdentification`: the counterpart's decision, recorded on our side. */
export type ReceiveVictimIdentification = Command<'ReceiveVictimIdentification', IdentificationData>;
/** Either side: drafts the hand-over minutes (docs/protocol.md section 5a; steps in shared/minutes-steps). */
export type ProposeRepatriationMinutes = ProposeMinutes<'Repatriation'>;
export type SignRepatriationMinutes = SignMinutes<'Repatriation'>;
export type ReceiveRepatriationMinutesProposal = ReceiveMinutesProposal<'Repatriation'>;
export type CountersignRepatriationMinutes = CountersignMinutes<'Repatriation'>;
export type ReceiveRepatriationMinutesCountersignature = ReceiveMinutesCountersignature<'Repatriation'>;

export type RepatriationOpeningCommand = RequestRepatriation | ReceiveRepatriationRequest;
export type RepatriationStepCommand =
  | StartRepatriationVerification
  | AcceptRepatriation
  | RefuseRepatriation
  | RecordRepatriationDecision
  | AddAccompanyingChild
  | ReceiveAccompanyingChild
  | ScheduleRepatriationHandover
  | ReceiveRepatriationHandoverSchedule
  | RecordRepatriationHandover
  | ReceiveRepatriationHandover
  | ConfirmRepatriationReception
  | RecordReceptionConfirmation
  | ReferRepatriatedVictim
  | CancelRepatriation
  | ReceiveRepatriationCancellation
  | IdentifyRepatriationVictim
  | ReceiveVictimIdentification
  | ProposeRepatriationMinutes
  | SignRepatriationMinutes
  | ReceiveRepatriationMinutesProposal
  | CountersignRepatriationMinutes
  | ReceiveRepatriationMinutesCountersignature;
export type RepatriationCommand = RepatriationOpeningCommand | RepatriationStepCommand | DeliveryCommand;

const BEFORE_HANDOVER: readonly RepatriationStatus[] = [
  'requested',
  'under_verification',
  'accepted',
  'scheduled',
];

/**
 * Minutes are drawn up once a date is agreed and co-signed before the hand-over or the reception is
 * recorded (refused `MINUTES_NOT_COSIGNED` until then); the later statuses stay for cases handed over
 * before that rule, whose minutes may still be co-signed afterwards.
 */
const AT_OR_AFTER_SCHEDULE: readonly RepatriationStatus[] = [
  'scheduled',
  'handed_over',
  'received',
  'referred',
];

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const REPATRIATION_RULES: {
  readonly [T in RepatriationStepCommand['type']]: StepRule<RepatriationStatus, RepatriationSide>;
} = {
  StartRepatriationVerification: { by: 'receiving', from: ['requested'], inbound: false },
  AcceptRepatriation: { by: 'receiving', from: ['requested', 'under_verification'], inbound: false },
  RefuseRepatriation: { by: 'receiving', from: ['requested', 'under_verification'], inbound: false },
  RecordRepatriationDecision: { by: 'receiving', from: ['requested'], inbound: true },
  AddAccompanyingChild: { by: 'requesting', from: BEFORE_HANDOVER, inbound: false },
  ReceiveAccompanyingChild: { by: 'requesting', from: BEFORE_HANDOVER, inbound: true },
  ScheduleRepatriationHandover: { by: 'either', from: ['accepted', 'scheduled'], inbound: false },
  ReceiveRepatriationHandoverSchedule: { by: 'either', from: ['accepted', 'scheduled'], inbound: true },
  RecordRepatriationHandover: { by: 'requesting', from: ['scheduled'], inbound: false },
  // Reception may be confirmed before the hand-over message arrives; it is still applied then.
  ReceiveRepatriationHandover: {
    by: 'requesting',
    from: ['scheduled', 'received', 'referred'],
    inbound: true,
  },
  ConfirmRepatriationReception: { by: 'receiving', from: ['scheduled', 'handed_over'], inbound: false },
  RecordReceptionConfirmation: { by: 'receiving', from: ['scheduled', 'handed_over'], inbound: true },
  ReferRepatriatedVictim: { by: 'receiving', from: ['received'], inbound: false },
  CancelRepatriation: { by: 'either', from: BEFORE_HANDOVER, inbound: false },
  ReceiveRepatriationCancellation: { by: 'either', from: BEFORE_HANDOVER, inbound: true },
  IdentifyRepatriationVictim: {
    by: 'either',
    from: ['requested', 'under_verification', 'accepted', ...AT_OR_AFTER_SCHEDULE],
    inbound: false,
  },
  ReceiveVictimIdentification: {
    by: 'either',
    from: ['requested', 'under_verification', 'accepted', ...AT_OR_AFTER_SCHEDULE],
    inbound: true,
  },
  ProposeRepatriationMinutes: { by: 'either', from: AT_OR_AFTER_SCHEDULE, inbound: false },
  SignRepatriationMinutes: { by: 'either', from: AT_OR_AFTER_SCHEDULE, inbound: false },
  ReceiveRepatriationMinutesProposal: { by: 'either', from: AT_OR_AFTER_SCHEDULE, inbound: true },
  CountersignRepatriationMinutes: { by: 'either', from: AT_OR_AFTER_SCHEDULE, inbound: false },
  ReceiveRepatriationMinutesCountersignature: { by: 'either', from: AT_OR_AFTER_SCHEDULE, inbound: true },
};
