import { PersonParticulars } from '@xb/domain';

/** Case ids of the scenario (fixed UUIDs, so tests can name the cases). */
export const CASES = {
  /** Outgoing verification answered on time, then closed. */
  verificationOnTime: '0195a000-0000-7000-8000-000000000001',
  /** Outgoing verification answered after its deadline. */
  verificationLate: '0195a000-0000-7000-8000-000000000002',
  /** Outgoing verification sent, unanswered and overdue (deadline given at UTC+7). */
  verificationOverdue: '0195a000-0000-7000-8000-000000000003',
  /** Incoming verification we answered on time. */
  verificationAnsweredByUs: '0195a000-0000-7000-8000-000000000004',
  /** Incoming verification unanswered and overdue. */
  verificationIncomingOverdue: '0195a000-0000-7000-8000-000000000005',
  /** Incoming verification due within a day of the scenario's "now". */
  verificationDueSoon: '0195a000-0000-7000-8000-000000000006',
  /** Outgoing verification that needed a second round, answered late in that round. */
  verificationTwoRounds: '0195a000-0000-7000-8000-000000000007',
  /** Incoming repatriation of a woman with a child, handed over at Ma Lu Thang, received, referred. */
  repatriationWithChild: '0195a000-0000-7000-8000-000000000011',
  /** Incoming repatriation still requested past its decision deadline. */
  repatriationOverdue: '0195a000-0000-7000-8000-000000000012',
  /** Incoming repatriation we refused. */
  repatriationRefused: '0195a000-0000-7000-8000-000000000013',
  /** Outgoing repatriation accepted and scheduled at Lao Cai in April. */
  repatriationScheduled: '0195a000-0000-7000-8000-000000000014',
  /** Incoming repatriation handed over at Tay Trang in February. */
  repatriationFebruary: '0195a000-0000-7000-8000-000000000015',
  /** Outgoing suspect hand-over completed at Ma Lu Thang. */
  suspectHandedOver: '0195a000-0000-7000-8000-000000000021',
  /** Incoming suspect hand-over we accepted. */
  suspectAccepted: '0195a000-0000-7000-8000-000000000022',
  /** Joint operation proposed by the counterpart, agreed, cases linked, closed with the report. */
  jointOperationClosed: '0195a000-0000-7000-8000-000000000031',
  /** Joint operation we proposed, still awaiting the answer. */
  jointOperationProposed: '0195a000-0000-7000-8000-000000000032',
  /** Incoming notice classified, processed and closed. */
  noticeProcessed: '0195a000-0000-7000-8000-000000000041',
  /** Incoming notice never processed, past its processing deadline. */
  noticeUnprocessed: '0195a000-0000-7000-8000-000000000042',
  /** Hotline tip classified, not processed yet. */
  hotlineTip: '0195a000-0000-7000-8000-000000000043',
  /** Notice we sent. */
  noticeSent: '0195a000-0000-7000-8000-000000000044',
  /** The child travelling with the woman (a wire person id). */
  child: '0195a000-0000-7000-8000-000000000051',
} as const;

/** Made-up particulars (no real person). */
export const WOMAN: PersonParticulars = {
  name: { original: 'Lò Thị Thử', romanised: 'Lo Thi Thu' },
  dateOfBirth: { year: 2003, month: 5 },
  sex: 'female',
  claimedNationality: 'VN',
  ethnicGroup: 'Thai',
  homeAddress: 'Ban Thu, Xa Thu, Phong Tho, Lai Chau',
  identityDocuments: [{ type: 'national_id', number: '000000000009', issuingCountry: 'VN' }],
};
export const CHILD: PersonParticulars = {
  name: { original: 'Lò Văn Thử', romanised: 'Lo Van Thu' },
  dateOfBirth: { year: 2024 },
  sex: 'male',
  identityDocuments: [],
};
export const MAN: PersonParticulars = {
  name: { original: '王测试', romanised: 'Wang Ceshi' },
  dateOfBirth: { year: 1985 },
  sex: 'male',
  claimedNationality: 'CN',
  identityDocuments: [],
};
