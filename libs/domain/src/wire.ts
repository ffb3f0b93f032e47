/**
 * Each kind of message between agencies, as the domain sees it: the events that queue it on the
 * sending node and the command it becomes on the receiving node. Both tables are mapped types over
 * `OutboundKind`, so a kind without its event or command, or a command type that is not the kind's,
 * is a compile error (the wire mapping in libs/exchange builds on them).
 */
import {
  RecordSuspectHandoverDecision,
  ReceiveSuspectHandoverCancellation,
  ReceiveSuspectHandoverCompletion,
  ReceiveSuspectHandoverRequest,
  ReceiveSuspectHandoverSchedule,
  SuspectHandedOver,
  SuspectHandoverAccepted,
  SuspectHandoverCancelled,
  SuspectHandoverRefused,
  SuspectHandoverRequested,
  SuspectHandoverRescheduled,
  SuspectHandoverScheduled,
} from './handover';
import {
  JointOperationAgreed,
  JointOperationCaseLinked,
  JointOperationClosed,
  JointOperationDeclined,
  JointOperationProposed,
  ReceiveJointOperationCaseLink,
  ReceiveJointOperationProposal,
  ReceiveJointOperationReport,
  RecordJointOperationAgreement,
} from './jointop';
import { HotlineTipForwarded, InformationNoticeSent, ReceiveInformationNotice } from './notice';
import { ProcessCategory } from './processes';
import {
  ReceiveAccompanyingChild,
  ReceiveRepatriationCancellation,
  ReceiveRepatriationHandover,
  ReceiveRepatriationHandoverSchedule,
  ReceiveRepatriationRequest,
  RecordReceptionConfirmation,
  RecordRepatriationDecision,
  RepatriationAccepted,
  RepatriationCancelled,
  RepatriationChildAdded,
  RepatriationHandedOver,
  RepatriationHandoverRescheduled,
  RepatriationHandoverScheduled,
  RepatriationReceptionConfirmed,
  RepatriationRefused,
  RepatriationRequested,
} from './repatriation';
import { OutboundKind } from './shared';
import {
  ReceiveAdditionalInformation,
  ReceiveVerificationRequest,
  ReceiveVerificationWithdrawal,
  RecordVerificationAnswer,
  VerificationAdditionalInformationProvided,
  VerificationAnswered,
  VerificationRequestSent,
  VerificationWithdrawn,
} from './verification';

/** The events that queue each kind of message (their `data.outbound.kind` is the kind). */
export interface QueuingEvents {
  readonly VerificationRequest: VerificationRequestSent;
  readonly VerificationAnswer: VerificationAnswered;
  readonly VerificationAdditionalInformation: VerificationAdditionalInformationProvided;
  readonly VerificationWithdrawal: VerificationWithdrawn;
  readonly RepatriationRequest: RepatriationRequested;
  readonly RepatriationChildAdded: RepatriationChildAdded;
  readonly RepatriationDecision: RepatriationAccepted | RepatriationRefused;
  readonly HandoverScheduling: RepatriationHandoverScheduled | RepatriationHandoverRescheduled;
  readonly HandoverCompleted: RepatriationHandedOver;
  readonly ReceptionConfirmed: RepatriationReceptionConfirmed;
  readonly RepatriationCancellation: RepatriationCancelled;
  readonly SuspectHandoverRequest: SuspectHandoverRequested;
  readonly SuspectHandoverDecision: SuspectHandoverAccepted | SuspectHandoverRefused;
  readonly SuspectHandoverScheduling: SuspectHandoverScheduled | SuspectHandoverRescheduled;
  readonly SuspectHandoverCompleted: SuspectHandedOver;
  readonly SuspectHandoverCancellation: SuspectHandoverCancelled;
  readonly JointOperationProposal: JointOperationProposed;
  readonly JointOperationAgreement: JointOperationAgreed | JointOperationDeclined;
  readonly JointOperationCaseLink: JointOperationCaseLinked;
  readonly JointOperationReport: JointOperationClosed;
  readonly InformationNotice: InformationNoticeSent | HotlineTipForwarded;
}

/** The command each kind of message becomes on the receiving node. */
export interface ReceivingCommands {
  readonly VerificationRequest: ReceiveVerificationRequest;
  readonly VerificationAnswer: RecordVerificationAnswer;
  readonly VerificationAdditionalInformation: ReceiveAdditionalInformation;
  readonly VerificationWithdrawal: ReceiveVerificationWithdrawal;
  readonly RepatriationRequest: ReceiveRepatriationRequest;
  readonly RepatriationChildAdded: ReceiveAccompanyingChild;
  readonly RepatriationDecision: RecordRepatriationDecision;
  readonly HandoverScheduling: ReceiveRepatriationHandoverSchedule;
  readonly HandoverCompleted: ReceiveRepatriationHandover;
  readonly ReceptionConfirmed: RecordReceptionConfirmation;
  readonly RepatriationCancellation: ReceiveRepatriationCancellation;
  readonly SuspectHandoverRequest: ReceiveSuspectHandoverRequest;
  readonly SuspectHandoverDecision: RecordSuspectHandoverDecision;
  readonly SuspectHandoverScheduling: ReceiveSuspectHandoverSchedule;
  readonly SuspectHandoverCompleted: ReceiveSuspectHandoverCompletion;
  readonly SuspectHandoverCancellation: ReceiveSuspectHandoverCancellation;
  readonly JointOperationProposal: ReceiveJointOperationProposal;
  readonly JointOperationAgreement: RecordJointOperationAgreement;
  readonly JointOperationCaseLink: ReceiveJointOperationCaseLink;
  readonly JointOperationReport: ReceiveJointOperationReport;
  readonly InformationNotice: ReceiveInformationNotice;
}

