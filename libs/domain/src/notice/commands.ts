import { Command } from '../decider';
import { Annexed, CallerKind, DeliveryCommand, PersonParticulars, StepRule, Urgency } from '../shared';
import { HotlineChannel, NoticeCategory, NoticePriority, ProcessingOutcome } from './events';
import { NoticeSide, NoticeStatus } from './state';

interface ContentData extends Annexed<'InformationNotice'> {
  readonly caseId: string;
  readonly category: NoticeCategory;
  readonly title: string;
  readonly content: string;
  readonly relatedCaseId?: string;
  readonly persons?: readonly PersonParticulars[];
}

/** Sends a notice to `counterpart` (`InformationNotice`). */
export type SendInformationNotice = Command<
  'SendInformationNotice',
  ContentData & { readonly counterpart: string }
>;
/**
 * Inbound `InformationNotice`. `processingDeadline` is set by this node (its processing policy), not by
 * the sender.
 */
export type ReceiveInformationNotice = Command<
  'ReceiveInformationNotice',
  ContentData & { readonly processingDeadline: string }
>;
/** An officer records a tip-off taken on the hotline; the category is `hotline_tip`. */
export type RecordHotlineTip = Command<
  'RecordHotlineTip',
  Omit<ContentData, 'category'> & {
    readonly channel: HotlineChannel;
    /** Who called (kind only: the caller's identity is never recorded). */
    readonly callerKind: CallerKind;
    /** How fast action is needed; kept when the tip is forwarded. */
    readonly urgency: Urgency;
    readonly receivedAt: string;
    readonly processingDeadline: string;
  }
>;
/**
 * Passes a hotline tip on to `counterpart` as this same case (one correlation id on both sides), with
 * its caller kind, urgency and time of the call (`HotlineTipOff`).
 */
export type ForwardHotlineTip = Command<'ForwardHotlineTip', { readonly counterpart: string }>;
/**
 * Passes a counterpart's notice on to a third agency `counterpart`, as this same case. Refused
 * (HANDLING_RESTRICTED) when the originator's handling code keeps it from that agency and the
 * originator has not granted it (shared/dissemination.ts).
 */
export type ForwardInformationNotice = Command<'ForwardInformationNotice', { readonly counterpart: string }>;
/** Asks the originator of a counterpart's notice to let us pass it on to `recipient` (`DisseminationRequest`). */
export type RequestDissemination = Command<
  'RequestDissemination',
  { readonly recipient: string; readonly purpose: string }
>;
/** The originator, inbound `DisseminationRequest` (its message id is the request's id). */
export type ReceiveDisseminationRequest = Command<
  'ReceiveDisseminationRequest',
  { readonly recipient: string; readonly purpose: string }
>;
/** The originator's officer grants or refuses a request, with conditions (`DisseminationAnswer`). */
export type AnswerDisseminationRequest = Command<
  'AnswerDisseminationRequest',
  {
    readonly requestId: string;
    readonly granted: boolean;
    readonly conditions?: string;
    readonly reason?: string;
  }
>;
/** The asking side, inbound `DisseminationAnswer`: the grant (or refusal) is recorded on the case. */
export type RecordDisseminationAnswer = Command<
  'RecordDisseminationAnswer',
  {
    readonly requestId: string;
    readonly recipient: string;
    readonly granted: boolean;
    readonly conditions?: string;
    readonly reason?: string;
  }
>;
/** Classifies (or reclassifies) a notice that came to us. */
export type ClassifyInformationNotice = Command<
  'ClassifyInformationNotice',
  {
    readonly category: NoticeCategory;
    readonly priority: NoticePriority;
    readonly topics?: readonly string[];
  }
>;
/** Records how a classified notice was processed. */
export type ProcessInformationNotice = Command<
  'ProcessInformationNotice',
  { readonly outcome: ProcessingOutcome; readonly note: string; readonly linkedCaseId?: string }
>;
/** Closes a processed notice, or one we sent. */
export type CloseInformationNotice = Command<'CloseInformationNotice', { readonly note?: string }>;

export type NoticeOpeningCommand = SendInformationNotice | ReceiveInformationNotice | RecordHotlineTip;
export type NoticeStepCommand =
  | ClassifyInformationNotice
  | ProcessInformationNotice
  | CloseInformationNotice
  | ForwardHotlineTip
  | ForwardInformationNotice
  | RequestDissemination
  | ReceiveDisseminationRequest
  | AnswerDisseminationRequest
  | RecordDisseminationAnswer;
export type NoticeCommand = NoticeOpeningCommand | NoticeStepCommand | DeliveryCommand;

/** Who takes each step and from which statuses. */
export const NOTICE_RULES: { readonly [T in NoticeStepCommand['type']]: StepRule<NoticeStatus, NoticeSide> } =
  {
    ClassifyInformationNotice: { by: 'recipient', from: ['received', 'classified'], inbound: false },
    ProcessInformationNotice: { by: 'recipient', from: ['classified'], inbound: false },
    CloseInformationNotice: { by: 'either', from: ['processed', 'sent'], inbound: false },
    ForwardHotlineTip: { by: 'recipient', from: ['received', 'classified', 'processed'], inbound: false },
    ForwardInformationNotice: {
      by: 'recipient',
      from: ['received', 'classified', 'processed', 'closed'],
      inbound: false,
    },
    RequestDissemination: {
      by: 'recipient',
      from: ['received', 'classified', 'processed', 'closed'],
      inbound: false,
    },
    // The request comes from the side that received our notice; we answer it even after closing ours.
    ReceiveDisseminationRequest: { by: 'recipient', from: ['sent', 'closed'], inbound: true },
    AnswerDisseminationRequest: { by: 'sender', from: ['sent', 'closed'], inbound: false },
    RecordDisseminationAnswer: {
      by: 'sender',
      from: ['received', 'classified', 'processed', 'closed'],
      inbound: true,
    },
  };
