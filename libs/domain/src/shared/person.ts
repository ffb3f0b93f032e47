import {
  isCalendarDay,
  isCountryCode,
  isIsoDate,
  isNonEmptyText,
  isUuid,
  Problems,
  prefixed,
  problems,
} from './values';

/**
 * Particulars of a person (victim, accompanying child, suspect, person named in a notice), holding
 * everything the contract's `Person` carries. They travel inside events and messages, and must never
 * appear in refusal reasons, timeline lines or logs. Only what the contract requires is required here:
 * a romanised name (an unnamed infant is recorded under a descriptive romanised name); everything else
 * may be unknown.
 */
export interface PersonParticulars {
  /**
   * The reference of the agency that first recorded the person (the wire's `person_id`, a UUID), kept
   * as given and repeated in every later message about the person. Absent for persons recorded here
   * before it was kept: the wire mapping then derives one from the case.
   */
  readonly personId?: string;
  readonly name: PersonName;
  /** Aliases, names in another language, married names. */
  readonly otherNames?: readonly PersonName[];
  readonly dateOfBirth?: PartialDate;
  /** Apparent age in years when no date of birth is known. */
  readonly estimatedAgeYears?: number;
  /** Absent when not stated. */
  readonly sex?: Sex;
  /** ISO 3166 alpha-2 of the nationality the person claims. */
  readonly claimedNationality?: string;
  readonly ethnicGroup?: string;
  /** The home address as one line in its original script, when it was given that way. */
  readonly homeAddress?: string;
  /** The home address by administrative level (the contract's `Address` fields). */
  readonly homeAddressParts?: AddressParts;
  readonly identityDocuments: readonly IdentityDocument[];
  /** Digest of a photo held elsewhere: `sha256:<64 hex>`. */
  readonly photoDigest?: string;
  /** Children travelling with the person (repatriation keeps a victim's children in the case instead). */
  readonly accompanyingChildren?: readonly TravellingChild[];
  /** Languages spoken, BCP 47 tags (`vi`, `hmn`, `zh`, `lo`). */
  readonly languages?: readonly string[];
  /** Names of the father, mother or spouse as given, to help verification at home. */
  readonly relativesNamed?: readonly PersonName[];
}

export interface PersonName {
  /** As written in the person's own script (e.g. Hán, Lao, Vietnamese with diacritics); empty when unknown. */
  readonly original: string;
  /** Romanised (Latin script, no diacritics required). */
  readonly romanised: string;
  /** ISO 15924 code of the original script (`Latn`, `Hans`, `Laoo`). */
  readonly script?: string;
  /** The family name as it appears inside `romanised`. */
  readonly familyNameRomanised?: string;
}

/** A date as far as it is known; each absent part is unknown. */
export interface PartialDate {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** The known parts are themselves an estimate. */
  readonly approximate?: boolean;
}

/** An address by the region's administrative levels. */
export interface AddressParts {
  /** ISO 3166 alpha-2 of the country the address lies in. */
  readonly country?: string;
  readonly province?: string;
  readonly district?: string;
  readonly commune?: string;
  readonly village?: string;
  readonly detail?: string;
}

export type Sex = 'female' | 'male' | 'unknown';
export const SEXES: readonly Sex[] = ['female', 'male', 'unknown'];

export type IdentityDocumentType =
  | 'passport'
  | 'national_id'
  | 'household_registration'
  | 'birth_certificate'
  | 'border_pass'
  | 'travel_document'
  | 'other';
export const IDENTITY_DOCUMENT_TYPES: readonly IdentityDocumentType[] = [
  'passport',
  'national_id',
  'household_registration',
  'birth_certificate',
  'border_pass',
  'travel_document',
  'other',
];

export interface IdentityDocument {
  readonly type: IdentityDocumentType;
  /** As printed; empty when unknown (a document remembered, not seen). */
  readonly number: string;
  /** ISO 3166 alpha-2; empty when unknown. */
  readonly issuingCountry: string;
  readonly issuingAuthority?: string;
  readonly issuedOn?: PartialDate;
  /** ISO date, when the document states a full one. */
  readonly expiresOn?: string;
  /** The date of expiry when only part of it is known (or it is an estimate). */
  readonly expiry?: PartialDate;
  /** Physically seen, rather than only claimed or remembered. */
  readonly seen?: boolean;
  /** Remarks, or what an `other` document is. */
  readonly description?: string;
}

/** How an accompanying child relates to the person it travels with. */
export type ChildRelationship = 'child' | 'relative' | 'unrelated';
export const CHILD_RELATIONSHIPS: readonly ChildRelationship[] = ['child', 'relative', 'unrelated'];

