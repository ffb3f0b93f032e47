import { DomainError, domainError } from '../decider';
import { Evaluation, HandlingCode } from './handling';
import type { MessageTrail } from './trail';
import type { OutboundKind } from './outbound';

/**
 * What an officer chooses for a message unless they choose otherwise: one row per kind of message
 * (docs/confidentiality.md, "Handling and evaluation codes"). Messages naming victims stay with the
 * receiving agency; intelligence (notices, joint operations) goes to law enforcement but is not
 * evidence; procedural steps are graded by nobody (no evaluation: they report what an agency did).
 */
export interface HeaderCodes {
  readonly handling: HandlingCode;
  readonly evaluation?: Evaluation;
}

const code = (
  dissemination: HandlingCode['dissemination'],
  evidentialUse: HandlingCode['evidentialUse'],
) => ({
  dissemination,
  evidentialUse,
});
/** A victim's case: the receiving agency only, evidence once formally requested. */
const VICTIM_CASE: HeaderCodes = { handling: code('receiving_agency', 'after_formal_request') };
/** A step of a case (decided, scheduled, done, cancelled, linked): no grading. */
const PROCEDURAL: HeaderCodes = { handling: code('receiving_agency', 'permitted') };
/** What an agency found in its own records: official, corroborated. */
const OFFICIAL_FINDINGS: HeaderCodes = {
  handling: code('receiving_agency', 'after_formal_request'),
  evaluation: { source: 'a', information: 'corroborated' },
};
/** Intelligence shared between law-enforcement agencies, not to be used as evidence. */
const INTELLIGENCE: HeaderCodes = {
  handling: code('law_enforcement', 'intelligence_only'),
  evaluation: { source: 'b', information: 'known_to_source' },
};
/** A search for a person under a warrant: any law-enforcement agency may act on it. */
const WARRANT: HeaderCodes = { handling: code('law_enforcement', 'after_formal_request') };
/** Between the two agencies' liaison officers: meetings, missions, consent requests. */
const LIAISON: HeaderCodes = { handling: code('national_law_enforcement', 'permitted') };

export const HEADER_CODE_DEFAULTS: { readonly [K in OutboundKind]: HeaderCodes } = {
  VerificationRequest: VICTIM_CASE,
  VerificationAnswer: OFFICIAL_FINDINGS,
  VerificationAdditionalInformation: VICTIM_CASE,
  VerificationWithdrawal: PROCEDURAL,
  RepatriationRequest: VICTIM_CASE,
  RepatriationChildAdded: VICTIM_CASE,
  RepatriationDecision: PROCEDURAL,
  HandoverScheduling: PROCEDURAL,
  HandoverCompleted: PROCEDURAL,
  ReceptionConfirmed: PROCEDURAL,
  RepatriationCancellation: PROCEDURAL,
  SuspectHandoverRequest: WARRANT,
  SuspectHandoverDecision: PROCEDURAL,
  SuspectHandoverScheduling: PROCEDURAL,
  SuspectHandoverCompleted: PROCEDURAL,
  SuspectHandoverCancellation: PROCEDURAL,
  JointOperationProposal: { handling: code('receiving_agency', 'intelligence_only') },
  JointOperationAgreement: PROCEDURAL,
  JointOperationCaseLink: PROCEDURAL,
  JointOperationReport: { ...INTELLIGENCE, handling: code('receiving_agency', 'after_formal_request') },
  InformationNotice: INTELLIGENCE,
  LocateRescueRequest: VICTIM_CASE,
  LocateRescueAcknowledgement: PROCEDURAL,
  LocateRescueProgress: VICTIM_CASE,
  LocateRescueOutcome: OFFICIAL_FINDINGS,
  LocateRescueCaseLink: PROCEDURAL,
  WantedPersonRequest: WARRANT,
  WantedPersonAcknowledgement: PROCEDURAL,
  WantedPersonProgress: { handling: code('law_enforcement', 'intelligence_only') },
  WantedPersonOutcome: PROCEDURAL,
  WantedPersonCaseLink: PROCEDURAL,
  RepatriationMinutesProposal: PROCEDURAL,
  RepatriationMinutesCountersignature: PROCEDURAL,
  SuspectHandoverMinutesProposal: PROCEDURAL,
  SuspectHandoverMinutesCountersignature: PROCEDURAL,
  // An identification decision states the victim's story as its grounds: it stays with the receiver.
  VictimIdentification: VICTIM_CASE,
  LiaisonMeetingProposal: LIAISON,
  LiaisonMeetingAnswer: LIAISON,
  LiaisonMeetingHeld: LIAISON,
  LiaisonMeetingMinutes: LIAISON,
  LiaisonActionItemDone: LIAISON,
  MissionRequest: LIAISON,
  MissionDecision: LIAISON,
  MissionMovement: LIAISON,
  MissionOutcome: LIAISON,
  DisseminationRequest: PROCEDURAL,
  DisseminationAnswer: PROCEDURAL,
};

