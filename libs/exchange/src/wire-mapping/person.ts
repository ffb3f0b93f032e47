/**
 * Person particulars between the domain (`PersonParticulars`) and the wire (`xborder.v1.Person`).
 * The wire names every person by a UUID (`person_id`) that the domain does not keep; we derive it
 * from the case id and the person's role in the case (UUIDv5), so both nodes compute the same id for
 * the same person and later messages (a hand-over) can name people without repeating particulars.
 */
import { IdentityDocumentType, PersonParticulars, Sex } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { v5 as uuidv5 } from 'uuid';
import { digestBytesOf, digestOf, enumMap, isUuid, text } from './convert';

/** Namespace of the person ids this node derives (fixed: both nodes must derive the same ids). */
export const PERSON_ID_NAMESPACE = '6f1d8c1e-2b7a-5c3e-9a41-0c5e2f7b9d10';

/** The wire id of a person of a case: `role` is `subject`, `victim`, `suspect` or `person:<n>`. */
export const personIdOf = (caseId: string, role: string): string =>
  uuidv5(`${caseId}/${role}`, PERSON_ID_NAMESPACE);

/** A child's wire id: its case child id when that is a UUID already, else one derived from it. */
export const childPersonIdOf = (caseId: string, childId: string): string =>
  isUuid(childId) ? childId : personIdOf(caseId, `child:${childId}`);

const SEX = enumMap<Sex>(
  { female: v1.Sex.SEX_FEMALE, male: v1.Sex.SEX_MALE, unknown: v1.Sex.SEX_UNKNOWN },
  { [v1.Sex.SEX_UNSPECIFIED]: 'unknown' },
);

const DOCUMENT_TYPE = enumMap<IdentityDocumentType>(
  {
    passport: v1.DocumentType.DOCUMENT_TYPE_PASSPORT,
    national_id: v1.DocumentType.DOCUMENT_TYPE_NATIONAL_ID,
    household_registration: v1.DocumentType.DOCUMENT_TYPE_HOUSEHOLD_REGISTRATION,
    birth_certificate: v1.DocumentType.DOCUMENT_TYPE_BIRTH_CERTIFICATE,
    border_pass: v1.DocumentType.DOCUMENT_TYPE_BORDER_PASS,
    other: v1.DocumentType.DOCUMENT_TYPE_OTHER,
  },
  { [v1.DocumentType.DOCUMENT_TYPE_TRAVEL_DOCUMENT]: 'other' },
);

const partialDateOf = (isoDate: string): v1.PartialDate.$Properties => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year, month, day };
};

/**
 * The wire form of a person. `addressCountry` is the country the home address lies in: the domain
 * keeps the address as one line without a country, the wire requires one; we use the claimed
 * nationality, else the given fallback (the country of the agency the person is repatriated to or
 * verified by).
 */
export const personToWire = (
  person: PersonParticulars,
  personId: string,
  addressCountry: string,
): v1.Person.$Properties => ({
  personId,
  name: { original: person.name.original, romanised: person.name.romanised },
  ...(person.dateOfBirth ? { dateOfBirth: { ...person.dateOfBirth } } : {}),
  sex: SEX.toWire(person.sex),
  ...(person.claimedNationality ? { claimedNationality: person.claimedNationality } : {}),
  ...(person.ethnicGroup ? { ethnicGroup: person.ethnicGroup } : {}),
  ...(person.homeAddress
    ? { homeAddress: { country: person.claimedNationality ?? addressCountry, original: person.homeAddress } }
    : {}),
  identityDocuments: person.identityDocuments.map((document) => ({
    type: DOCUMENT_TYPE.toWire(document.type),
    number: document.number,
    issuingCountry: document.issuingCountry,
    ...(document.expiresOn ? { expiresOn: partialDateOf(document.expiresOn) } : {}),
  })),
  ...(person.photoDigest ? { photoSha256: digestBytesOf(person.photoDigest) } : {}),
});

const addressLine = (address: v1.Address.$Properties | null | undefined): string | undefined => {
  if (!address) return undefined;
  const original = text(address.original);
  if (original) return original;
  const parts = [address.detail, address.village, address.commune, address.district, address.province];
  return text(parts.filter((part) => text(part)).join(', '));
};

const birthDateOf = (date: v1.PartialDate.$Properties | null | undefined) => {
  if (!date || !date.year) return undefined;
  if (!date.month) return { year: date.year };
  return date.day
    ? { year: date.year, month: date.month, day: date.day }
    : { year: date.year, month: date.month };
};

const expiryOf = (date: v1.PartialDate.$Properties | null | undefined): string | undefined =>
  date && date.year && date.month && date.day
    ? `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
    : undefined;

/**
 * The domain form of a wire person. What the domain cannot hold (script, other names, estimated age,
 * relatives, languages, document remarks) is dropped; what the domain requires but the wire leaves
 * optional (original-script name, document number) is passed on empty, for the decider to refuse.
 */
export const personFromWire = (person: v1.Person.$Properties): PersonParticulars => {
  const dateOfBirth = birthDateOf(person.dateOfBirth);
  const homeAddress = addressLine(person.homeAddress);
  const photoDigest = digestOf(person.photoSha256);
  return {
    name: { original: person.name?.original ?? '', romanised: person.name?.romanised ?? '' },
    ...(dateOfBirth ? { dateOfBirth } : {}),
    sex: SEX.fromWire(person.sex) ?? 'unknown',
    ...(text(person.claimedNationality) ? { claimedNationality: person.claimedNationality! } : {}),
    ...(text(person.ethnicGroup) ? { ethnicGroup: person.ethnicGroup! } : {}),
    ...(homeAddress ? { homeAddress } : {}),
    identityDocuments: (person.identityDocuments ?? []).map((document) => {
      const expiresOn = expiryOf(document.expiresOn);
      return {
        type: DOCUMENT_TYPE.fromWire(document.type) ?? 'other',
        number: document.number ?? '',
        issuingCountry: document.issuingCountry ?? '',
        ...(expiresOn ? { expiresOn } : {}),
      };
    }) as PersonParticulars['identityDocuments'],
    ...(photoDigest ? { photoDigest } : {}),
  };
};

/** The country part of an agency id (`VN.BGC.LAICHAU` → `VN`). */
export const countryOf = (agencyId: string): string => agencyId.slice(0, 2);
