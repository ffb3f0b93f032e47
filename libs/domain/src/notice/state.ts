import { unchanged } from '../case-process';
import {
  AnnexOf,
  DisseminationGrant,
  Evaluation,
  HandlingCode,
  CallerKind,
  Urgency,
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  MessageTrail,
  PersonParticulars,
  trailAfter,
  trailAfterDelivery,
  OpenDeadline,
} from '../shared';
import {
  DisseminationAsk,
  HotlineChannel,
  NoticeCategory,
  NoticeEvent,
  NoticePriority,
  ProcessingOutcome,
} from './events';

export type NoticeStatus = 'sent' | 'received' | 'classified' | 'processed' | 'closed';

/** `sender`: we sent the notice; `recipient`: it came to us (from a counterpart or our hotline). */
export type NoticeSide = 'sender' | 'recipient';

export interface Notice {
  readonly status: NoticeStatus;
  readonly caseId: string;
  readonly ourSide: NoticeSide;
  readonly theirSide: NoticeSide;
  /** Where it came from: a counterpart's message, our hotline, or us. */
  readonly source: 'counterpart' | 'hotline' | 'ours';
  /** The other agency; none for a hotline tip. */
  readonly counterpart?: string;
  readonly category: NoticeCategory;
  readonly title: string;
  readonly content: string;
  readonly relatedCaseId?: string;
  readonly persons: readonly PersonParticulars[];
  /** What the message carries beyond the rules (shared/annex.ts); for a tip, what was said of the call. */
  readonly annex?: AnnexOf<'InformationNotice'>;
  /** How fast action is needed: the tip's, or what a counterpart's tip-off said. */
  readonly urgency?: Urgency;
  /** Our hotline's tip: how the call came in and who called. */
  readonly tip?: {
    readonly channel: HotlineChannel;
    readonly callerKind?: CallerKind;
    readonly receivedAt: string;
  };
  /** The counterpart our tip was forwarded to. */
  readonly forwardedTo?: string;
  /** The originator's handling code and evaluation of a counterpart's notice (its envelope header). */
  readonly handling?: HandlingCode;
  readonly evaluation?: Evaluation;
  /** Requests to pass the notice on: ours to the originator, or the recipient's to us. */
  readonly disseminationRequests?: readonly (DisseminationAsk & { readonly answer?: DisseminationGrant })[];
  /** Third agencies a counterpart's notice was passed on to, by the message that carried it. */
  readonly passedOn?: readonly { readonly recipient: string; readonly messageId: string }[];
  /** When a notice that came to us must be processed. */
  readonly processingDeadline?: string;
  readonly classification?: { readonly priority: NoticePriority; readonly topics: readonly string[] };
  readonly processing?: {
    readonly outcome: ProcessingOutcome;
    readonly note: string;
    readonly linkedCaseId?: string;
  };
  readonly trail: MessageTrail;
}

export type NoticeState = { readonly status: 'none' } | Notice;

export const initialNoticeState = (): NoticeState => ({ status: 'none' });

