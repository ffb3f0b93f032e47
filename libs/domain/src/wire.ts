import { Command, CommandMetadata, DomainEvent } from './decider';
import { ProcessCategory } from './processes';
import { OutboundKind, queuedMessageOf } from './shared';

/** The command each wire payload kind becomes on the receiving node, and the process it belongs to. */
export const INBOUND_COMMANDS: {
  readonly [K in OutboundKind]: { readonly category: ProcessCategory; readonly type: string };
} = {
  VerificationRequest: { category: 'verification', type: 'ReceiveVerificationRequest' },
  VerificationAnswer: { category: 'verification', type: 'RecordVerificationAnswer' },
  VerificationAdditionalInformation: { category: 'verification', type: 'ReceiveAdditionalInformation' },
  VerificationWithdrawal: { category: 'verification', type: 'ReceiveVerificationWithdrawal' },
  RepatriationRequest: { category: 'repatriation', type: 'ReceiveRepatriationRequest' },
  RepatriationChildAdded: { category: 'repatriation', type: 'ReceiveAccompanyingChild' },
  RepatriationDecision: { category: 'repatriation', type: 'RecordRepatriationDecision' },
  HandoverScheduling: { category: 'repatriation', type: 'ReceiveRepatriationHandoverSchedule' },
  HandoverCompleted: { category: 'repatriation', type: 'ReceiveRepatriationHandover' },
  ReceptionConfirmed: { category: 'repatriation', type: 'RecordReceptionConfirmation' },
  RepatriationCancellation: { category: 'repatriation', type: 'ReceiveRepatriationCancellation' },
  SuspectHandoverRequest: { category: 'handover', type: 'ReceiveSuspectHandoverRequest' },
  SuspectHandoverDecision: { category: 'handover', type: 'RecordSuspectHandoverDecision' },
  SuspectHandoverScheduling: { category: 'handover', type: 'ReceiveSuspectHandoverSchedule' },
  SuspectHandoverCompleted: { category: 'handover', type: 'ReceiveSuspectHandoverCompletion' },
  SuspectHandoverCancellation: { category: 'handover', type: 'ReceiveSuspectHandoverCancellation' },
  JointOperationProposal: { category: 'jointop', type: 'ReceiveJointOperationProposal' },
  JointOperationAgreement: { category: 'jointop', type: 'RecordJointOperationAgreement' },
  JointOperationCaseLink: { category: 'jointop', type: 'ReceiveJointOperationCaseLink' },
  JointOperationReport: { category: 'jointop', type: 'ReceiveJointOperationReport' },
  InformationNotice: { category: 'notice', type: 'ReceiveInformationNotice' },
};

/** The payload of the envelope an event queues: its data without the `outbound` marker. */
export const payloadOf = (event: DomainEvent): Readonly<Record<string, unknown>> | undefined => {
  if (queuedMessageOf(event) === undefined) return undefined;
  const { outbound: _outbound, ...payload } = event.data as Record<string, unknown>;
  return payload;
};

/** Settings of the receiving node that a payload does not carry. */
export interface InboundOptions {
  /** When an inbound information notice must be processed here (this node's policy). */
  readonly processingDeadline?: string;
}

/**
 * The command a received payload of `kind` becomes. Payload and command data have the same shape
 * (extra fields are ignored by the deciders) except a schedule, which travels as `{ schedule }` and is
 * decided flat, and an information notice, which gets this node's processing deadline. `metadata`
 * must carry the sender as `actor: 'agency:<id>'` and the envelope's `messageId`.
 */
export const inboundCommandOf = (
  kind: OutboundKind,
  payload: Readonly<Record<string, unknown>>,
  metadata: CommandMetadata,
  options: InboundOptions = {},
): Command => {
  const { type } = INBOUND_COMMANDS[kind];
  switch (kind) {
    case 'HandoverScheduling':
    case 'SuspectHandoverScheduling': {
      const { proposedBy: _proposedBy, ...schedule } = (payload.schedule ?? {}) as Record<string, unknown>;
      return { type, data: schedule, metadata };
    }
    case 'InformationNotice':
      return { type, data: { ...payload, processingDeadline: options.processingDeadline }, metadata };
    default:
      return { type, data: payload, metadata };
  }
};
