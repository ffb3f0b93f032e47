import { Command } from '../decider';
import { DeliveryCommand, StepRule } from '../shared';
import { ActionItem, MechanismLevel, MeetingKind } from './events';
import { LiaisonMeetingSide, LiaisonMeetingStatus } from './state';

interface ProposalData {
  readonly caseId: string;
  readonly kind: MeetingKind;
  readonly level: MechanismLevel;
  readonly agenda: readonly string[];
  readonly place: string;
  readonly startsAt: string;
  /** When the answer is due (ISO date-time). */
  readonly deadline: string;
}
interface CounterProposalData {
  readonly place: string;
  readonly startsAt: string;
  readonly reason?: string;
  readonly deadline: string;
}
interface HeldData {
  readonly heldAt: string;
  readonly attendees?: readonly string[];
}
interface MinutesData {
  readonly summary: string;
  readonly actionItems?: readonly ActionItem[];
  readonly minutesReference?: string;
}

/** Proposes a meeting to `counterpart` (`LiaisonMeetingProposal`); `host` defaults to this agency. */
export type ProposeLiaisonMeeting = Command<
  'ProposeLiaisonMeeting',
  ProposalData & { readonly counterpart: string; readonly host?: string }
>;
/** Inbound `LiaisonMeetingProposal`. */
export type ReceiveLiaisonMeetingProposal = Command<
  'ReceiveLiaisonMeetingProposal',
  ProposalData & { readonly host: string }
>;
/** The awaited side agrees the last proposed date and place (`LiaisonMeetingAnswer`). */
export type AgreeLiaisonMeeting = Command<'AgreeLiaisonMeeting', Record<string, never> | undefined>;
/** The awaited side proposes another date or place (`LiaisonMeetingAnswer`). */
export type CounterProposeLiaisonMeeting = Command<'CounterProposeLiaisonMeeting', CounterProposalData>;
/** Inbound `LiaisonMeetingAnswer`: an agreement (the date and place as agreed) or a counter-proposal. */
export type RecordLiaisonMeetingAnswer = Command<
  'RecordLiaisonMeetingAnswer',
  | { readonly decision: 'agreed'; readonly place: string; readonly startsAt: string }
  | ({ readonly decision: 'counter_proposed' } & CounterProposalData)
>;
/** Either side records that the meeting took place (`LiaisonMeetingHeld`). */
export type RecordLiaisonMeetingHeld = Command<'RecordLiaisonMeetingHeld', HeldData>;
/** Inbound `LiaisonMeetingHeld`. */
export type ReceiveLiaisonMeetingHeld = Command<'ReceiveLiaisonMeetingHeld', HeldData>;
/** Either side closes the meeting with its minutes and action items (`LiaisonMeetingMinutes`). */
export type RecordLiaisonMeetingMinutes = Command<'RecordLiaisonMeetingMinutes', MinutesData>;
/** Inbound `LiaisonMeetingMinutes`. */
export type ReceiveLiaisonMeetingMinutes = Command<'ReceiveLiaisonMeetingMinutes', MinutesData>;
/** The owning side marks an action item done (`LiaisonActionItemDone`); done now. */
export type CompleteLiaisonActionItem = Command<
  'CompleteLiaisonActionItem',
  { readonly number: number; readonly remarks?: string }
>;
/** Inbound `LiaisonActionItemDone`. */
export type ReceiveLiaisonActionItemDone = Command<
  'ReceiveLiaisonActionItemDone',
  { readonly number: number; readonly doneAt: string; readonly remarks?: string }
>;

export type LiaisonMeetingOpeningCommand = ProposeLiaisonMeeting | ReceiveLiaisonMeetingProposal;
export type LiaisonMeetingStepCommand =
  | AgreeLiaisonMeeting
  | CounterProposeLiaisonMeeting
  | RecordLiaisonMeetingAnswer
  | RecordLiaisonMeetingHeld
  | ReceiveLiaisonMeetingHeld
  | RecordLiaisonMeetingMinutes
  | ReceiveLiaisonMeetingMinutes
  | CompleteLiaisonActionItem
  | ReceiveLiaisonActionItemDone;
export type LiaisonMeetingCommand =
  LiaisonMeetingOpeningCommand | LiaisonMeetingStepCommand | DeliveryCommand;

/**
 * Who takes each step and from which statuses. The answer alternates between the sides (whoever did
 * not make the last proposal answers it) and an action item is marked done by the agency owning it:
 * both are checked in decide, beyond the table.
 */
export const LIAISON_MEETING_RULES: {
  readonly [T in LiaisonMeetingStepCommand['type']]: StepRule<LiaisonMeetingStatus, LiaisonMeetingSide>;
} = {
  AgreeLiaisonMeeting: { by: 'either', from: ['proposed'], inbound: false },
  CounterProposeLiaisonMeeting: { by: 'either', from: ['proposed'], inbound: false },
  RecordLiaisonMeetingAnswer: { by: 'either', from: ['proposed'], inbound: true },
  RecordLiaisonMeetingHeld: { by: 'either', from: ['agreed'], inbound: false },
  // Both sides may record the meeting held at the same time: the second record changes nothing.
  ReceiveLiaisonMeetingHeld: { by: 'either', from: ['agreed', 'held'], inbound: true },
  RecordLiaisonMeetingMinutes: { by: 'either', from: ['held'], inbound: false },
  ReceiveLiaisonMeetingMinutes: { by: 'either', from: ['held'], inbound: true },
  CompleteLiaisonActionItem: { by: 'either', from: ['closed'], inbound: false },
  ReceiveLiaisonActionItemDone: { by: 'either', from: ['closed'], inbound: true },
};
