import { DomainEvent } from '../decider';
import { openingContent, type NoCase } from '../case-process';
import {
  classifyDeadline,
  DeadlineStatus,
  emptyTrail,
  MessageTrail,
  OpenDeadline,
  trailAfter,
  trailAfterDelivery,
} from '../shared';
import {
  FollowOnLink,
  Marked,
  SearchAcknowledgement,
  searchFactOf,
  SearchNames,
  SearchOutcomeBase,
  SearchPrefix,
  SearchRequestBase,
} from './events';

export type SearchSide = 'requesting' | 'requested';
/** Requested until acknowledged, then searching until an outcome (`X`, the process's outcomes). */
export type SearchStatus<X extends string> = 'requested' | 'acknowledged' | X;

/** A progress report as the case keeps it: who sent it and in which message. */
export interface ProgressEntry {
  readonly summary: string;
  readonly by: SearchSide;
  readonly messageId: string;
}

/** A search case: the request as it came (`C`), and where the search stands. */
export type SearchCase<C extends SearchRequestBase, X extends string, F extends string> = C & {
  readonly status: SearchStatus<X>;
  readonly ourSide: SearchSide;
  readonly theirSide: SearchSide;
  readonly counterpart: string;
  readonly requestMessageId: string;
  readonly acknowledgement?: SearchAcknowledgement;
  readonly progress: readonly ProgressEntry[];
  /** The follow-on cases opened after the outcome. */
  readonly linkedCases: readonly FollowOnLink<F>[];
  readonly trail: MessageTrail;
};

/** How a process folds what differs: its request's content, and an outcome into its own fields. */
export interface SearchFold<C extends SearchRequestBase, O extends SearchOutcomeBase, S> {
  /** The request's content as the case keeps it (the event's data without its message marker). */
  readonly content: (data: C & Marked) => C;
  /** The case after an outcome: its status and the outcome under the process's own field. */
  readonly afterOutcome: (state: S, outcome: O & Marked) => S;
}

/** An outcome's content without its tag and message marker, as the case keeps it. */
export const outcomeContent = <T extends SearchOutcomeBase>(data: T & Marked) => {
  const { outcome: _outcome, ...rest } = openingContent(data);
  return rest;
};

const opened = <C extends SearchRequestBase, X extends string, F extends string>(
  content: C,
  ourSide: SearchSide,
  requestMessageId: string,
  trail: MessageTrail,
): SearchCase<C, X, F> => ({
  ...content,
  status: 'requested',
  ourSide,
  theirSide: ourSide === 'requesting' ? 'requested' : 'requesting',
  counterpart: ourSide === 'requesting' ? content.requestedAgency : content.requestingAgency,
  requestMessageId,
  progress: [],
  linkedCases: [],
  trail,
});

/** Whether the case is open (a search case's status is a string, so `none` does not narrow by itself). */
const isOpen = <S extends { readonly status: string }>(state: S | NoCase): state is S =>
  state.status !== 'none';

/** The evolve of a search process: the shared life cycle, with the process's fold of what differs. */
export const searchEvolve =
  <
    P extends SearchPrefix,
    C extends SearchRequestBase,
    O extends SearchOutcomeBase,
    F extends string,
    S extends SearchCase<C, O['outcome'], F>,
  >(
    names: SearchNames<P, O>,
    fold: SearchFold<C, O, S>,
  ) =>
  (state: S | NoCase, event: DomainEvent): S | SearchCase<C, O['outcome'], F> | NoCase => {
    const fact = searchFactOf<P, C, O, F>(names, event);
    const trail = trailAfter(isOpen(state) ? state.trail : emptyTrail, event);
    if (fact?.step === 'requested')
      return opened(fold.content(fact.data), 'requesting', fact.data.outbound.messageId, trail);
    if (fact?.step === 'received')
      return opened(fold.content(fact.data), 'requested', fact.data.inbound.messageId, trail);
    if (!isOpen(state) || fact === undefined) return state;
    const next = { ...state, trail };
    switch (fact.step) {
      case 'acknowledged':
        return { ...next, status: 'acknowledged', acknowledgement: openingContent(fact.data) };
      case 'progress': {
        const inbound = 'inbound' in fact.data ? fact.data.inbound : undefined;
        const messageId = inbound?.messageId ?? ('outbound' in fact.data ? fact.data.outbound.messageId : '');
        const by = inbound ? state.theirSide : state.ourSide;
        return { ...next, progress: [...state.progress, { summary: fact.data.summary, by, messageId }] };
      }
      case 'outcome':
        return fold.afterOutcome(next, fact.data);
      case 'linked': {
        const link: FollowOnLink<F> = { process: fact.data.process, linkedCaseId: fact.data.linkedCaseId };
        return { ...next, linkedCases: [...state.linkedCases, link] };
      }
      case 'delivered':
      case 'rejected':
        return { ...next, trail: trailAfterDelivery(trail, fact.data) };
    }
  };

/** Where the requested side's acknowledgement stands against the request's deadline at `now`. */
export const searchDeadlineStatus = (
  state: NoCase | SearchCase<SearchRequestBase, string, string>,
  now: string,
  dueSoonWithinMs?: number,
): DeadlineStatus =>
  isOpen(state)
    ? classifyDeadline({ deadline: state.deadline, met: state.status !== 'requested' }, now, dueSoonWithinMs)
    : 'none';

/** The requested side's acknowledgement while the request is open (`kind`, e.g. `rescue_acknowledgement`). */
export const searchOpenDeadlines =
  (kind: string) =>
  (state: NoCase | SearchCase<SearchRequestBase, string, string>): readonly OpenDeadline[] =>
    isOpen(state) && state.status === 'requested'
      ? [{ kind, due: state.deadline, ref: state.requestMessageId }]
      : [];
