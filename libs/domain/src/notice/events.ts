import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { Annexed, CallerKind, DeliveryEvent, Inbound, Outbound, PersonParticulars, Urgency } from '../shared';

export type NoticeCategory = 'case_information' | 'criminal_method' | 'hotline_tip';
export const NOTICE_CATEGORIES: readonly NoticeCategory[] = [
  'case_information',
  'criminal_method',
  'hotline_tip',
];

export type NoticePriority = 'routine' | 'urgent';
export const NOTICE_PRIORITIES: readonly NoticePriority[] = ['routine', 'urgent'];

/** How a hotline tip came in. */
export type HotlineChannel = 'phone' | 'sms' | 'email' | 'walk_in' | 'other';
export const HOTLINE_CHANNELS: readonly HotlineChannel[] = ['phone', 'sms', 'email', 'walk_in', 'other'];

/** What processing a notice came to. */
export type ProcessingOutcome = 'actioned' | 'forwarded' | 'linked_to_case' | 'no_action';
export const PROCESSING_OUTCOMES: readonly ProcessingOutcome[] = [
  'actioned',
  'forwarded',
  'linked_to_case',
  'no_action',
];

/** The content of an information notice, on both sides and on the wire. */
export interface NoticeContent extends Annexed<'InformationNotice'> {
  readonly caseId: string;
  readonly category: NoticeCategory;
  readonly title: string;
  readonly content: string;
  /** A case of either side the notice concerns. */
  readonly relatedCaseId?: string;
  /** People the notice names, if any. */
  readonly persons?: readonly PersonParticulars[];
}

export type InformationNoticeSent = DomainEvent<
  'InformationNoticeSent',
  NoticeContent & { readonly sender: string; readonly recipient: string; readonly outbound: Outbound }
>;
/** A counterpart's notice; `processingDeadline` is when it must be processed here. */
export type InformationNoticeReceived = DomainEvent<
  'InformationNoticeReceived',
  NoticeContent & {
    readonly sender: string;
    readonly recipient: string;
    readonly processingDeadline: string;
    readonly inbound: Inbound;
  }
>;
/** A tip-off taken on our hotline (no counterpart involved). */
export type HotlineTipRecorded = DomainEvent<
  'HotlineTipRecorded',
  NoticeContent & {
    readonly channel: HotlineChannel;
    /** Absent in tips recorded before caller kind and urgency were required. */
    readonly callerKind?: CallerKind;
    readonly urgency?: Urgency;
    readonly receivedAt: string;
    readonly processingDeadline: string;
  }
>;
/**
 * Our hotline tip passed on to a counterpart as this same case; the annex carries the call's time,
 * caller kind and urgency, so the counterpart receives them as recorded.
 */
export type HotlineTipForwarded = DomainEvent<
  'HotlineTipForwarded',
  NoticeContent & { readonly sender: string; readonly recipient: string; readonly outbound: Outbound }
>;
/** A counterpart's notice passed on to a third agency, under the originator's code (and grant). */
export type InformationNoticeForwarded = DomainEvent<
  'InformationNoticeForwarded',
  NoticeContent & { readonly sender: string; readonly recipient: string; readonly outbound: Outbound }
>;

/** What is asked of the originator: passing its notice on to `recipient`, for a stated purpose. */
export interface DisseminationAsk {
  readonly requestId: string;
  readonly recipient: string;
  /** Why (plain words, never particulars). */
  readonly purpose: string;
}
/** The originator's answer; a refusal may say why. */
export interface DisseminationReply {
  readonly requestId: string;
  readonly recipient: string;
  readonly granted: boolean;
  readonly conditions?: string;
  readonly reason?: string;
}
export type DisseminationRequested = DomainEvent<
  'DisseminationRequested',
  DisseminationAsk & { readonly outbound: Outbound }
>;
export type DisseminationRequestReceived = DomainEvent<
  'DisseminationRequestReceived',
  DisseminationAsk & { readonly inbound: Inbound }
