import { Command } from '../decider';
import { Annexed, DeliveryCommand, StepRule } from '../shared';
import { JointOperationTerms, JointResultReport, LinkableProcess } from './events';
import { JointOperationSide, JointOperationStatus } from './state';

interface ProposalData extends Annexed<'JointOperationProposal'> {
  readonly caseId: string;
  readonly terms: JointOperationTerms;
  /** When the partner's answer is due (ISO date-time). */
  readonly deadline: string;
}
interface AnswerData extends Annexed<'JointOperationAgreement'> {
  readonly decision: 'agreed' | 'declined';
  /** The agreed terms when they differ from the proposal; default: the proposal's. */
  readonly terms?: JointOperationTerms;
  /** Required when declined. */
  readonly reason?: string;
}
interface LinkData extends Annexed<'JointOperationCaseLink'> {
  readonly process: LinkableProcess;
  readonly linkedCaseId: string;
}

/** Proposes a crackdown period to `counterpart` (`JointOperationProposal`). */
export type ProposeJointOperation = Command<
  'ProposeJointOperation',
  ProposalData & { readonly counterpart: string }
>;
/** Inbound `JointOperationProposal`. */
export type ReceiveJointOperationProposal = Command<'ReceiveJointOperationProposal', ProposalData>;
/** The partner agrees, possibly amending the terms (`JointOperationAgreement`). */
export type AgreeJointOperation = Command<
  'AgreeJointOperation',
  { readonly terms?: JointOperationTerms } & Annexed<'JointOperationAgreement'>
>;
/** The partner declines with a reason (`JointOperationAgreement`, decision declined). */
export type DeclineJointOperation = Command<'DeclineJointOperation', { readonly reason: string }>;
/** The proposer, inbound `JointOperationAgreement`. */
export type RecordJointOperationAgreement = Command<'RecordJointOperationAgreement', AnswerData>;
/** Either side links one of its cases to the agreed operation (`JointOperationCaseLink`). */
export type LinkCaseToJointOperation = Command<'LinkCaseToJointOperation', LinkData>;
/** Either side, inbound `JointOperationCaseLink`. */
export type ReceiveJointOperationCaseLink = Command<'ReceiveJointOperationCaseLink', LinkData>;
/** Either side closes the period with the joint result report (`JointOperationReport`). */
export type CloseJointOperation = Command<
  'CloseJointOperation',
  { readonly report: JointResultReport } & Annexed<'JointOperationReport'>
>;
/** Either side, inbound `JointOperationReport`. */
export type ReceiveJointOperationReport = Command<
  'ReceiveJointOperationReport',
  { readonly report: JointResultReport } & Annexed<'JointOperationReport'>
>;

export type JointOperationOpeningCommand = ProposeJointOperation | ReceiveJointOperationProposal;
export type JointOperationStepCommand =
  | AgreeJointOperation
  | DeclineJointOperation
  | RecordJointOperationAgreement
  | LinkCaseToJointOperation
  | ReceiveJointOperationCaseLink
  | CloseJointOperation
  | ReceiveJointOperationReport;
export type JointOperationCommand =
  JointOperationOpeningCommand | JointOperationStepCommand | DeliveryCommand;

/** Who takes each step and from which statuses (inbound steps are taken by the counterpart). */
export const JOINT_OPERATION_RULES: {
  readonly [T in JointOperationStepCommand['type']]: StepRule<JointOperationStatus, JointOperationSide>;
} = {
  AgreeJointOperation: { by: 'partner', from: ['proposed'], inbound: false },
  DeclineJointOperation: { by: 'partner', from: ['proposed'], inbound: false },
  RecordJointOperationAgreement: { by: 'partner', from: ['proposed'], inbound: true },
  LinkCaseToJointOperation: { by: 'either', from: ['agreed'], inbound: false },
  ReceiveJointOperationCaseLink: { by: 'either', from: ['agreed'], inbound: true },
  CloseJointOperation: { by: 'either', from: ['agreed'], inbound: false },
  ReceiveJointOperationReport: { by: 'either', from: ['agreed'], inbound: true },
};
