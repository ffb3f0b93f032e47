import { openingContent, unchanged } from '../case-process';
import {
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  MessageTrail,
  OpenDeadline,
  trailAfter,
  trailAfterDelivery,
} from '../shared';
import { ActionItem, LiaisonMeetingEvent, LiaisonMeetingProposalContent } from './events';

export type LiaisonMeetingStatus = 'proposed' | 'agreed' | 'held' | 'closed';
export type LiaisonMeetingSide = 'proposer' | 'partner';

/** An action item as both nodes track it until the owning side marks it done. */
export interface TrackedActionItem extends ActionItem {
  readonly done: boolean;
  readonly doneAt?: string;
  readonly remarks?: string;
}

/** A liaison meeting: the proposal as it came, the date and place as they stand, the minutes' items. */
export interface LiaisonMeeting extends LiaisonMeetingProposalContent {
  readonly status: LiaisonMeetingStatus;
  readonly ourSide: LiaisonMeetingSide;
  readonly theirSide: LiaisonMeetingSide;
  readonly counterpart: string;
  /** While proposed: the side that answers the last proposal or counter-proposal. */
  readonly awaiting: LiaisonMeetingSide;
  /** The message the awaited answer replies to (the proposal, then each counter-proposal). */
  readonly lastProposalMessageId: string;
  /** How many counter-proposals were made (`place` and `startsAt` hold the last proposed, then the agreed). */
  readonly counterProposals: number;
  readonly heldAt?: string;
  readonly attendees?: readonly string[];
  readonly summary?: string;
  readonly minutesReference?: string;
  readonly actionItems: readonly TrackedActionItem[];
  readonly trail: MessageTrail;
}

export type LiaisonMeetingState = { readonly status: 'none' } | LiaisonMeeting;

export const initialLiaisonMeetingState = (): LiaisonMeetingState => ({ status: 'none' });

const other = (side: LiaisonMeetingSide): LiaisonMeetingSide =>
  side === 'proposer' ? 'partner' : 'proposer';

const opened = (data: LiaisonMeetingProposalContent, ourSide: LiaisonMeetingSide, messageId: string) => ({
  ...openingContent(data),
  status: 'proposed' as const,
  ourSide,
  theirSide: other(ourSide),
  counterpart: ourSide === 'proposer' ? data.partner : data.proposer,
  awaiting: 'partner' as const,
  lastProposalMessageId: messageId,
  counterProposals: 0,
  actionItems: [],
});

/** The side that took a step: ours when it queued a message, theirs when it came as one. */
const actingSide = (state: LiaisonMeeting, data: object): LiaisonMeetingSide =>
  'outbound' in data ? state.ourSide : state.theirSide;
const messageIdOf = (data: object): string =>
  'outbound' in data
    ? (data as { outbound: { messageId: string } }).outbound.messageId
    : (data as { inbound: { messageId: string } }).inbound.messageId;

export const evolveLiaisonMeeting = (
  state: LiaisonMeetingState,
  event: LiaisonMeetingEvent,
): LiaisonMeetingState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'LiaisonMeetingProposed':
      return { ...opened(event.data, 'proposer', event.data.outbound.messageId), trail };
    case 'LiaisonMeetingProposalReceived':
      return { ...opened(event.data, 'partner', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'LiaisonMeetingAgreed':
      return { ...next, status: 'agreed', place: event.data.place, startsAt: event.data.startsAt };
    case 'LiaisonMeetingCounterProposed':
      return {
        ...next,
        place: event.data.place,
        startsAt: event.data.startsAt,
        deadline: event.data.deadline,
        awaiting: other(actingSide(state, event.data)),
        lastProposalMessageId: messageIdOf(event.data),
        counterProposals: state.counterProposals + 1,
      };
    case 'LiaisonMeetingHeld':
      return { ...next, status: 'held', heldAt: event.data.heldAt, attendees: event.data.attendees };
    case 'LiaisonMeetingMinutesRecorded':
      return {
        ...next,
        status: 'closed',
        summary: event.data.summary,
        ...(event.data.minutesReference === undefined
          ? {}
          : { minutesReference: event.data.minutesReference }),
        actionItems: event.data.actionItems.map((item) => ({ ...item, done: false })),
      };
    case 'LiaisonActionItemDone':
      return {
        ...next,
        actionItems: state.actionItems.map((item) =>
          item.number === event.data.number
            ? {
                ...item,
                done: true,
                doneAt: event.data.doneAt,
                ...(event.data.remarks === undefined ? {} : { remarks: event.data.remarks }),
              }
            : item,
        ),
      };
    case 'LiaisonMeetingMessageDelivered':
    case 'LiaisonMeetingMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/** The reference of an action item among a case's open deadlines. */
export const actionItemRef = (number: number): string => `item:${number}`;

/**
 * Every deadline the meeting still waits on: the answer to the last proposal while it is open
 * (`meeting_answer`, ref = that proposal's message id), then each action item not yet done
 * (`action_item`, ref `item:<n>`, due its deadline). Pure: an escalation mechanism classifies each
 * with `classifyDeadline({ deadline: due, met: false }, now)`.
 */
export const liaisonMeetingOpenDeadlines = (state: LiaisonMeetingState): readonly OpenDeadline[] => {
  if (state.status === 'none') return [];
  const answer: OpenDeadline[] =
    state.status === 'proposed'
      ? [{ kind: 'meeting_answer', due: state.deadline, ref: state.lastProposalMessageId }]
      : [];
  const items = state.actionItems
    .filter((item) => !item.done)
    .map((item) => ({ kind: 'action_item', due: item.deadline, ref: actionItemRef(item.number) }));
  return [...answer, ...items];
};

/** Where each action item stands against its deadline at `now` (`met` once done). */
export const actionItemStatuses = (
  state: LiaisonMeetingState,
  now: string,
  dueSoonWithinMs?: number,
): readonly { readonly number: number; readonly status: DeadlineStatus }[] =>
  state.status === 'none'
    ? []
    : state.actionItems.map((item) => ({
        number: item.number,
        status: classifyDeadline({ deadline: item.deadline, met: item.done }, now, dueSoonWithinMs),
      }));
