import { openingContent, unchanged } from '../case-process';
import {
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  MessageTrail,
  trailAfter,
  trailAfterDelivery,
  OpenDeadline,
} from '../shared';
import {
  FollowOnLink,
  LocateRescueAcknowledgement,
  LocateRescueEvent,
  LocateRescueRequestContent,
  PersonLocated,
  PersonNotFound,
  PersonRescued,
  RescueFollowOnProcess,
} from './events';

export type LocateRescueStatus = 'requested' | 'acknowledged' | 'located' | 'rescued' | 'not_found';
export type LocateRescueSide = 'requesting' | 'requested';

/** A progress report as the case keeps it: who sent it and in which message. */
export interface ProgressEntry {
  readonly summary: string;
  readonly by: LocateRescueSide;
  readonly messageId: string;
}

/** A locate-and-rescue case: the request as it came, and where the search stands. */
export interface LocateRescue extends LocateRescueRequestContent {
  readonly status: LocateRescueStatus;
  readonly ourSide: LocateRescueSide;
  readonly theirSide: LocateRescueSide;
  readonly counterpart: string;
  readonly requestMessageId: string;
  readonly acknowledgement?: LocateRescueAcknowledgement;
  readonly progress: readonly ProgressEntry[];
  readonly located?: Omit<PersonLocated, 'outcome'>;
  readonly rescued?: Omit<PersonRescued, 'outcome'>;
  readonly notFound?: Omit<PersonNotFound, 'outcome'>;
  /** Verification and repatriation cases opened after the rescue. */
  readonly linkedCases: readonly FollowOnLink<RescueFollowOnProcess>[];
  readonly trail: MessageTrail;
}

export type LocateRescueState = { readonly status: 'none' } | LocateRescue;

export const initialLocateRescueState = (): LocateRescueState => ({ status: 'none' });

const opened = (data: LocateRescueRequestContent, ourSide: LocateRescueSide, requestMessageId: string) => ({
  ...openingContent(data),
  status: 'requested' as const,
  ourSide,
  theirSide: ourSide === 'requesting' ? ('requested' as const) : ('requesting' as const),
  counterpart: ourSide === 'requesting' ? data.requestedAgency : data.requestingAgency,
  requestMessageId,
  progress: [],
  linkedCases: [],
});

/** An outcome's content without its marker and tag, as the case keeps it. */
const content = <T extends { readonly outcome: string }>(data: T) => {
  const { outcome: _outcome, ...rest } = openingContent(data);
  return rest;
};

export const evolveLocateRescue = (state: LocateRescueState, event: LocateRescueEvent): LocateRescueState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'LocateRescueRequested':
      return { ...opened(event.data, 'requesting', event.data.outbound.messageId), trail };
    case 'LocateRescueRequestReceived':
      return { ...opened(event.data, 'requested', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'LocateRescueAcknowledged':
      return { ...next, status: 'acknowledged', acknowledgement: openingContent(event.data) };
    case 'LocateRescueProgressReported': {
      const inbound = 'inbound' in event.data ? event.data.inbound : undefined;
      const messageId = inbound?.messageId ?? ('outbound' in event.data ? event.data.outbound.messageId : '');
      const by = inbound ? state.theirSide : state.ourSide;
      return { ...next, progress: [...state.progress, { summary: event.data.summary, by, messageId }] };
    }
    case 'MissingPersonLocated':
      return { ...next, status: 'located', located: content(event.data) };
    case 'MissingPersonRescued':
      return { ...next, status: 'rescued', rescued: content(event.data) };
    case 'MissingPersonNotFound':
      return { ...next, status: 'not_found', notFound: content(event.data) };
    case 'LocateRescueCaseLinked':
      return {
        ...next,
        linkedCases: [
          ...state.linkedCases,
          { process: event.data.process, linkedCaseId: event.data.linkedCaseId },
        ],
      };
    case 'LocateRescueMessageDelivered':
    case 'LocateRescueMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/** Where the requested side's acknowledgement stands against the request's deadline at `now`. */
export const locateRescueDeadlineStatus = (
  state: LocateRescueState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus =>
  state.status === 'none'
    ? 'none'
    : classifyDeadline({ deadline: state.deadline, met: state.status !== 'requested' }, now, dueSoonWithinMs);

/** The requested side's acknowledgement while the request is open (`rescue_acknowledgement`). */
export const locateRescueOpenDeadlines = (state: LocateRescueState): readonly OpenDeadline[] =>
  state.status === 'requested'
    ? [{ kind: 'rescue_acknowledgement', due: state.deadline, ref: state.requestMessageId }]
    : [];
