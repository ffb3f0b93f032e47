import {
  isCountryCode,
  isCalendarDay,
  isIsoDate,
  isNonEmptyText,
  Problems,
  prefixed,
  problems,
} from './values';

/**
 * Particulars of a person (victim, accompanying child, suspect). They travel inside events and
 * messages, and must never appear in refusal reasons, timeline lines or logs.
 */
export interface PersonParticulars {
  readonly name: PersonName;
  readonly dateOfBirth?: PartialDate;
  readonly sex: Sex;
  /** ISO 3166 alpha-2 of the nationality the person claims. */
  readonly claimedNationality?: string;
  readonly ethnicGroup?: string;
  readonly homeAddress?: string;
  readonly identityDocuments: readonly IdentityDocument[];
  /** Digest of a photo held elsewhere: `sha256:<64 hex>`. */
  readonly photoDigest?: string;
}

export interface PersonName {
  /** As written in the person's own script (e.g. Hán, Lao, Vietnamese with diacritics). */
  readonly original: string;
  /** Romanised (Latin script, no diacritics required). */
  readonly romanised: string;
}

/** A date of birth as far as it is known: the year, optionally month and day. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type Sex = 'female' | 'male' | 'unknown';
export const SEXES: readonly Sex[] = ['female', 'male', 'unknown'];

export type IdentityDocumentType =
  'passport' | 'national_id' | 'household_registration' | 'birth_certificate' | 'border_pass' | 'other';
export const IDENTITY_DOCUMENT_TYPES: readonly IdentityDocumentType[] = [
  'passport',
  'national_id',
  'household_registration',
  'birth_certificate',
  'border_pass',
  'other',
];

export interface IdentityDocument {
  readonly type: IdentityDocumentType;
  readonly number: string;
  /** ISO 3166 alpha-2. */
  readonly issuingCountry: string;
  /** ISO date, when the document states one. */
  readonly expiresOn?: string;
}

const optional = <T>(value: T | undefined, check: (value: T) => boolean): boolean =>
  value === undefined || check(value);

/** Whether a partial date is plausible: year 1900..9999, month only with year, day only with month. */
export const isPartialDate = (value: PartialDate): boolean => {
  const { year, month, day } = value;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return false;
  if (month === undefined) return day === undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  return day === undefined || (Number.isInteger(day) && isCalendarDay(year, month, day));
};

const documentProblems = (document: IdentityDocument): Problems =>
  problems({
    type: IDENTITY_DOCUMENT_TYPES.includes(document?.type),
    number: isNonEmptyText(document?.number, 64),
    issuingCountry: isCountryCode(document?.issuingCountry),
    expiresOn: optional(document?.expiresOn, isIsoDate),
  });

/** The paths of the fields of `person` that are malformed (empty when valid). */
export const personProblems = (person: PersonParticulars | undefined): Problems => {
  if (typeof person !== 'object' || person === null) return ['(missing)'];
  const documents = Array.isArray(person.identityDocuments) ? person.identityDocuments : undefined;
  return [
    ...problems({
      'name.original': isNonEmptyText(person.name?.original, 200),
      'name.romanised': isNonEmptyText(person.name?.romanised, 200),
      dateOfBirth: optional(person.dateOfBirth, isPartialDate),
      sex: SEXES.includes(person.sex),
      claimedNationality: optional(person.claimedNationality, isCountryCode),
      ethnicGroup: optional(person.ethnicGroup, (value) => isNonEmptyText(value, 100)),
      homeAddress: optional(person.homeAddress, (value) => isNonEmptyText(value, 500)),
      identityDocuments: documents !== undefined,
      photoDigest: optional(person.photoDigest, (value) => /^sha256:[0-9a-f]{64}$/.test(value)),
    }),
    ...(documents ?? []).flatMap((document, index) =>
      prefixed(`identityDocuments[${index}]`, documentProblems(document)),
    ),
  ];
};