>;
export type DisseminationAnswered = DomainEvent<
  'DisseminationAnswered',
  DisseminationReply & { readonly outbound: Outbound }
>;
export type DisseminationAnswerReceived = DomainEvent<
  'DisseminationAnswerReceived',
  DisseminationReply & { readonly inbound: Inbound }
>;

export type InformationNoticeClassified = DomainEvent<
  'InformationNoticeClassified',
  { readonly category: NoticeCategory; readonly priority: NoticePriority; readonly topics: readonly string[] }
>;
export type InformationNoticeProcessed = DomainEvent<
  'InformationNoticeProcessed',
  { readonly outcome: ProcessingOutcome; readonly note: string; readonly linkedCaseId?: string }
>;
export type InformationNoticeClosed = DomainEvent<'InformationNoticeClosed', { readonly note?: string }>;

export type NoticeEvent =
  | InformationNoticeSent
  | InformationNoticeReceived
  | HotlineTipRecorded
  | HotlineTipForwarded
  | InformationNoticeForwarded
  | DisseminationRequested
  | DisseminationRequestReceived
  | DisseminationAnswered
  | DisseminationAnswerReceived
  | InformationNoticeClassified
  | InformationNoticeProcessed
  | InformationNoticeClosed
  | DeliveryEvent<'InformationNotice'>;

export const NOTICE_EVENT_TYPES = everyTypeOf<NoticeEvent>()([
  'InformationNoticeSent',
  'InformationNoticeReceived',
  'HotlineTipRecorded',
  'InformationNoticeClassified',
  'InformationNoticeProcessed',
  'InformationNoticeClosed',
  'InformationNoticeMessageDelivered',
  'InformationNoticeMessageRejected',
  'HotlineTipForwarded',
  'InformationNoticeForwarded',
  'DisseminationRequested',
  'DisseminationRequestReceived',
  'DisseminationAnswered',
  'DisseminationAnswerReceived',
]);

const label = (category: NoticeCategory): string => category.replace(/_/g, ' ');

/** A timeline line without particulars (titles are free text, so they are left out too). */
export const describeNoticeEvent = (event: NoticeEvent): string => {
  switch (event.type) {
    case 'InformationNoticeSent':
      return `Notice (${label(event.data.category)}) sent to ${event.data.recipient}`;
    case 'InformationNoticeReceived':
      return `Notice (${label(event.data.category)}) received from ${event.data.sender}, to process by ${event.data.processingDeadline}`;
    case 'HotlineTipRecorded':
      return `Hotline tip recorded (${event.data.channel.replace(/_/g, ' ')}), to process by ${event.data.processingDeadline}`;
    case 'HotlineTipForwarded':
      return `Hotline tip forwarded to ${event.data.recipient} (${event.data.annex?.urgency ?? 'routine'})`;
    case 'InformationNoticeForwarded':
      return `Notice forwarded to ${event.data.recipient} (${event.data.outbound.handling?.dissemination ?? 'default handling'})`;
    case 'DisseminationRequested':
      return `Asked the originator to pass the notice on to ${event.data.recipient}`;
    case 'DisseminationRequestReceived':
      return `Asked to let the notice be passed on to ${event.data.recipient}`;
    case 'DisseminationAnswered':
    case 'DisseminationAnswerReceived':
      return `Passing the notice on to ${event.data.recipient} ${event.data.granted ? 'granted' : 'refused'} by the originator${event.data.conditions ? ', with conditions' : ''}`;
    case 'InformationNoticeClassified':
      return `Classified as ${label(event.data.category)}, ${event.data.priority}`;
    case 'InformationNoticeProcessed':
      return `Processed: ${event.data.outcome.replace(/_/g, ' ')}`;
    case 'InformationNoticeClosed':
      return 'Notice closed';
    case 'InformationNoticeMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'InformationNoticeMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
