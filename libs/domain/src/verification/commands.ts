import { Command } from '../decider';
import { Annexed, DeliveryCommand, StepRule } from '../shared';
import { VerificationAnswer, VerificationPurpose, VerificationSubject } from './events';
import { VerificationSide, VerificationStatus } from './state';

/** What a verification request asks (both directions). */
export interface VerificationRequestData extends Annexed<'VerificationRequest'> {
  readonly subject: VerificationSubject;
  /** What to verify: one or more purposes, each answered on its own. */
  readonly purposes: readonly VerificationPurpose[];
  /** Circumstances; a counterpart's request may leave them empty (the contract: "empty when unknown"). */
  readonly details: string;
  readonly deadline: string;
}
/** Another round: the information, the new deadline and, when it changed, the subject as now known. */
export interface AdditionalInformationData extends Annexed<'VerificationAdditionalInformation'> {
  readonly information: string;
  readonly deadline: string;
  readonly subject?: VerificationSubject;
  /** What this round asks, when it changed. */
  readonly purposes?: readonly VerificationPurpose[];
}
type NoData = Record<string, never>;

/** Our officer drafts a request to `counterpart`. */
export type DraftVerificationRequest = Command<
  'DraftVerificationRequest',
  VerificationRequestData & { readonly caseId: string; readonly counterpart: string }
>;
/** Queues the drafted request (`VerificationRequest`). */
export type SendVerificationRequest = Command<'SendVerificationRequest', NoData>;
/** Inbound `VerificationRequest`: the counterpart asks us. */
export type ReceiveVerificationRequest = Command<
  'ReceiveVerificationRequest',
  VerificationRequestData & { readonly caseId: string }
>;
/** Our officer answers an incoming request (`VerificationAnswer`). */
export type AnswerVerificationRequest = Command<
  'AnswerVerificationRequest',
  VerificationAnswer & Annexed<'VerificationAnswer'>
>;
/** Inbound `VerificationAnswer` to our request. */
export type RecordVerificationAnswer = Command<
  'RecordVerificationAnswer',
  VerificationAnswer & Annexed<'VerificationAnswer'>
>;
/** After "more information needed", our officer sends more (`VerificationAdditionalInformation`). */
export type ProvideAdditionalInformation = Command<'ProvideAdditionalInformation', AdditionalInformationData>;
/** Inbound `VerificationAdditionalInformation`: another round of an incoming request. */
export type ReceiveAdditionalInformation = Command<'ReceiveAdditionalInformation', AdditionalInformationData>;
/** Our officer withdraws our request (`VerificationWithdrawal` once sent). */
export type WithdrawVerificationRequest = Command<'WithdrawVerificationRequest', { readonly reason: string }>;
/** Inbound `VerificationWithdrawal` of an incoming request. */
export type ReceiveVerificationWithdrawal = Command<
  'ReceiveVerificationWithdrawal',
  { readonly reason: string }
>;
/** Either side closes an answered case locally. */
export type CloseVerification = Command<'CloseVerification', { readonly note?: string }>;

export type VerificationOpeningCommand = DraftVerificationRequest | ReceiveVerificationRequest;
export type VerificationStepCommand =
  | SendVerificationRequest
  | AnswerVerificationRequest
  | RecordVerificationAnswer
  | ProvideAdditionalInformation
  | ReceiveAdditionalInformation
  | WithdrawVerificationRequest
  | ReceiveVerificationWithdrawal
  | CloseVerification;

/**
 * Who takes each step and from which statuses (inbound steps are taken by the counterpart). Another
 * round (additional information) also needs the answer to be "more information needed".
 */
export const VERIFICATION_RULES: {
  readonly [T in VerificationStepCommand['type']]: StepRule<VerificationStatus, VerificationSide>;
} = {
  SendVerificationRequest: { by: 'requester', from: ['drafted'], inbound: false },
  AnswerVerificationRequest: { by: 'responder', from: ['received'], inbound: false },
  RecordVerificationAnswer: { by: 'responder', from: ['sent', 'delivered'], inbound: true },
  ProvideAdditionalInformation: { by: 'requester', from: ['answered'], inbound: false },
  ReceiveAdditionalInformation: { by: 'requester', from: ['answered'], inbound: true },
  WithdrawVerificationRequest: {
    by: 'requester',
    from: ['drafted', 'sent', 'delivered', 'answered'],
    inbound: false,
  },
  ReceiveVerificationWithdrawal: { by: 'requester', from: ['received', 'answered'], inbound: true },
  CloseVerification: { by: 'either', from: ['answered'], inbound: false },
};

export type VerificationCommand =
  | DraftVerificationRequest
  | SendVerificationRequest
  | ReceiveVerificationRequest
  | AnswerVerificationRequest
  | RecordVerificationAnswer
  | ProvideAdditionalInformation
  | ReceiveAdditionalInformation
  | WithdrawVerificationRequest
  | ReceiveVerificationWithdrawal
  | CloseVerification
  | DeliveryCommand;