export const evolveNotice = (state: NoticeState, event: NoticeEvent): NoticeState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'InformationNoticeSent':
    case 'InformationNoticeReceived':
    case 'HotlineTipRecorded': {
      const { caseId, category, title, content, relatedCaseId, persons, annex } = event.data;
      const urgency = event.type === 'HotlineTipRecorded' ? event.data.urgency : annex?.urgency;
      const common = {
        caseId,
        category,
        title,
        content,
        relatedCaseId,
        persons: persons ?? [],
        trail,
        ...(annex === undefined ? {} : { annex }),
        ...(urgency === undefined ? {} : { urgency }),
      };
      if (event.type === 'InformationNoticeSent') {
        return {
          ...common,
          status: 'sent',
          ourSide: 'sender',
          theirSide: 'recipient',
          source: 'ours',
          counterpart: event.data.recipient,
        };
      }
      const received = {
        ...common,
        status: 'received' as const,
        ourSide: 'recipient' as const,
        theirSide: 'sender' as const,
      };
      return event.type === 'HotlineTipRecorded'
        ? {
            ...received,
            source: 'hotline',
            processingDeadline: event.data.processingDeadline,
            tip: {
              channel: event.data.channel,
              receivedAt: event.data.receivedAt,
              ...(event.data.callerKind === undefined ? {} : { callerKind: event.data.callerKind }),
            },
          }
        : {
            ...received,
            source: 'counterpart',
            counterpart: event.data.sender,
            processingDeadline: event.data.processingDeadline,
            ...(event.data.inbound.handling ? { handling: event.data.inbound.handling } : {}),
            ...(event.data.inbound.evaluation ? { evaluation: event.data.inbound.evaluation } : {}),
          };
    }
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'InformationNoticeClassified':
      return {
        ...state,
        status: 'classified',
        category: event.data.category,
        classification: { priority: event.data.priority, topics: event.data.topics },
        trail,
      };
    case 'InformationNoticeProcessed':
      return { ...state, status: 'processed', processing: event.data, trail };
    case 'HotlineTipForwarded':
      return { ...state, counterpart: event.data.recipient, forwardedTo: event.data.recipient, trail };
    case 'InformationNoticeForwarded':
      return {
        ...state,
        passedOn: [
          ...(state.passedOn ?? []),
          { recipient: event.data.recipient, messageId: event.data.outbound.messageId },
        ],
        trail,
      };
    case 'DisseminationRequested':
    case 'DisseminationRequestReceived': {
      const { requestId, recipient, purpose } = event.data;
      return {
        ...state,
        disseminationRequests: [...(state.disseminationRequests ?? []), { requestId, recipient, purpose }],
        trail,
      };
    }
    case 'DisseminationAnswered':
    case 'DisseminationAnswerReceived': {
      const { requestId, recipient, granted, conditions } = event.data;
      const answer = { requestId, recipient, granted, ...(conditions ? { conditions } : {}) };
      return {
        ...state,
        disseminationRequests: (state.disseminationRequests ?? []).map((request) =>
          request.requestId === requestId ? { ...request, answer } : request,
        ),
        trail,
      };
    }
    case 'InformationNoticeClosed':
      return { ...state, status: 'closed', trail };
    case 'InformationNoticeMessageDelivered':
    case 'InformationNoticeMessageRejected':
      return { ...state, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/** Whether a notice that came to us still waits to be processed ("nothing left unprocessed"). */
export const isUnprocessed = (state: NoticeState): boolean =>
  state.status === 'received' || state.status === 'classified';

/**
 * The status an officer sees at `now`: `overdue` when unprocessed past the processing deadline,
 * `unprocessed` for anything received or classified but not yet processed, else the stored status.
 */
export const noticeStatusAt = (
  state: NoticeState,
  now: string,
): NoticeState['status'] | 'unprocessed' | 'overdue' => {
  if (!isUnprocessed(state)) return state.status;
  return noticeDeadlineStatus(state, now) === 'overdue' ? 'overdue' : 'unprocessed';
};

/** Where processing stands against the processing deadline at `now` (`none` for notices we sent). */
export const noticeDeadlineStatus = (
  state: NoticeState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus => {
  if (state.status === 'none' || state.processingDeadline === undefined) return 'none';
  return classifyDeadline(
    { deadline: state.processingDeadline, met: !isUnprocessed(state) },
    now,
    dueSoonWithinMs,
  );
};

/** Processing of a notice or tip that came to us, while unprocessed (`notice_processing`). */
export const noticeOpenDeadlines = (state: NoticeState): readonly OpenDeadline[] =>
  isUnprocessed(state) && state.status !== 'none' && state.processingDeadline !== undefined
    ? [{ kind: 'notice_processing', due: state.processingDeadline, ref: state.caseId }]
    : [];

/** The originator's answers to our requests to pass a notice on (grants and refusals). */
export const disseminationGrants = (state: Notice): readonly DisseminationGrant[] =>
  (state.disseminationRequests ?? []).flatMap((request) => (request.answer ? [request.answer] : []));
