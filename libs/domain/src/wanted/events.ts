import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { DeliveryEvent, Inbound, Outbound, PersonParticulars, PhotoDigest } from '../shared';
import { FollowOnLink } from '../rescue/events';

type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

/**
 * A request to locate and arrest a suspect under a warrant, on both sides and on the wire. Either
 * country may request. An arrest leads into the suspect hand-over (libs/domain/src/handover), linked.
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

export interface WantedPersonAcknowledgement {
  readonly assignedUnit?: string;
  readonly note?: string;
}

export interface WantedPersonProgress {
  readonly summary: string;
}

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
export interface SuspectNotFound {
  readonly outcome: 'not_found';
  readonly note: string;
}
export type WantedPersonOutcome = SuspectArrested | SuspectNotFound;

/** The follow-on process an arrest leads into. */
export type WantedFollowOnProcess = 'handover';
export const WANTED_FOLLOW_ON_PROCESSES: readonly WantedFollowOnProcess[] = ['handover'];

export type WantedPersonRequested = DomainEvent<
  'WantedPersonRequested',
  WantedPersonRequestContent & { readonly outbound: Outbound }
>;
export type WantedPersonRequestReceived = DomainEvent<
  'WantedPersonRequestReceived',
  WantedPersonRequestContent & { readonly inbound: Inbound }
>;
export type WantedPersonAcknowledged = DomainEvent<
  'WantedPersonAcknowledged',
  WantedPersonAcknowledgement & Marked
>;
export type WantedPersonProgressReported = DomainEvent<
  'WantedPersonProgressReported',
  WantedPersonProgress & Marked
>;
export type WantedPersonArrested = DomainEvent<'WantedPersonArrested', SuspectArrested & Marked>;
export type WantedPersonNotFound = DomainEvent<'WantedPersonNotFound', SuspectNotFound & Marked>;
export type WantedPersonCaseLinked = DomainEvent<
  'WantedPersonCaseLinked',
  FollowOnLink<WantedFollowOnProcess> & Marked
>;

export type WantedPersonEvent =
  | WantedPersonRequested
  | WantedPersonRequestReceived
  | WantedPersonAcknowledged
  | WantedPersonProgressReported
  | WantedPersonArrested
  | WantedPersonNotFound
  | WantedPersonCaseLinked
  | DeliveryEvent<'WantedPerson'>;

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
  switch (event.type) {
    case 'WantedPersonRequested':
      return `Wanted-person request sent to ${event.data.requestedAgency}`;
    case 'WantedPersonRequestReceived':
      return `Wanted-person request received from ${event.data.requestingAgency}`;
    case 'WantedPersonAcknowledged':
      return 'Wanted-person request acknowledged';
    case 'WantedPersonProgressReported':
      return 'Progress reported';
    case 'WantedPersonArrested':
      return 'Wanted person arrested';
    case 'WantedPersonNotFound':
      return 'Search ended: wanted person not found';
    case 'WantedPersonCaseLinked':
      return `Linked ${event.data.process} case ${event.data.linkedCaseId}`;
    case 'WantedPersonMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'WantedPersonMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
