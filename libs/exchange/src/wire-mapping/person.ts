/**
 * Person particulars between the domain (`PersonParticulars`) and the wire (`xborder.v1.Person`),
 * field for field. A person keeps the `person_id` its sender gave it and every later message repeats
 * it; only a person recorded here without one gets an id derived from the case and the person's role
 * (UUIDv5), the same on both nodes.
 */
import {
  CHILD_RELATIONSHIPS,
  IDENTITY_DOCUMENT_TYPES,
  IdentityDocument,
  PartialDate,
  PersonName,
  PersonParticulars,
  SEXES,
  TravellingChild,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { v5 as uuidv5 } from 'uuid';
import {
  compact,
  countOf,
  digestBytesOf,
  digestOf,
  isUuid,
  listOf,
  text,
  unlessDefault,
  wordsOf,
} from './convert';

/** Namespace of the person ids this node derives (fixed: both nodes must derive the same ids). */
export const PERSON_ID_NAMESPACE = '6f1d8c1e-2b7a-5c3e-9a41-0c5e2f7b9d10';

/** The wire id of a person of a case: `role` is `subject`, `victim`, `suspect` or `person:<n>`. */
export const personIdOf = (caseId: string, role: string): string =>
  uuidv5(`${caseId}/${role}`, PERSON_ID_NAMESPACE);

/** A child's wire id: its case child id when that is a UUID already, else one derived from it. */
export const childPersonIdOf = (caseId: string, childId: string): string =>
  isUuid(childId) ? childId : personIdOf(caseId, `child:${childId}`);

const SEX = wordsOf(SEXES, v1.Sex, 'SEX_');
const DOCUMENT_TYPE = wordsOf(IDENTITY_DOCUMENT_TYPES, v1.DocumentType, 'DOCUMENT_TYPE_');
export const CHILD_RELATIONSHIP = wordsOf(CHILD_RELATIONSHIPS, v1.ChildRelationship, 'CHILD_RELATIONSHIP_');

const nameToWire = (name: PersonName): v1.IPersonName =>
  compact({
    original: name.original,
    romanised: name.romanised,
    script: name.script,
    familyNameRomanised: name.familyNameRomanised,
  });

const nameFromWire = (name: v1.IPersonName | null | undefined): PersonName =>
  compact({
    original: name?.original ?? '',
    romanised: name?.romanised ?? '',
    script: text(name?.script),
    familyNameRomanised: text(name?.familyNameRomanised),
  });

const partialDateToWire = (date: PartialDate): v1.IPartialDate => compact({ ...date });

/** Zero parts are the wire's "unknown": the domain leaves them out. */
export const partialDateFromWire = (date: v1.IPartialDate): PartialDate =>
  compact({
    year: countOf(date.year),
    month: countOf(date.month),
    day: countOf(date.day),
    approximate: date.approximate || undefined,
  });

const isoDateOf = (date: v1.IPartialDate): string | undefined =>
  date.year && date.month && date.day && !date.approximate
    ? `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
    : undefined;

const fullDateToWire = (isoDate: string): v1.IPartialDate => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year, month, day };
};

const documentToWire = (document: IdentityDocument): v1.IIdentityDocument =>
  compact({
    type: DOCUMENT_TYPE.toWire(document.type),
    number: document.number,
    issuingCountry: document.issuingCountry,
    issuingAuthority: document.issuingAuthority,
    issuedOn: document.issuedOn && partialDateToWire(document.issuedOn),
    expiresOn: document.expiresOn
      ? fullDateToWire(document.expiresOn)
      : document.expiry && partialDateToWire(document.expiry),
    seen: document.seen,
    description: document.description,
  });

const documentFromWire = (document: v1.IIdentityDocument): IdentityDocument => {
  const expiresOn = document.expiresOn ? isoDateOf(document.expiresOn) : undefined;
  return compact({
    type: DOCUMENT_TYPE.fromWire(document.type) ?? 'other',
    number: document.number ?? '',
    issuingCountry: document.issuingCountry ?? '',
    issuingAuthority: text(document.issuingAuthority),
    issuedOn: document.issuedOn ? partialDateFromWire(document.issuedOn) : undefined,
    expiresOn,
    expiry: document.expiresOn && !expiresOn ? partialDateFromWire(document.expiresOn) : undefined,
    seen: document.seen || undefined,
    description: text(document.description),
  });
};

/** A child travelling with a person, on the wire; `personId` when its particulars carry none. */
export const childToWire = (child: TravellingChild, personId: string, addressCountry: string) =>
  compact({
    child: personToWire(child.person, personId, addressCountry),
    relationship: child.relationship && CHILD_RELATIONSHIP.toWire(child.relationship),
    bornInCountry: child.bornInCountry,
  });

export const childFromWire = (child: v1.IAccompanyingChild, defaults: WireDefaults = {}): TravellingChild =>
  compact({
    person: personFromWire(child.child ?? {}, defaults),
    relationship: CHILD_RELATIONSHIP.fromWire(child.relationship),
    bornInCountry: text(child.bornInCountry),
  });

/**
 * The wire form of a person: `personId` is used when the particulars carry no id of their own;
 * `addressCountry` is the country of a home address that names none (the claimed nationality, else
 * the given fallback: the country of the agency the person is repatriated to or verified by).
 */
export const personToWire = (
  person: PersonParticulars,
  personId: string,
  addressCountry: string,
): v1.IPerson => {
  const id = person.personId ?? personId;
  const parts = person.homeAddressParts;
  const address =
    person.homeAddress !== undefined || parts !== undefined
      ? compact({
          ...parts,
          country: parts?.country ?? person.claimedNationality ?? addressCountry,
          original: person.homeAddress,
        })
      : undefined;
  return compact({
    personId: id,
    name: nameToWire(person.name),
    otherNames: person.otherNames?.map(nameToWire),
    dateOfBirth: person.dateOfBirth && partialDateToWire(person.dateOfBirth),
    estimatedAgeYears: person.estimatedAgeYears,
    sex: person.sex && SEX.toWire(person.sex),
    claimedNationality: person.claimedNationality,
    ethnicGroup: person.ethnicGroup,
    homeAddress: address,
    identityDocuments: person.identityDocuments.map(documentToWire),
    photoSha256: person.photoDigest ? digestBytesOf(person.photoDigest) : undefined,
    accompanyingChildren: person.accompanyingChildren?.map((child, index) =>
      childToWire(child, personIdOf(id, `child:${index}`), addressCountry),
    ),
    languages: person.languages && [...person.languages],
    relativesNamed: person.relativesNamed?.map(nameToWire),
  });
};

/**
 * What this node would send for a person of the case without being told: the id it derives and the
 * country of an address that names none.
 */
export interface WireDefaults {
  readonly personId?: string;
  readonly addressCountry?: string;
}

/**
 * The domain form of a wire person, field for field; the id and the address country are left out
 * where they are what this node would send anyway (`defaults`), so both sides read the same.
 */
export const personFromWire = (person: v1.IPerson, defaults: WireDefaults = {}): PersonParticulars => {
  const id = text(person.personId);
  const claimedNationality = text(person.claimedNationality);
  const address = person.homeAddress;
  const parts = address
    ? compact({
        country: text(address.country),
        province: text(address.province),
        district: text(address.district),
        commune: text(address.commune),
        village: text(address.village),
        detail: text(address.detail),
      })
    : undefined;
  const particulars = compact({
    personId: unlessDefault(id, defaults.personId),
    name: nameFromWire(person.name),
    otherNames: listOf(person.otherNames)?.map(nameFromWire),
    dateOfBirth: person.dateOfBirth ? partialDateFromWire(person.dateOfBirth) : undefined,
    estimatedAgeYears: countOf(person.estimatedAgeYears),
    sex: SEX.fromWire(person.sex),
    claimedNationality,
    ethnicGroup: text(person.ethnicGroup),
    homeAddress: text(address?.original),
    // The parts of an address given as one line are only its country, usually the one we would send.
    homeAddressParts: text(address?.original)
      ? unlessDefault(parts, { country: claimedNationality ?? defaults.addressCountry })
      : parts,
    photoDigest: digestOf(person.photoSha256),
    accompanyingChildren: listOf(person.accompanyingChildren)?.map((child, index) =>
      childFromWire(child, {
        personId: id && personIdOf(id, `child:${index}`),
        addressCountry: defaults.addressCountry,
      }),
    ),
    languages: listOf(person.languages),
    relativesNamed: listOf(person.relativesNamed)?.map(nameFromWire),
  });
  // Always a list, even an empty one (a person without papers).
  return { ...particulars, identityDocuments: (person.identityDocuments ?? []).map(documentFromWire) };
};

/** The country part of an agency id (`VN.BGC.LAICHAU` → `VN`). */
export const countryOf = (agencyId: string): string => agencyId.slice(0, 2);
