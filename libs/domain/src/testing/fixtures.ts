import { Inbound, Outbound, OutboundKind, PersonParticulars } from '../shared';

/** Test data: two agencies and made-up particulars (no real person). */
export const US = 'VN.BGC.LAICHAU';
export const THEM = 'CN.YN.BORDERPOLICE';
export const OTHER = 'LA.MOS';
export const NOW = '2026-11-23T04:00:00Z';
export const OFFICER = { actor: 'officer:7', agencyId: US, now: NOW };
/** Metadata of a counterpart's message `messageId`. */
export const fromThem = (messageId: string, agency = THEM) => ({
  actor: `agency:${agency}`,
  agencyId: US,
  now: NOW,
  messageId,
});
/** Metadata of an officer command that queues message `messageId`. */
export const queuing = (messageId: string) => ({ ...OFFICER, newIds: [messageId] });

export const PERSON: PersonParticulars = {
  name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' },
  dateOfBirth: { year: 2004, month: 3 },
  sex: 'female',
  claimedNationality: 'VN',
  ethnicGroup: 'Thai',
  homeAddress: 'Ban Test, Xa Test, Phong Tho, Lai Chau',
  identityDocuments: [{ type: 'national_id', number: '000000000001', issuingCountry: 'VN' }],
  photoDigest: `sha256:${'ab'.repeat(32)}`,
};
export const CHILD: PersonParticulars = {
  name: { original: 'Lò Văn Test', romanised: 'Lo Van Test' },
  dateOfBirth: { year: 2024 },
  sex: 'male',
  identityDocuments: [],
};

/** The `outbound` marker of an event that queued message `messageId` to THEM. */
export const queued = (
  messageId: string,
  kind: OutboundKind,
  inReplyTo?: string,
): { outbound: Outbound } => ({
  outbound: { messageId, counterpart: THEM, kind, ...(inReplyTo ? { inReplyTo } : {}) },
});
/** The `inbound` marker of an event applied from THEM's message `messageId`. */
export const applied = (messageId: string): { inbound: Inbound } => ({
  inbound: { messageId, counterpart: THEM },
});
