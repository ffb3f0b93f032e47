import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { Annexed, DeliveryEvent, Inbound, Outbound, PersonParticulars } from '../shared';

/** Whom the verification is about. */
export interface VerificationSubject {
  readonly role: 'victim' | 'suspect' | 'other';
  readonly person: PersonParticulars;
}
export const SUBJECT_ROLES: readonly VerificationSubject['role'][] = ['victim', 'suspect', 'other'];

/**
 * What the requester asks to verify, as the contract has it (each answered on its own): that the
 * person is who the particulars say, holds the claimed nationality, has the family named, holds
 * genuine documents, and whether a criminal record is held. A request asks a set of them.
 */
export type VerificationPurpose = 'identity' | 'nationality' | 'family' | 'documents' | 'criminal_record';
export const VERIFICATION_PURPOSES: readonly VerificationPurpose[] = [
  'identity',
  'nationality',
  'family',
  'documents',
  'criminal_record',
];
/** The one purpose word events stored before the set carried (identity and nationality at most). */
export type LegacyVerificationPurpose = 'identity' | 'nationality' | 'identity_and_nationality';

/**
 * How each purpose is answered: the first word of each pair establishes it (identity confirmed, family
 * traced, documents genuine, a record found), the second does not.
 */
export const PURPOSE_RESULTS = {
  identity: ['confirmed', 'not_confirmed'],
  nationality: ['confirmed', 'not_confirmed'],
  family: ['traced', 'not_traced'],
  documents: ['genuine', 'not_genuine'],
  criminal_record: ['found', 'none'],
} as const satisfies { readonly [P in VerificationPurpose]: readonly [string, string] };
export type PurposeResult<P extends VerificationPurpose> = (typeof PURPOSE_RESULTS)[P][number];
/** The answer to each purpose asked (and answered so far). */
export type PurposeAnswers = { readonly [P in VerificationPurpose]?: PurposeResult<P> };

/**
 * The purposes a stored request carries: its set, or for an event stored before the set, its one word
 * with the points of its annex (which then held family, documents and criminal record).
 */
export const storedPurposes = (data: {
  readonly purposes?: readonly VerificationPurpose[];
  readonly purpose?: LegacyVerificationPurpose;
  readonly annex?: { readonly points?: readonly string[] };
}): readonly VerificationPurpose[] => {
  if (data.purposes !== undefined) return data.purposes;
  const words = [
    ...(data.purpose === 'nationality' ? [] : ['identity']),
    ...(data.purpose === 'identity' ? [] : ['nationality']),
    ...(data.annex?.points ?? []),
  ];
  return VERIFICATION_PURPOSES.filter((purpose) => words.includes(purpose));
};

export type VerificationOutcome = 'confirmed' | 'not_found' | 'partial' | 'more_information_needed';
export const VERIFICATION_OUTCOMES: readonly VerificationOutcome[] = [
  'confirmed',
  'not_found',
  'partial',
  'more_information_needed',
];

export interface VerificationAnswer {
  readonly outcome: VerificationOutcome;
  /** What the responder found, or (for more_information_needed) what it needs. */
  readonly findings: string;
  /** The particulars as the responder's records hold them, when it found the person. */
  readonly person?: PersonParticulars;
  /**
   * Each purpose asked, answered on its own; every one for a final outcome (answers stored before
   * they were kept have none).
   */
  readonly answers?: PurposeAnswers;
}

/** The content of a verification request, as drafted and as sent on the wire. */
export interface VerificationRequestContent extends Annexed<'VerificationRequest'> {
  readonly caseId: string;
  readonly requester: string;
  readonly responder: string;
  readonly subject: VerificationSubject;
  /** What to verify: a set, in the order of VERIFICATION_PURPOSES. */
  readonly purposes: readonly VerificationPurpose[];
  readonly details: string;
  /** When the answer is due (ISO date-time). */
  readonly deadline: string;
}
/** A request as stored: events before the set carry one purpose word instead (`storedPurposes`). */
export type StoredRequestContent = Omit<VerificationRequestContent, 'purposes'> & {
  readonly purposes?: readonly VerificationPurpose[];
  readonly purpose?: LegacyVerificationPurpose;
};

export type VerificationRequestDrafted = DomainEvent<'VerificationRequestDrafted', StoredRequestContent>;
export type VerificationRequestSent = DomainEvent<
  'VerificationRequestSent',
  StoredRequestContent & { readonly outbound: Outbound }
>;
export type VerificationRequestReceived = DomainEvent<
  'VerificationRequestReceived',
  StoredRequestContent & { readonly inbound: Inbound }
>;
/** The answer: queued by the responder (`outbound`), applied from the counterpart by the requester (`inbound`). */
export type VerificationAnswered = DomainEvent<
  'VerificationAnswered',
  VerificationAnswer &
    Annexed<'VerificationAnswer'> & {
      readonly round: number;
      readonly outbound?: Outbound;
      readonly inbound?: Inbound;
    }
