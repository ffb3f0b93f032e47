import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import {
  FollowOnLink,
  Marked,
  SearchAcknowledgement,
  SearchEvent,
  searchFactOf,
  SearchNames,
  SearchNotFound,
  SearchProgress,
  describeSearchFact,
} from '../search';
import { PersonParticulars, PhotoDigest } from '../shared';

/** When and where the family last heard from the missing person. */
export interface LastContact {
  /** ISO date of the last contact. */
  readonly date: string;
  /** Where the person was, or said she was, in plain words. */
  readonly place: string;
  /** How the contact happened (phone call, social media message), in plain words. */
  readonly means?: string;
}

/**
 * A request to locate and rescue a missing person (a woman or child believed trafficked across the
 * border), as the family reported it to the commune police: everything known, on both sides and on
 * the wire. Either country may request (direction-neutral). Its life cycle is the search's
 * (libs/domain/src/search); what is its own is below.
 */
export interface LocateRescueRequestContent {
  readonly caseId: string;
  /** The side that asks (usually the person's home country). */
  readonly requestingAgency: string;
  /** The side asked to locate and rescue her. */
  readonly requestedAgency: string;
  readonly missingPerson: PersonParticulars;
  readonly lastContact: LastContact;
  /** Phone numbers the person used or was called from (particulars: never logged). */
  readonly phoneNumbers: readonly string[];
  /** Where she is believed to be, in plain words. */
  readonly suspectedPlace?: string;
  /** Photos by digest; the images travel through the formal channel. */
  readonly photos: readonly PhotoDigest[];
  /** The family's report in brief (circumstances of the disappearance). */
  readonly circumstances: string;
  /** When the requested side's acknowledgement is due (ISO date-time). */
  readonly deadline: string;
}

export type LocateRescueAcknowledgement = SearchAcknowledgement;
export type LocateRescueProgress = SearchProgress;

/** The person was found but is not yet in safety. */
export interface PersonLocated {
  readonly outcome: 'located';
  /** When she was located (ISO date-time). */
  readonly at: string;
  readonly place: string;
  readonly note?: string;
}
/** The person was rescued, with her particulars as established at the rescue. */
export interface PersonRescued {
  readonly outcome: 'rescued';
  /** When she was rescued (ISO date-time). */
  readonly at: string;
  readonly place: string;
  /** Particulars as the rescuing side established them (they may differ from the family's report). */
  readonly person: PersonParticulars;
  /** Where she is now (shelter, police station). */
  readonly heldAt?: string;
  readonly note?: string;
}
/** The search ended without finding the person. */
export type PersonNotFound = SearchNotFound;
export type LocateRescueOutcome = PersonLocated | PersonRescued | PersonNotFound;

/** The follow-on processes a rescue leads into. */
export type RescueFollowOnProcess = 'verification' | 'repatriation';
export const RESCUE_FOLLOW_ON_PROCESSES: readonly RescueFollowOnProcess[] = ['verification', 'repatriation'];

export type MissingPersonLocated = DomainEvent<'MissingPersonLocated', PersonLocated & Marked>;
export type MissingPersonRescued = DomainEvent<'MissingPersonRescued', PersonRescued & Marked>;
export type MissingPersonNotFound = DomainEvent<'MissingPersonNotFound', PersonNotFound & Marked>;

type Common = SearchEvent<'LocateRescue', LocateRescueRequestContent, RescueFollowOnProcess>;
type Named<T extends Common['type']> = Extract<Common, { readonly type: T }>;
export type LocateRescueRequested = Named<'LocateRescueRequested'>;
export type LocateRescueRequestReceived = Named<'LocateRescueRequestReceived'>;
export type LocateRescueAcknowledged = Named<'LocateRescueAcknowledged'>;
export type LocateRescueProgressReported = Named<'LocateRescueProgressReported'>;
export type LocateRescueCaseLinked = Named<'LocateRescueCaseLinked'>;

export type LocateRescueEvent = Common | MissingPersonLocated | MissingPersonRescued | MissingPersonNotFound;

/** The names of the search's steps for locate-and-rescue. */
export const LOCATE_RESCUE_NAMES: SearchNames<'LocateRescue', LocateRescueOutcome> = {
  prefix: 'LocateRescue',
  outcomeEvents: {
    located: 'MissingPersonLocated',
    rescued: 'MissingPersonRescued',
    not_found: 'MissingPersonNotFound',
  },
};

export const LOCATE_RESCUE_EVENT_TYPES = everyTypeOf<LocateRescueEvent>()([
  'LocateRescueRequested',
  'LocateRescueRequestReceived',
  'LocateRescueAcknowledged',
  'LocateRescueProgressReported',
  'MissingPersonLocated',
  'MissingPersonRescued',
  'MissingPersonNotFound',
  'LocateRescueCaseLinked',
  'LocateRescueMessageDelivered',
  'LocateRescueMessageRejected',
]);

/** A timeline line: no particulars (no names, places, phone numbers). */
export const describeLocateRescueEvent = (event: LocateRescueEvent): string => {
  const fact = searchFactOf(LOCATE_RESCUE_NAMES, event);
  return fact
    ? describeSearchFact(
        {
          request: 'Locate-and-rescue request',
          outcomes: {
            located: 'Missing person located',
            rescued: 'Missing person rescued',
            not_found: 'Search ended: person not found',
          },
        },
        fact,
      )
    : event.type;
};

export type { FollowOnLink };