/** The codes a message of `kind` goes with: the officer's choice over the kind's defaults. */
export const headerCodesOf = (
  kind: OutboundKind,
  chosen: { readonly handling?: HandlingCode; readonly evaluation?: Evaluation } = {},
): HeaderCodes => {
  const defaults = HEADER_CODE_DEFAULTS[kind];
  const evaluation = chosen.evaluation ?? defaults.evaluation;
  return { handling: chosen.handling ?? defaults.handling, ...(evaluation ? { evaluation } : {}) };
};

/**
 * How far each code restricts, least first. `originator_consent` names a way to pass the message on
 * (ask), `receiving_agency` names none, so the latter restricts more; both need the originator's grant.
 */
const DISSEMINATION_RANK: { readonly [D in HandlingCode['dissemination']]: number } = {
  law_enforcement: 0,
  national_law_enforcement: 1,
  originator_consent: 2,
  receiving_agency: 3,
};
const EVIDENTIAL_RANK: { readonly [E in HandlingCode['evidentialUse']]: number } = {
  permitted: 0,
  after_formal_request: 1,
  intelligence_only: 2,
};

const joined = (...conditions: readonly (string | undefined)[]): string | undefined => {
  const kept = [...new Set(conditions.filter((c): c is string => c !== undefined && c.trim().length > 0))];
  return kept.length > 0 ? kept.join('; ') : undefined;
};

/** The stricter of two codes, part by part, with both codes' conditions. */
export const stricterHandling = (a: HandlingCode, b: HandlingCode): HandlingCode => {
  const dissemination =
    DISSEMINATION_RANK[a.dissemination] >= DISSEMINATION_RANK[b.dissemination]
      ? a.dissemination
      : b.dissemination;
  const evidentialUse =
    EVIDENTIAL_RANK[a.evidentialUse] >= EVIDENTIAL_RANK[b.evidentialUse] ? a.evidentialUse : b.evidentialUse;
  const conditions = joined(a.conditions, b.conditions);
  return { dissemination, evidentialUse, ...(conditions ? { conditions } : {}) };
};

/**
 * The highest restriction a case received: the stricter of every handling code of the counterpart
 * messages its trail recorded, or undefined when none came with one.
 */
export const highestReceivedHandling = (trail: MessageTrail): HandlingCode | undefined =>
  Object.values(trail.records ?? {})
    .flatMap((record) => (record.handling ? [record.handling] : []))
    .reduce<HandlingCode | undefined>(
      (highest, h) => (highest ? stricterHandling(highest, h) : h),
      undefined,
    );

/** A message received without a handling code is handled as the contract's default (receiving agency). */
export const UNMARKED_HANDLING: HandlingCode = code('receiving_agency', 'intelligence_only');

/** The originator's answer to a request to pass its message on to `recipient`. */
export interface DisseminationGrant {
  readonly requestId: string;
  readonly recipient: string;
  readonly granted: boolean;
  /** The originator's conditions for the grant (plain words, never particulars). */
  readonly conditions?: string;
}

const countryOfAgency = (agencyId: string) => agencyId.slice(0, 2);

/**
 * May what `originator` sent us under `handling` go from us (`us`) to `recipient`? `law_enforcement`:
 * yes; `national_law_enforcement`: to an agency of our own country only; `receiving_agency` and
 * `originator_consent`: only under the originator's grant naming the recipient. A grant lifts any
 * restriction for its recipient. The refusal is HANDLING_RESTRICTED on `counterpart` (the recipient).
 */
export const disseminationRefusal = (
  handling: HandlingCode | undefined,
  us: string,
  recipient: string,
  grants: readonly DisseminationGrant[],
): DomainError | undefined => {
  const { dissemination } = handling ?? UNMARKED_HANDLING;
  if (grants.some((grant) => grant.granted && grant.recipient === recipient)) return undefined;
  switch (dissemination) {
    case 'law_enforcement':
      return undefined;
    case 'national_law_enforcement':
      return countryOfAgency(recipient) === countryOfAgency(us)
        ? undefined
        : handlingRestricted(`the originator's code ${dissemination} keeps it within ${countryOfAgency(us)}`);
    case 'receiving_agency':
    case 'originator_consent':
      return handlingRestricted(
        `the originator's code ${dissemination} needs its grant to pass it on to ${recipient}`,
      );
    default: {
      const unknown: never = dissemination;
      return unknown;
    }
  }
};

const handlingRestricted = (reason: string): DomainError => ({
  ...domainError(
    'HANDLING_RESTRICTED',
    `counterpart: ${reason}; ask the originator (dissemination request)`,
    ['counterpart'],
  ),
  field: 'counterpart',
});

/**
 * The code a message passed on carries: the originator's, never less strict than the officer's choice,
 * with the originator's conditions and those of its grant (the recipient is bound by them too).
 */
export const forwardedHandling = (
  original: HandlingCode | undefined,
  grant: DisseminationGrant | undefined,
  chosen: HandlingCode | undefined,
): HandlingCode => {
  const base = original ?? UNMARKED_HANDLING;
  const withGrant = grant?.conditions
    ? { ...base, conditions: joined(base.conditions, grant.conditions) }
    : base;
  return chosen ? stricterHandling(withGrant, chosen) : withGrant;
};
