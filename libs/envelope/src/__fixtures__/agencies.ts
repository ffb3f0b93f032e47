/**
 * Test fixtures: two agencies with fresh keys (and a third, Mallory, unknown to both), a trust store,
 * and sample headers and payloads with invented particulars. Keys are generated once per test file.
 */
import type { PrivateKey, PublicKey } from 'openpgp';
import {
  generateAgencyKey,
  GeneratedAgencyKey,
  readAgencyPrivateKey,
  readPublicKeyCached,
} from '../agency-key';
import { HeaderInput } from '../header';
import { TrustedKey, TrustStore } from '../trust-store';
import { PayloadInput, toTimestamp, v1 } from '../wire';

export const VN = 'VN.BGC.LAICHAU';
export const CN = 'CN.YN.BORDERPOLICE';
export const LA = 'LA.PHONGSALY.POLICE';

export interface Agency {
  readonly id: string;
  readonly generated: GeneratedAgencyKey;
  readonly privateKey: PrivateKey;
  readonly publicKey: PublicKey;
}

export async function makeAgency(id: string): Promise<Agency> {
  const generated = await generateAgencyKey({ agencyId: id });
  return {
    id,
    generated,
    privateKey: await readAgencyPrivateKey(generated.privateKeyArmored),
    publicKey: await readPublicKeyCached(generated.publicKeyArmored),
  };
}

export const LONG_AGO = new Date('2020-01-01T00:00:00Z');

export function trusted(agency: Agency, extra: Partial<TrustedKey> = {}): TrustedKey {
  return {
    agencyId: agency.id,
    fingerprint: agency.generated.fingerprint,
    validFrom: LONG_AGO,
    key: agency.publicKey,
    ...extra,
  };
}

export const storeOf = (...entries: TrustedKey[]): TrustStore => new TrustStore(entries);

let counter = 0;
/** A fresh UUIDv7-shaped id (time part fixed, counter in the tail). */
export const newId = (): string => `01936b2a-1c00-7000-8000-${(++counter).toString(16).padStart(12, '0')}`;

export function headerFrom(sender: Agency, recipient: Agency, sentAt = new Date()): HeaderInput {
  return {
    messageId: newId(),
    correlationId: '01936b2a-1c00-7000-8000-0000000c0001',
    senderAgencyId: sender.id,
    recipientAgencyId: recipient.id,
    channel: v1.Channel.CHANNEL_BORDER_GUARD_PROVINCIAL,
    sentAt,
    handling: {
      dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
      evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
    },
    evaluation: {
      source: v1.SourceReliability.SOURCE_RELIABILITY_B,
      information: v1.InformationAssessment.INFORMATION_ASSESSMENT_KNOWN_TO_SOURCE,
    },
  };
}

/** An invented victim name, used to check that refusals never echo particulars. */
export const VICTIM_NAME = 'HOANG THI MAI';

export function verificationRequest(): PayloadInput<'xborder.v1.VerificationRequest'> {
  return {
    subjectRole: v1.SubjectRole.SUBJECT_ROLE_PRESUMED_VICTIM,
    person: {
      personId: '01936b2a-1c00-7000-8000-0000000a0001',
      name: {
        original: 'Hoàng Thị Mai',
        script: 'Latn',
        romanised: VICTIM_NAME,
        familyNameRomanised: 'HOANG',
      },
      dateOfBirth: { year: 2006, month: 0, day: 0, approximate: true },
      sex: v1.Sex.SEX_FEMALE,
      claimedNationality: 'VN',
      ethnicGroup: "H'Mong",
      homeAddress: { country: 'VN', province: 'Lai Chau', district: 'Sin Ho', village: 'Ban Lang' },
      identityDocuments: [
        { type: v1.DocumentType.DOCUMENT_TYPE_NATIONAL_ID, number: '012345678901', issuingCountry: 'VN' },
      ],
      photoSha256: new Uint8Array(32).fill(7),
      languages: ['hmn', 'vi'],
      accompanyingChildren: [
        {
          child: {
            personId: '01936b2a-1c00-7000-8000-0000000a0002',
            name: { romanised: 'LI XIAO' },
            estimatedAgeYears: 2,
          },
          relationship: v1.ChildRelationship.CHILD_RELATIONSHIP_CHILD,
          bornInCountry: 'CN',
        },
      ],
    },
    points: [
      v1.VerificationPoint.VERIFICATION_POINT_IDENTITY,
      v1.VerificationPoint.VERIFICATION_POINT_NATIONALITY,
    ],
    answerBy: toTimestamp(new Date('2030-03-17T17:46:40Z')),
    fileReference: 'LC-2026-117',
  };
}
