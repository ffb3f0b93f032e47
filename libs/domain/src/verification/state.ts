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
  answersOf,
  storedPurposes,
  StoredRequestContent,
  VerificationAnswer,
  VerificationEvent,
  VerificationRequestContent,
} from './events';

export type VerificationStatus =
  'drafted' | 'sent' | 'delivered' | 'received' | 'answered' | 'closed' | 'withdrawn';

/** Which side of the request this node is: the requester asks, the responder answers. */
export type VerificationSide = 'requester' | 'responder';

/**
 * A verification case: the request's content as it came, and where the case stands. `outgoing`: we
 * ask the counterpart; `incoming`: the counterpart asks us.
 */
export interface Verification extends VerificationRequestContent {
  readonly status: VerificationStatus;
  readonly direction: 'outgoing' | 'incoming';
  /** `requester` for an outgoing case, `responder` for an incoming one. */
  readonly ourSide: VerificationSide;
  readonly theirSide: VerificationSide;
  /** The other agency. */
  readonly counterpart: string;
  /** The current round's deadline. */
  readonly deadline: string;
  /** 1, plus one per additional-information round. */
  readonly round: number;
  readonly answer?: VerificationAnswer;
  /** The message that opened the current round (our request or the counterpart's). */
  readonly roundMessageId?: string;
  /** The message that carried the current round's answer (ours or the counterpart's). */
  readonly answerMessageId?: string;
  readonly withdrawalReason?: string;
  /** The request's annex (file reference, points, form of trafficking), kept for sending a draft. */
  readonly annex?: VerificationRequestContent['annex'];
  readonly trail: MessageTrail;
}

export type VerificationState = { readonly status: 'none' } | Verification;

export const initialVerificationState = (): VerificationState => ({ status: 'none' });

const opened = (
  data: StoredRequestContent,
  status: VerificationStatus,
  direction: Verification['direction'],
): Omit<Verification, 'trail'> => {
  const { purpose: _legacy, ...content } = openingContent(data);
  return {
    ...content,
    purposes: storedPurposes(data),
    status,
    direction,
    ourSide: direction === 'outgoing' ? 'requester' : 'responder',
    theirSide: direction === 'outgoing' ? 'responder' : 'requester',
    counterpart: direction === 'outgoing' ? data.responder : data.requester,
    round: 1,
    ...(data.annex === undefined ? {} : { annex: data.annex }),
  };
};

export const evolveVerification = (state: VerificationState, event: VerificationEvent): VerificationState => {
  const trail = trailAfter(state.status === 'none' ? emptyTrail : state.trail, event);
  switch (event.type) {
    case 'VerificationRequestDrafted':
      return { ...opened(event.data, 'drafted', 'outgoing'), trail };
    case 'VerificationRequestReceived':
      return {
        ...opened(event.data, 'received', 'incoming'),
        roundMessageId: event.data.inbound.messageId,
        trail,
      };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'VerificationRequestSent':
      return { ...state, status: 'sent', roundMessageId: event.data.outbound.messageId, trail };
    case 'VerificationAnswered': {
      const { outcome, findings, person } = event.data;
      const answers = answersOf(event.data, state.purposes);
      const answer = { outcome, findings, ...(person === undefined ? {} : { person }), answers };
      const answerMessageId = (event.data.outbound ?? event.data.inbound)?.messageId;
      return { ...state, status: 'answered', answer, answerMessageId, trail };
    }
    case 'VerificationAdditionalInformationProvided':
      return {
        ...state,
        status: state.direction === 'outgoing' ? 'sent' : 'received',
        round: event.data.round,
        deadline: event.data.deadline,
        // What this round asks (a round stored before it said keeps the case's).
        purposes:
          event.data.purposes === undefined && event.data.purpose === undefined
            ? state.purposes
            : storedPurposes(event.data),
        answer: undefined,
        answerMessageId: undefined,
        roundMessageId: (event.data.outbound ?? event.data.inbound)?.messageId,
        trail,
      };
    case 'VerificationWithdrawn':
      return { ...state, status: 'withdrawn', withdrawalReason: event.data.reason, trail };
    case 'VerificationClosed':
      return { ...state, status: 'closed', trail };
    case 'VerificationMessageDelivered': {
      const advanced = state.status === 'sent' && event.data.messageId === state.roundMessageId;
      return {
        ...state,
        status: advanced ? 'delivered' : state.status,
        trail: trailAfterDelivery(trail, event.data),
      };
    }
    case 'VerificationMessageRejected':
      return { ...state, trail: trailAfterDelivery(trail, event.data) };
    default:
      return unchanged(event, state);
  }
};

/**
 * Where the case stands against the current round's deadline at `now`: it runs while the answer is
 * awaited (sent, delivered, received), is `met` once answered or closed after an answer, and is
 * `none` for drafts, withdrawn cases and cases waiting on the requester's additional information.
 */
export const verificationDeadlineStatus = (
  state: VerificationState,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus => {
  if (state.status === 'none') return 'none';
  const awaiting = state.status === 'sent' || state.status === 'delivered' || state.status === 'received';
  const answered =
    (state.status === 'answered' || state.status === 'closed') &&
    state.answer !== undefined &&
    state.answer.outcome !== 'more_information_needed';
  if (!awaiting && !answered) return 'none';
  return classifyDeadline({ deadline: state.deadline, met: answered }, now, dueSoonWithinMs);
};

/** The status an officer sees: the stored status, or `overdue` when the awaited answer is late. */
export const verificationStatusAt = (
  state: VerificationState,
  now: string,
): VerificationState['status'] | 'overdue' =>
  verificationDeadlineStatus(state, now) === 'overdue' ? 'overdue' : state.status;

/**
 * What the case waits on: the answer while the round is awaited (`verification_answer`, ref = the
 * round's message), or, after "more information needed", the requester's additional information
 * (`more_information`, ref = that answer's message). Asking for more does not stop the clock: the
 * round's deadline stays in force until the requester opens the next round with a new one.
 */
export const verificationOpenDeadlines = (state: VerificationState): readonly OpenDeadline[] => {
  if (state.status === 'none') return [];
  const ref = state.roundMessageId ?? `round:${state.round}`;
  if (state.status === 'sent' || state.status === 'delivered' || state.status === 'received')
    return [{ kind: 'verification_answer', due: state.deadline, ref }];
  if (state.status === 'answered' && state.answer?.outcome === 'more_information_needed')
    return [{ kind: 'more_information', due: state.deadline, ref: state.answerMessageId ?? ref }];
  return [];
};
