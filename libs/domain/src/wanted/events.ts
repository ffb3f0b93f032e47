import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import {
  describeSearchFact,
  Marked,
  SearchAcknowledgement,
  SearchEvent,
  searchFactOf,
  SearchNames,
  SearchNotFound,
  SearchProgress,
} from '../search';
import { PersonParticulars, PhotoDigest } from '../shared';

/**
 * A request to locate and arrest a suspect under a warrant, on both sides and on the wire. Either
 * country may request. An arrest leads into the suspect hand-over (libs/domain/src/handover), linked.
 * Its life cycle is the search's (libs/domain/src/search); what is its own is below.
 */
export interface WantedPersonRequestContent {
  readonly caseId: string;
  /** The side that holds the warrant. */
  readonly requestingAgency: string;
  /** The side asked to locate and arrest the suspect. */
  readonly requestedAgency: string;
  readonly suspect: PersonParticulars;
  /** Number of the warrant as written. */
  readonly warrantReference: string;
  /** Authority that issued the warrant. */
  readonly warrantIssuedBy: string;
  /** Date of issue, `YYYY-MM-DD`. */
  readonly warrantIssuedOn: string;
  /** The offences, with the article of the code. */
  readonly offences: string;
  /** Digest of the scanned warrant (`sha256:<64 hex>`), which travels through the formal channel. */
  readonly warrantDocumentDigest?: string;
  /** Where the suspect was last known to be, in plain words. */
  readonly lastKnownPlace?: string;
  readonly photos: readonly PhotoDigest[];
  /** When the requested side's acknowledgement is due (ISO date-time). */
  readonly deadline: string;
}

export type WantedPersonAcknowledgement = SearchAcknowledgement;
export type WantedPersonProgress = SearchProgress;

/** The suspect was arrested. */
export interface SuspectArrested {
  readonly outcome: 'arrested';
  /** When (ISO date-time). */
  readonly at: string;
  readonly place: string;
  /** Where the suspect is held. */
  readonly heldAt?: string;
  readonly note?: string;
}
/** The search ended without an arrest. */
export type SuspectNotFound = SearchNotFound;
export type WantedPersonOutcome = SuspectArrested | SuspectNotFound;

/** The follow-on process an arrest leads into. */
export type WantedFollowOnProcess = 'handover';
export const WANTED_FOLLOW_ON_PROCESSES: readonly WantedFollowOnProcess[] = ['handover'];

export type WantedPersonArrested = DomainEvent<'WantedPersonArrested', SuspectArrested & Marked>;
export type WantedPersonNotFound = DomainEvent<'WantedPersonNotFound', SuspectNotFound & Marked>;

type Common = SearchEvent<'WantedPerson', WantedPersonRequestContent, WantedFollowOnProcess>;
type Named<T extends Common['type']> = Extract<Common, { readonly type: T }>;
export type WantedPersonRequested = Named<'WantedPersonRequested'>;
export type WantedPersonRequestReceived = Named<'WantedPersonRequestReceived'>;
export type WantedPersonAcknowledged = Named<'WantedPersonAcknowledged'>;
export type WantedPersonProgressReported = Named<'WantedPersonProgressReported'>;
export type WantedPersonCaseLinked = Named<'WantedPersonCaseLinked'>;

export type WantedPersonEvent = Common | WantedPersonArrested | WantedPersonNotFound;

/** The names of the search's steps for wanted persons. */
export const WANTED_PERSON_NAMES: SearchNames<'WantedPerson', WantedPersonOutcome> = {
  prefix: 'WantedPerson',
  outcomeEvents: { arrested: 'WantedPersonArrested', not_found: 'WantedPersonNotFound' },
};

export const WANTED_PERSON_EVENT_TYPES = everyTypeOf<WantedPersonEvent>()([
  'WantedPersonRequested',
  'WantedPersonRequestReceived',
  'WantedPersonAcknowledged',
  'WantedPersonProgressReported',
  'WantedPersonArrested',
  'WantedPersonNotFound',
  'WantedPersonCaseLinked',
  'WantedPersonMessageDelivered',
  'WantedPersonMessageRejected',
]);

/** A timeline line: no particulars (no names, places, warrant numbers). */
export const describeWantedPersonEvent = (event: WantedPersonEvent): string => {
  const fact = searchFactOf(WANTED_PERSON_NAMES, event);
  return fact
    ? describeSearchFact(
        {
          request: 'Wanted-person request',
          outcomes: {
            arrested: 'Wanted person arrested',
            not_found: 'Search ended: wanted person not found',
          },
        },
        fact,
      )
    : event.type;
};
