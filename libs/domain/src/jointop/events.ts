import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { Annexed, DeliveryEvent, Inbound, Outbound, TraffickingForm } from '../shared';

type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

/** A unit taking part in the joint operation. */
export interface ParticipatingUnit {
  /** The unit's agency id (docs/design.md section 4), on either side. */
  readonly agencyId: string;
  /** The unit's name; a counterpart may leave it empty. */
  readonly name: string;
  /** Its role in plain words (lead, support, border control). */
  readonly role?: string;
}

/** What both sides agree: the period, the units and the targets. */
export interface JointOperationTerms {
  readonly name: string;
  /** First day of the period (ISO date), inclusive. */
  readonly startDate: string;
  /** Last day of the period (ISO date), inclusive; typically three months after the start. */
  readonly endDate: string;
  readonly units: readonly ParticipatingUnit[];
  /** Target groups, routes or crime types, in brief. */
  readonly targets: readonly string[];
  /** Areas covered (provinces, border sections). */
  readonly areas?: readonly string[];
  /** Forms of trafficking in focus. */
  readonly forms?: readonly TraffickingForm[];
}

/** The processes whose cases can be linked to a joint operation. */
export type LinkableProcess = 'verification' | 'repatriation' | 'handover' | 'notice';
export const LINKABLE_PROCESSES: readonly LinkableProcess[] = [
  'verification',
  'repatriation',
  'handover',
  'notice',
];

/** Results both sides report when the period closes. */
export interface JointResultReport {
  readonly summary: string;
  readonly victimsRescued: number;
  readonly suspectsArrested: number;
  readonly casesInvestigated: number;
  readonly suspectsHandedOver?: number;
  readonly victimsRepatriated?: number;
  /** Of the victims rescued, children (under 16). */
  readonly childVictims?: number;
}

export interface JointOperationProposalContent extends Annexed<'JointOperationProposal'> {
  readonly caseId: string;
  readonly proposer: string;
  readonly partner: string;
  readonly terms: JointOperationTerms;
  /** When the partner's answer is due (ISO date-time). */
  readonly deadline: string;
}

export type JointOperationProposed = DomainEvent<
  'JointOperationProposed',
  JointOperationProposalContent & { readonly outbound: Outbound }
>;
export type JointOperationProposalReceived = DomainEvent<
  'JointOperationProposalReceived',
  JointOperationProposalContent & { readonly inbound: Inbound }
>;
/** The partner agrees; `terms` are the agreed ones (the proposal's unless the partner amended them). */
export type JointOperationAgreed = DomainEvent<
  'JointOperationAgreed',
  { readonly decision: 'agreed'; readonly terms: JointOperationTerms } & Annexed<'JointOperationAgreement'> &
    Marked
>;
export type JointOperationDeclined = DomainEvent<
  'JointOperationDeclined',
  { readonly decision: 'declined'; readonly reason: string } & Marked
>;
export type JointOperationCaseLinked = DomainEvent<
  'JointOperationCaseLinked',
  { readonly process: LinkableProcess; readonly linkedCaseId: string } & Annexed<'JointOperationCaseLink'> &
    Marked
>;
export type JointOperationClosed = DomainEvent<
  'JointOperationClosed',
  { readonly report: JointResultReport } & Annexed<'JointOperationReport'> & Marked
>;

export type JointOperationEvent =
  | JointOperationProposed
  | JointOperationProposalReceived
  | JointOperationAgreed
  | JointOperationDeclined
  | JointOperationCaseLinked
  | JointOperationClosed
  | DeliveryEvent<'JointOperation'>;

export const JOINT_OPERATION_EVENT_TYPES = everyTypeOf<JointOperationEvent>()([
  'JointOperationProposed',
  'JointOperationProposalReceived',
  'JointOperationAgreed',
  'JointOperationDeclined',
  'JointOperationCaseLinked',
  'JointOperationClosed',
  'JointOperationMessageDelivered',
  'JointOperationMessageRejected',
]);

const period = (terms: JointOperationTerms): string => `${terms.startDate} to ${terms.endDate}`;

/** A timeline line. */
export const describeJointOperationEvent = (event: JointOperationEvent): string => {
  switch (event.type) {
    case 'JointOperationProposed':
      return `Joint operation proposed to ${event.data.partner} for ${period(event.data.terms)}`;
    case 'JointOperationProposalReceived':
      return `Joint operation proposed by ${event.data.proposer} for ${period(event.data.terms)}`;
    case 'JointOperationAgreed':
      return `Joint operation agreed for ${period(event.data.terms)}, ${event.data.terms.units.length} units`;
    case 'JointOperationDeclined':
      return 'Joint operation declined';
    case 'JointOperationCaseLinked':
      return `Linked ${event.data.process} case ${event.data.linkedCaseId}`;
    case 'JointOperationClosed':
      return `Joint operation closed with the joint result report`;
    case 'JointOperationMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'JointOperationMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