/** The events that queue messages of kind K. */
export type QueuingEventOf<K extends OutboundKind> = QueuingEvents[K];
/** The data of the command a message of kind K becomes. */
export type ReceivingDataOf<K extends OutboundKind> = ReceivingCommands[K]['data'];

/** The command each kind becomes on the receiving node, and the process it belongs to. */
export const INBOUND_COMMANDS: {
  readonly [K in OutboundKind]: {
    readonly category: ProcessCategory;
    readonly type: ReceivingCommands[K]['type'];
    /** The event types that queue the kind. */
    readonly queuedBy: readonly QueuingEvents[K]['type'][];
  };
} = {
  VerificationRequest: {
    category: 'verification',
    type: 'ReceiveVerificationRequest',
    queuedBy: ['VerificationRequestSent'],
  },
  VerificationAnswer: {
    category: 'verification',
    type: 'RecordVerificationAnswer',
    queuedBy: ['VerificationAnswered'],
  },
  VerificationAdditionalInformation: {
    category: 'verification',
    type: 'ReceiveAdditionalInformation',
    queuedBy: ['VerificationAdditionalInformationProvided'],
  },
  VerificationWithdrawal: {
    category: 'verification',
    type: 'ReceiveVerificationWithdrawal',
    queuedBy: ['VerificationWithdrawn'],
  },
  RepatriationRequest: {
    category: 'repatriation',
    type: 'ReceiveRepatriationRequest',
    queuedBy: ['RepatriationRequested'],
  },
  RepatriationChildAdded: {
    category: 'repatriation',
    type: 'ReceiveAccompanyingChild',
    queuedBy: ['RepatriationChildAdded'],
  },
  RepatriationDecision: {
    category: 'repatriation',
    type: 'RecordRepatriationDecision',
    queuedBy: ['RepatriationAccepted', 'RepatriationRefused'],
  },
  HandoverScheduling: {
    category: 'repatriation',
    type: 'ReceiveRepatriationHandoverSchedule',
    queuedBy: ['RepatriationHandoverScheduled', 'RepatriationHandoverRescheduled'],
  },
  HandoverCompleted: {
    category: 'repatriation',
    type: 'ReceiveRepatriationHandover',
    queuedBy: ['RepatriationHandedOver'],
  },
  ReceptionConfirmed: {
    category: 'repatriation',
    type: 'RecordReceptionConfirmation',
    queuedBy: ['RepatriationReceptionConfirmed'],
  },
  RepatriationCancellation: {
    category: 'repatriation',
    type: 'ReceiveRepatriationCancellation',
    queuedBy: ['RepatriationCancelled'],
  },
  SuspectHandoverRequest: {
    category: 'handover',
    type: 'ReceiveSuspectHandoverRequest',
    queuedBy: ['SuspectHandoverRequested'],
  },
  SuspectHandoverDecision: {
    category: 'handover',
    type: 'RecordSuspectHandoverDecision',
    queuedBy: ['SuspectHandoverAccepted', 'SuspectHandoverRefused'],
  },
  SuspectHandoverScheduling: {
    category: 'handover',
    type: 'ReceiveSuspectHandoverSchedule',
    queuedBy: ['SuspectHandoverScheduled', 'SuspectHandoverRescheduled'],
  },
  SuspectHandoverCompleted: {
    category: 'handover',
    type: 'ReceiveSuspectHandoverCompletion',
    queuedBy: ['SuspectHandedOver'],
  },
  SuspectHandoverCancellation: {
    category: 'handover',
    type: 'ReceiveSuspectHandoverCancellation',
    queuedBy: ['SuspectHandoverCancelled'],
  },
  JointOperationProposal: {
    category: 'jointop',
    type: 'ReceiveJointOperationProposal',
    queuedBy: ['JointOperationProposed'],
  },
  JointOperationAgreement: {
    category: 'jointop',
    type: 'RecordJointOperationAgreement',
    queuedBy: ['JointOperationAgreed', 'JointOperationDeclined'],
  },
  JointOperationCaseLink: {
    category: 'jointop',
    type: 'ReceiveJointOperationCaseLink',
    queuedBy: ['JointOperationCaseLinked'],
  },
  JointOperationReport: {
    category: 'jointop',
    type: 'ReceiveJointOperationReport',
    queuedBy: ['JointOperationClosed'],
  },
  InformationNotice: {
    category: 'notice',
    type: 'ReceiveInformationNotice',
    queuedBy: ['InformationNoticeSent', 'HotlineTipForwarded'],
  },
};

/**
 * Whether `event` is one that queues messages of kind K: narrows a stored event (whose data the store
 * gives untyped) to the kind's event type by its type name.
 */
export const isQueuingEventOf = <K extends OutboundKind>(
  kind: K,
  event: { readonly type: string; readonly data: unknown },
): event is QueuingEvents[K] => (INBOUND_COMMANDS[kind].queuedBy as readonly string[]).includes(event.type);