/** A child travelling with a person. */
export interface TravellingChild {
  readonly person: PersonParticulars;
  readonly relationship?: ChildRelationship;
  /** ISO 3166 alpha-2 of the country of birth (matters for nationality). */
  readonly bornInCountry?: string;
}

const optional = <T>(value: T | undefined, check: (value: T) => boolean): boolean =>
  value === undefined || check(value);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const part = (value: number | undefined, max: number): boolean =>
  value === undefined || (Number.isInteger(value) && value >= 1 && value <= max);

/**
 * Whether a partial date follows the contract: month 1-12, a day only with a month and within it (in
 * the calendar when the year is known). Any part may be unknown.
 */
export const isPartialDate = (value: PartialDate): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const { year, month, day } = value;
  if (!part(year, 9999) || !part(month, 12) || !part(day, 31)) return false;
  if (day === undefined) return true;
  if (month === undefined) return false;
  return year === undefined ? day <= DAYS_IN_MONTH[month - 1] : isCalendarDay(year, month, day);
};

/** Optional free text: absent, or non-blank within `max`. */
const optionalText = (value: string | undefined, max: number) =>
  optional(value, (text) => isNonEmptyText(text, max));
const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const nameProblems = (name: PersonName | undefined): Problems =>
  problems({
    original: optional(name?.original, (original) => isText(original, 200)),
    romanised: isNonEmptyText(name?.romanised, 200),
    script: optional(name?.script, (script) => /^[A-Z][a-z]{3}$/.test(script)),
    familyNameRomanised: optionalText(name?.familyNameRomanised, 200),
  });

const documentProblems = (document: IdentityDocument): Problems =>
  problems({
    type: IDENTITY_DOCUMENT_TYPES.includes(document?.type),
    number: isText(document?.number, 64),
    issuingCountry: document?.issuingCountry === '' || isCountryCode(document?.issuingCountry),
    issuingAuthority: optionalText(document?.issuingAuthority, 200),
    issuedOn: optional(document?.issuedOn, isPartialDate),
    expiresOn: optional(document?.expiresOn, isIsoDate),
    expiry: optional(document?.expiry, isPartialDate),
    description: optionalText(document?.description, 500),
  });

const listProblems = <T>(
  path: string,
  list: readonly T[] | undefined,
  check: (item: T) => Problems,
): Problems =>
  list === undefined
    ? []
    : Array.isArray(list)
      ? list.flatMap((item, index) => prefixed(`${path}[${index}]`, check(item)))
      : [path];

const childProblems = (child: TravellingChild): Problems => [
  ...problems({
    relationship: optional(child?.relationship, (value) => CHILD_RELATIONSHIPS.includes(value)),
    bornInCountry: optional(child?.bornInCountry, isCountryCode),
    // The contract: a child's own accompanying_children must be empty.
    'person.accompanyingChildren': (child?.person?.accompanyingChildren ?? []).length === 0,
  }),
  ...prefixed('person', personProblems(child?.person)),
];

/** The paths of the fields of `person` that break the contract's rules (empty when valid). */
export const personProblems = (person: PersonParticulars | undefined): Problems => {
  if (typeof person !== 'object' || person === null) return ['(missing)'];
  const documents = Array.isArray(person.identityDocuments) ? person.identityDocuments : undefined;
  const parts = person.homeAddressParts;
  return [
    ...problems({
      personId: optional(person.personId, isUuid),
      dateOfBirth: optional(person.dateOfBirth, isPartialDate),
      estimatedAgeYears: optional(person.estimatedAgeYears, (age) => Number.isInteger(age) && age >= 0),
      sex: optional(person.sex, (sex) => SEXES.includes(sex)),
      claimedNationality: optional(person.claimedNationality, isCountryCode),
      ethnicGroup: optionalText(person.ethnicGroup, 100),
      homeAddress: optionalText(person.homeAddress, 500),
      'homeAddressParts.country': optional(parts?.country, isCountryCode),
      identityDocuments: documents !== undefined,
      photoDigest: optional(person.photoDigest, (value) => /^sha256:[0-9a-f]{64}$/.test(value)),
      languages: (person.languages ?? []).every((tag) => LANGUAGE_TAG.test(tag)),
    }),
    ...prefixed('name', nameProblems(person.name)),
    ...listProblems('otherNames', person.otherNames, nameProblems),
    ...listProblems('relativesNamed', person.relativesNamed, nameProblems),
    ...listProblems('identityDocuments', documents, documentProblems),
    ...listProblems('accompanyingChildren', person.accompanyingChildren, childProblems),
  ];
};
