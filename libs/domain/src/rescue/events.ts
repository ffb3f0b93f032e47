import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { DeliveryEvent, Inbound, Outbound, PersonParticulars, PhotoDigest } from '../shared';

type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

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
 * the wire. Either country may request (direction-neutral).
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

/** The requested side takes the request on. */
export interface LocateRescueAcknowledgement {
  /** The unit in charge of the search. */
  readonly assignedUnit?: string;
  readonly note?: string;
}

/** What one side learnt while the search goes on (either side; any number). */
export interface LocateRescueProgress {
  readonly summary: string;
}

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
export interface PersonNotFound {
  readonly outcome: 'not_found';
  /** What was done and why the search ended. */
  readonly note: string;
}
export type LocateRescueOutcome = PersonLocated | PersonRescued | PersonNotFound;

/** The follow-on processes a rescue leads into. */
export type RescueFollowOnProcess = 'verification' | 'repatriation';
export const RESCUE_FOLLOW_ON_PROCESSES: readonly RescueFollowOnProcess[] = ['verification', 'repatriation'];

/** A follow-on case opened after the rescue (its own case id on both nodes). */
export interface FollowOnLink<P extends string = string> {
  readonly process: P;
  readonly linkedCaseId: string;
}

export type LocateRescueRequested = DomainEvent<
  'LocateRescueRequested',
  LocateRescueRequestContent & { readonly outbound: Outbound }
>;
export type LocateRescueRequestReceived = DomainEvent<
  'LocateRescueRequestReceived',
  LocateRescueRequestContent & { readonly inbound: Inbound }
>;
export type LocateRescueAcknowledged = DomainEvent<
  'LocateRescueAcknowledged',
  LocateRescueAcknowledgement & Marked
>;
export type LocateRescueProgressReported = DomainEvent<
  'LocateRescueProgressReported',
  LocateRescueProgress & Marked
>;
export type MissingPersonLocated = DomainEvent<'MissingPersonLocated', PersonLocated & Marked>;
export type MissingPersonRescued = DomainEvent<'MissingPersonRescued', PersonRescued & Marked>;
export type MissingPersonNotFound = DomainEvent<'MissingPersonNotFound', PersonNotFound & Marked>;
export type LocateRescueCaseLinked = DomainEvent<
  'LocateRescueCaseLinked',
  FollowOnLink<RescueFollowOnProcess> & Marked
>;

export type LocateRescueEvent =
  | LocateRescueRequested
  | LocateRescueRequestReceived
  | LocateRescueAcknowledged
  | LocateRescueProgressReported
  | MissingPersonLocated
  | MissingPersonRescued
  | MissingPersonNotFound
  | LocateRescueCaseLinked
  | DeliveryEvent<'LocateRescue'>;

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
  switch (event.type) {
    case 'LocateRescueRequested':
      return `Locate-and-rescue request sent to ${event.data.requestedAgency}`;
    case 'LocateRescueRequestReceived':
      return `Locate-and-rescue request received from ${event.data.requestingAgency}`;
    case 'LocateRescueAcknowledged':
      return 'Locate-and-rescue request acknowledged';
    case 'LocateRescueProgressReported':
      return 'Progress reported';
    case 'MissingPersonLocated':
      return 'Missing person located';
    case 'MissingPersonRescued':
      return 'Missing person rescued';
    case 'MissingPersonNotFound':
      return 'Search ended: person not found';
    case 'LocateRescueCaseLinked':
      return `Linked ${event.data.process} case ${event.data.linkedCaseId}`;
    case 'LocateRescueMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'LocateRescueMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
