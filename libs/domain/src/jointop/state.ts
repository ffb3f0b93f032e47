import { openingContent, unchanged } from '../case-process';
import {
  calendarDateOf,
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  MessageTrail,
  trailAfter,
  trailAfterDelivery,
  OpenDeadline,
} from '../shared';
import {
  JointOperationEvent,
  JointOperationProposalContent,
  JointOperationTerms,
  JointResultReport,
  LinkableProcess,
} from './events';

export type JointOperationStatus = 'proposed' | 'agreed' | 'declined' | 'closed';
export type JointOperationSide = 'proposer' | 'partner';

export interface LinkedCase {
  readonly process: LinkableProcess;
  readonly caseId: string;
}

/** A joint operation: the proposal's content as it came, and where the operation stands. */
export interface JointOperation extends JointOperationProposalContent {
  readonly status: JointOperationStatus;
  readonly ourSide: JointOperationSide;
  readonly theirSide: JointOperationSide;
  readonly counterpart: string;
  /** The proposed terms until agreed, then the agreed ones. */
  readonly terms: JointOperationTerms;
  readonly proposalMessageId: string;
  readonly declineReason?: string;
  readonly linkedCases: readonly LinkedCase[];
  readonly report?: JointResultReport;
  readonly trail: MessageTrail;
}

export type JointOperationState = { readonly status: 'none' } | JointOperation;

export const initialJointOperationState = (): JointOperationState => ({ status: 'none' });

const opened = (
  data: JointOperationProposalContent,
  ourSide: JointOperationSide,
  proposalMessageId: string,
) => ({
  ...openingContent(data),
  status: 'proposed' as const,
  ourSide,
  theirSide: ourSide === 'proposer' ? ('partner' as const) : ('proposer' as const),
  counterpart: ourSide === 'proposer' ? data.partner : data.proposer,
  proposalMessageId,
  linkedCases: [],
});

export const evolveJointOperation = (
  state: JointOperationState,
  event: JointOperationEvent,
): JointOperationState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'JointOperationProposed':
      return { ...opened(event.data, 'proposer', event.data.outbound.messageId), trail };
    case 'JointOperationProposalReceived':
      return { ...opened(event.data, 'partner', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'JointOperationAgreed':
      return { ...next, status: 'agreed', terms: event.data.terms };
    case 'JointOperationDeclined':
      return { ...next, status: 'declined', declineReason: event.data.reason };
    case 'JointOperationCaseLinked':
      return {
        ...next,
        linkedCases: [...state.linkedCases, { process: event.data.process, caseId: event.data.linkedCaseId }],
      };
    case 'JointOperationClosed':
      return { ...next, status: 'closed', report: event.data.report };
    case 'JointOperationMessageDelivered':
    case 'JointOperationMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/** Where an agreed operation stands in its period; `active` and `ended` are derived from the dates. */
export type JointOperationPhase = 'none' | 'proposed' | 'declined' | 'agreed' | 'active' | 'ended' | 'closed';

/**
 * The phase at `now`. Activation is derived from the agreed dates, not from a command: both sides
 * agreed the period, so neither needs to announce its start, and replaying the history at any moment
 * gives the same phase. Dates are compared at `utcOffsetMinutes` (default 0, UTC; 420 for Indochina time).
 */
export const jointOperationPhase = (
  state: JointOperationState,
  now: string,
  utcOffsetMinutes = 0,
): JointOperationPhase => {
  if (state.status !== 'agreed') return state.status;
  const today = calendarDateOf(now, utcOffsetMinutes);
  if (today < state.terms.startDate) return 'agreed';
  return today <= state.terms.endDate ? 'active' : 'ended';
};

/** Where the partner's answer to the proposal stands against its deadline at `now`. */
export const jointOperationDeadlineStatus = (
  state: JointOperationState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus =>
  state.status === 'none'
    ? 'none'
    : classifyDeadline({ deadline: state.deadline, met: state.status !== 'proposed' }, now, dueSoonWithinMs);

/** The partner's answer while the joint operation is proposed (`jointop_answer`). */
export const jointOperationOpenDeadlines = (state: JointOperationState): readonly OpenDeadline[] =>
  state.status === 'proposed'
    ? [{ kind: 'jointop_answer', due: state.deadline, ref: state.proposalMessageId }]
    : [];
