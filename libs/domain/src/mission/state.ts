import { openingContent, unchanged } from '../case-process';
import {
  BorderGateRef,
  emptyTrail,
  MessageTrail,
  OpenDeadline,
  trailAfter,
  trailAfterDelivery,
} from '../shared';
import { MissionEvent, MissionRequestContent } from './events';

export type MissionStatus = 'requested' | 'accepted' | 'refused' | 'arrived' | 'departed' | 'closed';
export type MissionSide = 'requester' | 'host';

export interface Crossing {
  readonly at: string;
  readonly gate: BorderGateRef;
}

/** A working group or delegation: the request as it came, and where the mission stands. */
export interface Mission extends MissionRequestContent {
  readonly status: MissionStatus;
  readonly ourSide: MissionSide;
  readonly theirSide: MissionSide;
  readonly counterpart: string;
  readonly requestMessageId: string;
  readonly decisionRemarks?: string;
  readonly refusalReason?: string;
  readonly arrival?: Crossing;
  readonly departure?: Crossing;
  readonly outcome?: { readonly summary: string; readonly linkedCaseIds: readonly string[] };
  readonly trail: MessageTrail;
}

export type MissionState = { readonly status: 'none' } | Mission;

export const initialMissionState = (): MissionState => ({ status: 'none' });

const opened = (data: MissionRequestContent, ourSide: MissionSide, requestMessageId: string) => ({
  ...openingContent(data),
  status: 'requested' as const,
  ourSide,
  theirSide: ourSide === 'requester' ? ('host' as const) : ('requester' as const),
  counterpart: ourSide === 'requester' ? data.host : data.requester,
  requestMessageId,
});

export const evolveMission = (state: MissionState, event: MissionEvent): MissionState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'MissionRequested':
      return { ...opened(event.data, 'requester', event.data.outbound.messageId), trail };
    case 'MissionRequestReceived':
      return { ...opened(event.data, 'host', event.data.inbound.messageId), trail };
  }
  if (state.status === 'none') return state;
  const next = { ...state, trail };
  switch (event.type) {
    case 'MissionAccepted':
      return {
        ...next,
        status: 'accepted',
        ...(event.data.remarks === undefined ? {} : { decisionRemarks: event.data.remarks }),
      };
    case 'MissionRefused':
      return { ...next, status: 'refused', refusalReason: event.data.reason };
    case 'MissionArrived':
      return { ...next, status: 'arrived', arrival: { at: event.data.at, gate: event.data.gate } };
    case 'MissionDeparted':
      return { ...next, status: 'departed', departure: { at: event.data.at, gate: event.data.gate } };
    case 'MissionClosed':
      return {
        ...next,
        status: 'closed',
        outcome: { summary: event.data.summary, linkedCaseIds: event.data.linkedCaseIds },
      };
    case 'MissionMessageDelivered':
    case 'MissionMessageRejected':
      return { ...next, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/** The host's answer while the request is open (`mission_answer`, ref = the request's message id). */
export const missionOpenDeadlines = (state: MissionState): readonly OpenDeadline[] =>
  state.status === 'requested'
    ? [{ kind: 'mission_answer', due: state.deadline, ref: state.requestMessageId }]
    : [];