>;
/**
 * Another round after "more information needed"; carries the new deadline. On the wire it is a new
 * request in the same case, so the event also carries the case's subject and purposes (optional: events
 * stored before they were added lack them, and older ones carry one purpose word), and the queued message answers the answer
 * (`outbound.inReplyTo` = the "more information needed" answer's message id).
 */
export type VerificationAdditionalInformationProvided = DomainEvent<
  'VerificationAdditionalInformationProvided',
  {
    readonly round: number;
    readonly information: string;
    readonly deadline: string;
    readonly subject?: VerificationSubject;
    readonly purposes?: readonly VerificationPurpose[];
    readonly purpose?: LegacyVerificationPurpose;
    readonly annex?: Annexed<'VerificationAdditionalInformation'>['annex'];
    readonly outbound?: Outbound;
    readonly inbound?: Inbound;
  }
>;
export type VerificationWithdrawn = DomainEvent<
  'VerificationWithdrawn',
  { readonly reason: string; readonly outbound?: Outbound; readonly inbound?: Inbound }
>;
export type VerificationClosed = DomainEvent<'VerificationClosed', { readonly note?: string }>;

export type VerificationEvent =
  | VerificationRequestDrafted
  | VerificationRequestSent
  | VerificationRequestReceived
  | VerificationAnswered
  | VerificationAdditionalInformationProvided
  | VerificationWithdrawn
  | VerificationClosed
  | DeliveryEvent<'Verification'>;

export const VERIFICATION_EVENT_TYPES = everyTypeOf<VerificationEvent>()([
  'VerificationRequestDrafted',
  'VerificationRequestSent',
  'VerificationRequestReceived',
  'VerificationAnswered',
  'VerificationAdditionalInformationProvided',
  'VerificationWithdrawn',
  'VerificationClosed',
  'VerificationMessageDelivered',
  'VerificationMessageRejected',
]);

/** A timeline line without particulars. */
export const describeVerificationEvent = (event: VerificationEvent): string => {
  switch (event.type) {
    case 'VerificationRequestDrafted':
      return `Verification request drafted for ${event.data.responder} (${storedPurposes(event.data).join(', ')})`;
    case 'VerificationRequestSent':
      return `Verification request sent to ${event.data.responder}, due ${event.data.deadline}`;
    case 'VerificationRequestReceived':
      return `Verification request received from ${event.data.requester}, due ${event.data.deadline}`;
    case 'VerificationAnswered':
      return `Verification answered (round ${event.data.round}): ${event.data.outcome.replace(/_/g, ' ')}${describeAnswers(event.data.answers)}`;
    case 'VerificationAdditionalInformationProvided':
      return `Additional information provided (round ${event.data.round}), due ${event.data.deadline}`;
    case 'VerificationWithdrawn':
      return 'Verification request withdrawn';
    case 'VerificationClosed':
      return 'Verification closed';
    case 'VerificationMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'VerificationMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};

/** Each purpose's answer in words, e.g. "; identity confirmed, family traced" (no particulars). */
const describeAnswers = (answers: PurposeAnswers | undefined): string => {
  const words = VERIFICATION_PURPOSES.flatMap((purpose) => {
    const result = answers?.[purpose];
    return result === undefined ? [] : [`${purpose.replace(/_/g, ' ')} ${result.replace(/_/g, ' ')}`];
  });
  return words.length === 0 ? '' : `; ${words.join(', ')}`;
};

/**
 * Each purpose's answer as the case reads it: as given, or for an answer that gave none (a counterpart
 * before schema version 4, or an answer stored before they were kept), from its outcome (confirmed:
 * every purpose asked established; not found: none) or else from the points it listed as confirmed
 * and unconfirmed. Purposes neither says anything about stay unanswered.
 */
export const answersOf = (
  answer: VerificationAnswer & {
    readonly annex?: {
      readonly confirmedPoints?: readonly string[];
      readonly unconfirmedPoints?: readonly string[];
    };
  },
  asked: readonly VerificationPurpose[],
): PurposeAnswers => {
  if (answer.answers !== undefined) return answer.answers;
  const established = (purpose: VerificationPurpose): boolean | undefined => {
    if (answer.outcome === 'confirmed') return true;
    if (answer.outcome === 'not_found') return false;
    if (answer.annex?.confirmedPoints?.includes(purpose)) return true;
    if (answer.annex?.unconfirmedPoints?.includes(purpose)) return false;
    return undefined;
  };
  return Object.fromEntries(
    asked.flatMap((purpose) => {
      const yes = established(purpose);
      if (yes === undefined) return [];
      const [positive, negative] = PURPOSE_RESULTS[purpose];
      return [[purpose, yes ? positive : negative]];
    }),
  );
};

/** The purposes an answer establishes and those it does not, as the wire's point lists have them. */
export const pointsOfAnswers = (answers: PurposeAnswers) => {
  const established = (purpose: VerificationPurpose) => answers[purpose] === PURPOSE_RESULTS[purpose][0];
  return {
    confirmed: VERIFICATION_PURPOSES.filter(established),
    unconfirmed: VERIFICATION_PURPOSES.filter((p) => answers[p] !== undefined && !established(p)),
  };
};
