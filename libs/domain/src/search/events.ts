/**
 * What a locate-and-rescue and a wanted-person request share: one life cycle (request, acknowledge,
 * progress, outcome, link to the follow-on case) over two payloads and two outcome sets. Each process
 * names its events, commands and wire kinds from its prefix (`LocateRescue`, `WantedPerson`) and keeps
 * only its request, its outcomes and its words (docs/architecture.md, "The processes").
 */
import { DomainEvent } from '../decider';
import { DeliveryEvent, DeliveryEventData, Inbound, Outbound, RejectionEventData } from '../shared';

/** The prefix of a search process's event, command and wire names. */
export type SearchPrefix = 'LocateRescue' | 'WantedPerson';

/** Where an event of a two-sided step came from, or what it queues. */
export type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

/** What every search request carries besides its own payload. */
export interface SearchRequestBase {
  readonly caseId: string;
  /** The side that asks. */
  readonly requestingAgency: string;
  /** The side asked to search. */
  readonly requestedAgency: string;
  /** When the requested side's acknowledgement is due (ISO date-time). */
  readonly deadline: string;
}

/** The requested side takes the request on. */
export interface SearchAcknowledgement {
  /** The unit in charge of the search. */
  readonly assignedUnit?: string;
  readonly note?: string;
}

/** What one side learnt while the search goes on (either side; any number). */
export interface SearchProgress {
  readonly summary: string;
}

/** An outcome of the search: a tagged payload of the process's own. */
export interface SearchOutcomeBase {
  readonly outcome: string;
}

/** The search ended without finding the person (both processes). */
export interface SearchNotFound {
  readonly outcome: 'not_found';
  /** What was done and why the search ended. */
  readonly note: string;
}

/** A follow-on case opened after the outcome (its own case id on both nodes). */
export interface FollowOnLink<P extends string = string> {
  readonly process: P;
  readonly linkedCaseId: string;
}

/** The events every search process has, named from its prefix (its outcome events are its own). */
export type SearchEvent<P extends SearchPrefix, C extends SearchRequestBase, F extends string> =
  | DomainEvent<`${P}Requested`, C & { readonly outbound: Outbound }>
  | DomainEvent<`${P}RequestReceived`, C & { readonly inbound: Inbound }>
  | DomainEvent<`${P}Acknowledged`, SearchAcknowledgement & Marked>
  | DomainEvent<`${P}ProgressReported`, SearchProgress & Marked>
  | DomainEvent<`${P}CaseLinked`, FollowOnLink<F> & Marked>
  | DeliveryEvent<P>;

/** The life-cycle step an event records, with its data: what the shared evolve and timeline read. */
export type SearchFact<C extends SearchRequestBase, O extends SearchOutcomeBase, F extends string> =
  | { readonly step: 'requested'; readonly data: C & { readonly outbound: Outbound } }
  | { readonly step: 'received'; readonly data: C & { readonly inbound: Inbound } }
  | { readonly step: 'acknowledged'; readonly data: SearchAcknowledgement & Marked }
  | { readonly step: 'progress'; readonly data: SearchProgress & Marked }
  | { readonly step: 'outcome'; readonly data: O & Marked }
  | { readonly step: 'linked'; readonly data: FollowOnLink<F> & Marked }
  | { readonly step: 'delivered'; readonly data: DeliveryEventData }
  | { readonly step: 'rejected'; readonly data: RejectionEventData };

/** The names one search process gives its events: from its prefix, plus its outcome events. */
export interface SearchNames<P extends SearchPrefix, O extends SearchOutcomeBase> {
  readonly prefix: P;
  /** The event type of each outcome (`rescued` → `MissingPersonRescued`). */
  readonly outcomeEvents: { readonly [K in O['outcome']]: string };
}

/** Every event type of a search process, for its `everyTypeOf` list. */
export const searchEventTypes = <P extends SearchPrefix, O extends SearchOutcomeBase>(
  names: SearchNames<P, O>,
): readonly string[] => {
  const p = names.prefix;
  const outcomes: readonly string[] = Object.values(names.outcomeEvents);
  return [
    `${p}Requested`,
    `${p}RequestReceived`,
    `${p}Acknowledged`,
    `${p}ProgressReported`,
    ...outcomes,
  ].concat([`${p}CaseLinked`, `${p}MessageDelivered`, `${p}MessageRejected`]);
};

/**
 * The step an event of the process records. Event types are the process's names for the steps (built
 * from `names` here and in its event union alike), so the step found by name is the step of the data:
 * this is the one place a name is read as a step, and why the data's type is asserted.
 */
export const searchFactOf = <
  P extends SearchPrefix,
  C extends SearchRequestBase,
  O extends SearchOutcomeBase,
  F extends string,
>(
  names: SearchNames<P, O>,
  event: DomainEvent,
): SearchFact<C, O, F> | undefined => {
  const p = names.prefix;
  const steps: Readonly<Record<string, SearchFact<C, O, F>['step']>> = {
    [`${p}Requested`]: 'requested',
    [`${p}RequestReceived`]: 'received',
    [`${p}Acknowledged`]: 'acknowledged',
    [`${p}ProgressReported`]: 'progress',
    [`${p}CaseLinked`]: 'linked',
    [`${p}MessageDelivered`]: 'delivered',
    [`${p}MessageRejected`]: 'rejected',
  };
  const outcomes: readonly string[] = Object.values(names.outcomeEvents);
  const step = outcomes.includes(event.type) ? 'outcome' : steps[event.type];
  return step === undefined ? undefined : ({ step, data: event.data } as SearchFact<C, O, F>);
};

/** A process's words for its timeline (no particulars: no names, places, phone numbers, warrants). */
export interface SearchWords<O extends SearchOutcomeBase> {
  /** The request, as in "Locate-and-rescue request sent to …". */
  readonly request: string;
  readonly outcomes: { readonly [K in O['outcome']]: string };
}

/** A timeline line for an event of a search process. */
export const describeSearchFact = <O extends SearchOutcomeBase>(
  words: SearchWords<O>,
  fact: SearchFact<SearchRequestBase, O, string>,
): string => {
  switch (fact.step) {
    case 'requested':
      return `${words.request} sent to ${fact.data.requestedAgency}`;
    case 'received':
      return `${words.request} received from ${fact.data.requestingAgency}`;
    case 'acknowledged':
      return `${words.request} acknowledged`;
    case 'progress':
      return 'Progress reported';
    case 'outcome':
      return outcomeWords(words, fact.data);
    case 'linked':
      return `Linked ${fact.data.process} case ${fact.data.linkedCaseId}`;
    case 'delivered':
      return `${fact.data.kind} delivered`;
    case 'rejected':
      return `${fact.data.kind} rejected by the counterpart: ${fact.data.reason}`;
    default: {
      const unhandled: never = fact;
      return unhandled;
    }
  }
};

const outcomeWords = <O extends SearchOutcomeBase>(words: SearchWords<O>, outcome: O): string => {
  const said: Readonly<Record<string, string>> = words.outcomes;
  return said[outcome.outcome] ?? outcome.outcome;
};
