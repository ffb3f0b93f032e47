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
import { FollowOnLink } from '../rescue/events';
import {
  SuspectArrested,
  SuspectNotFound,
  WantedFollowOnProcess,
  WantedPersonAcknowledgement,
  WantedPersonEvent,
  WantedPersonRequestContent,
} from './events';

export type WantedPersonStatus = 'requested' | 'acknowledged' | 'arrested' | 'not_found';
export type WantedPersonSide = 'requesting' | 'requested';

export interface WantedProgressEntry {
  readonly summary: string;
  readonly by: WantedPersonSide;
  readonly messageId: string;
}

/** A wanted-person case: the request as it came, and where the search stands. */
export interface WantedPerson extends WantedPersonRequestContent {
  readonly status: WantedPersonStatus;
  readonly ourSide: WantedPersonSide;
  readonly theirSide: WantedPersonSide;
  readonly counterpart: string;
  readonly requestMessageId: string;
  readonly acknowledgement?: WantedPersonAcknowledgement;
  readonly progress: readonly WantedProgressEntry[];
  readonly arrest?: Omit<SuspectArrested, 'outcome'>;
  readonly notFound?: Omit<SuspectNotFound, 'outcome'>;
  /** The suspect hand-over opened after the arrest. */
  readonly linkedCases: readonly FollowOnLink<WantedFollowOnProcess>[];
  readonly trail: MessageTrail;
}

export type WantedPersonState = { readonly status: 'none' } | WantedPerson;

export const initialWantedPersonState = (): WantedPersonState => ({ status: 'none' });

const opened = (data: WantedPersonRequestContent, ourSide: WantedPersonSide, requestMessageId: string) => ({
  ...openingContent(data),
  status: 'requested' as const,
  ourSide,
  theirSide: ourSide === 'requesting' ? ('requested' as const) : ('requesting' as const),
  counterpart: ourSide === 'requesting' ? data.requestedAgency : data.requestingAgency,
  requestMessageId,
  progress: [],
  linkedCases: [],
});

const content = <T extends { readonly outcome: string }>(data: T) => {
  const { outcome: _outcome, ...rest } = openingContent(data);
  return rest;
};

export const evolveWantedPerson = (state: WantedPersonState, event: WantedPersonEvent): WantedPersonState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'WantedPersonRequested':
      return { ...opened(event.data, 'requesting', event.data.outbound.messageId), trail };
    case 'WantedPersonRequestReceived':
      return { ...opened(event.data, 'requested', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'WantedPersonAcknowledged':
      return { ...next, status: 'acknowledged', acknowledgement: openingContent(event.data) };
    case 'WantedPersonProgressReported': {
      const inbound = 'inbound' in event.data ? event.data.inbound : undefined;
      const messageId = inbound?.messageId ?? ('outbound' in event.data ? event.data.outbound.messageId : '');
      const by = inbound ? state.theirSide : state.ourSide;
      return { ...next, progress: [...state.progress, { summary: event.data.summary, by, messageId }] };
    }
    case 'WantedPersonArrested':
      return { ...next, status: 'arrested', arrest: content(event.data) };
    case 'WantedPersonNotFound':
      return { ...next, status: 'not_found', notFound: content(event.data) };
    case 'WantedPersonCaseLinked':
      return {
        ...next,
        linkedCases: [
          ...state.linkedCases,
          { process: event.data.process, linkedCaseId: event.data.linkedCaseId },
        ],
      };
    case 'WantedPersonMessageDelivered':
    case 'WantedPersonMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/** Where the requested side's acknowledgement stands against the request's deadline at `now`. */
export const wantedPersonDeadlineStatus = (
  state: WantedPersonState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus =>
  state.status === 'none'
    ? 'none'
    : classifyDeadline({ deadline: state.deadline, met: state.status !== 'requested' }, now, dueSoonWithinMs);

/** The requested side's acknowledgement while the request is open (`wanted_acknowledgement`). */
export const wantedPersonOpenDeadlines = (state: WantedPersonState): readonly OpenDeadline[] =>
  state.status === 'requested'
    ? [{ kind: 'wanted_acknowledgement', due: state.deadline, ref: state.requestMessageId }]
    : [];
