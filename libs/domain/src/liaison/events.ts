import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { DeliveryEvent, Inbound, Outbound } from '../shared';

type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

export const MEETING_KINDS = ['regular', 'ad_hoc', 'annual_review'] as const;
/** Regular (giao ban định kỳ), ad hoc (đột xuất), or the annual review held in turn. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MECHANISM_LEVELS = ['central', 'provincial', 'border_post'] as const;
/** The level of the three-level border mechanism a meeting is held at. */
export type MechanismLevel = (typeof MECHANISM_LEVELS)[number];

/** One action item agreed in the minutes. */
export interface ActionItem {
  /** Its number in the minutes, from 1: how both sides name it. */
  readonly number: number;
  readonly description: string;
  /** The agency that owns it: one of the meeting's two sides. */
  readonly owner: string;
  /** When it is due (ISO date-time). */
  readonly deadline: string;
}

export interface LiaisonMeetingProposalContent {
  readonly caseId: string;
  readonly proposer: string;
  readonly partner: string;
  readonly kind: MeetingKind;
  readonly level: MechanismLevel;
  readonly agenda: readonly string[];
  readonly place: string;
  /** When the meeting starts (ISO date-time). */
  readonly startsAt: string;
  /** When the answer is due (ISO date-time). */
  readonly deadline: string;
  /** The agency hosting the meeting (the annual review's turn). */
  readonly host: string;
}

export type LiaisonMeetingProposed = DomainEvent<
  'LiaisonMeetingProposed',
  LiaisonMeetingProposalContent & { readonly outbound: Outbound }
>;
export type LiaisonMeetingProposalReceived = DomainEvent<
  'LiaisonMeetingProposalReceived',
  LiaisonMeetingProposalContent & { readonly inbound: Inbound }
>;
/** The date and place last proposed are agreed. */
export type LiaisonMeetingAgreed = DomainEvent<
  'LiaisonMeetingAgreed',
  { readonly decision: 'agreed'; readonly place: string; readonly startsAt: string } & Marked
>;
/** Another date or place is proposed; the other side now answers, by `deadline`. */
export type LiaisonMeetingCounterProposed = DomainEvent<
  'LiaisonMeetingCounterProposed',
  {
    readonly decision: 'counter_proposed';
    readonly place: string;
    readonly startsAt: string;
    readonly reason?: string;
    readonly deadline: string;
  } & Marked
>;
export type LiaisonMeetingHeld = DomainEvent<
  'LiaisonMeetingHeld',
  { readonly heldAt: string; readonly attendees: readonly string[] } & Marked
>;
/** The minutes close the meeting; their action items stay tracked until done. */
export type LiaisonMeetingMinutesRecorded = DomainEvent<
  'LiaisonMeetingMinutesRecorded',
  {
    readonly summary: string;
    readonly actionItems: readonly ActionItem[];
    readonly minutesReference?: string;
  } & Marked
>;
export type LiaisonActionItemDone = DomainEvent<
  'LiaisonActionItemDone',
  { readonly number: number; readonly doneAt: string; readonly remarks?: string } & Marked
>;

export type LiaisonMeetingEvent =
  | LiaisonMeetingProposed
  | LiaisonMeetingProposalReceived
  | LiaisonMeetingAgreed
  | LiaisonMeetingCounterProposed
  | LiaisonMeetingHeld
  | LiaisonMeetingMinutesRecorded
  | LiaisonActionItemDone
  | DeliveryEvent<'LiaisonMeeting'>;

export const LIAISON_MEETING_EVENT_TYPES = everyTypeOf<LiaisonMeetingEvent>()([
  'LiaisonMeetingProposed',
  'LiaisonMeetingProposalReceived',
  'LiaisonMeetingAgreed',
  'LiaisonMeetingCounterProposed',
  'LiaisonMeetingHeld',
  'LiaisonMeetingMinutesRecorded',
  'LiaisonActionItemDone',
  'LiaisonMeetingMessageDelivered',
  'LiaisonMeetingMessageRejected',
]);

/** A timeline line (agenda, places and minutes are free text: left out). */
export const describeLiaisonMeetingEvent = (event: LiaisonMeetingEvent): string => {
  switch (event.type) {
    case 'LiaisonMeetingProposed':
      return `${event.data.kind} ${event.data.level} liaison meeting proposed to ${event.data.partner} for ${event.data.startsAt}`;
    case 'LiaisonMeetingProposalReceived':
      return `${event.data.kind} ${event.data.level} liaison meeting proposed by ${event.data.proposer} for ${event.data.startsAt}`;
    case 'LiaisonMeetingAgreed':
      return `Liaison meeting agreed for ${event.data.startsAt}`;
    case 'LiaisonMeetingCounterProposed':
      return `Liaison meeting counter-proposed for ${event.data.startsAt}`;
    case 'LiaisonMeetingHeld':
      return `Liaison meeting held at ${event.data.heldAt}`;
    case 'LiaisonMeetingMinutesRecorded':
      return `Minutes recorded with ${event.data.actionItems.length} action items`;
    case 'LiaisonActionItemDone':
      return `Action item ${event.data.number} done`;
    case 'LiaisonMeetingMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'LiaisonMeetingMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
