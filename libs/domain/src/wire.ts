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
  ReceiveSuspectHandoverMinutesCountersignature,
  ReceiveSuspectHandoverMinutesProposal,
  SuspectHandedOver,
  SuspectHandoverMinutesCountersigned,
  SuspectHandoverMinutesSigned,
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
import {
  DisseminationAnswered,
  DisseminationRequested,
  HotlineTipForwarded,
  InformationNoticeForwarded,
  InformationNoticeSent,
  ReceiveDisseminationRequest,
  ReceiveInformationNotice,
  RecordDisseminationAnswer,
} from './notice';
import {
  LiaisonActionItemDone,
  LiaisonMeetingAgreed,
  LiaisonMeetingCounterProposed,
  LiaisonMeetingHeld,
  LiaisonMeetingMinutesRecorded,
  LiaisonMeetingProposed,
  ReceiveLiaisonActionItemDone,
  ReceiveLiaisonMeetingHeld,
  ReceiveLiaisonMeetingMinutes,
  ReceiveLiaisonMeetingProposal,
  RecordLiaisonMeetingAnswer,
} from './liaison';
import {
  MissionAccepted,
  MissionArrived,
  MissionClosed,
  MissionDeparted,
  MissionRefused,
  MissionRequested,
  ReceiveMissionMovement,
  ReceiveMissionOutcome,
  ReceiveMissionRequest,
  RecordMissionDecision,
} from './mission';
import { ProcessCategory } from './processes';
import {
  ReceiveAccompanyingChild,
  ReceiveRepatriationCancellation,
  ReceiveRepatriationHandover,
  ReceiveRepatriationHandoverSchedule,
  ReceiveRepatriationRequest,
  RecordReceptionConfirmation,
  RecordRepatriationDecision,
  ReceiveRepatriationMinutesCountersignature,
  ReceiveVictimIdentification,
  ReceiveRepatriationMinutesProposal,
  RepatriationMinutesCountersigned,
  RepatriationMinutesSigned,
  RepatriationAccepted,
  RepatriationCancelled,
  RepatriationVictimIdentified,
  RepatriationChildAdded,
  RepatriationHandedOver,
  RepatriationHandoverRescheduled,
  RepatriationHandoverScheduled,
  RepatriationReceptionConfirmed,
  RepatriationRefused,
  RepatriationRequested,
} from './repatriation';
import {
  LocateRescueAcknowledged,
  LocateRescueCaseLinked,
  LocateRescueProgressReported,
  LocateRescueRequested,
  MissingPersonLocated,
  MissingPersonNotFound,
  MissingPersonRescued,
  ReceiveLocateRescueCaseLink,
  ReceiveLocateRescueProgress,
  ReceiveLocateRescueRequest,
  RecordLocateRescueAcknowledgement,
  RecordLocateRescueOutcome,
} from './rescue';
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
import {
  ReceiveWantedPersonCaseLink,
  ReceiveWantedPersonProgress,
  ReceiveWantedPersonRequest,
  RecordWantedPersonAcknowledgement,
  RecordWantedPersonOutcome,
  WantedPersonAcknowledged,
  WantedPersonArrested,
  WantedPersonCaseLinked,
  WantedPersonNotFound,
  WantedPersonProgressReported,
  WantedPersonRequested,
} from './wanted';

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
  readonly InformationNotice: InformationNoticeSent | HotlineTipForwarded | InformationNoticeForwarded;
  readonly LocateRescueRequest: LocateRescueRequested;
  readonly LocateRescueAcknowledgement: LocateRescueAcknowledged;
  readonly LocateRescueProgress: LocateRescueProgressReported;
  readonly LocateRescueOutcome: MissingPersonLocated | MissingPersonRescued | MissingPersonNotFound;
  readonly LocateRescueCaseLink: LocateRescueCaseLinked;
  readonly WantedPersonRequest: WantedPersonRequested;
  readonly WantedPersonAcknowledgement: WantedPersonAcknowledged;
  readonly WantedPersonProgress: WantedPersonProgressReported;
  readonly WantedPersonOutcome: WantedPersonArrested | WantedPersonNotFound;
  readonly WantedPersonCaseLink: WantedPersonCaseLinked;
  readonly RepatriationMinutesProposal: RepatriationMinutesSigned;
  readonly RepatriationMinutesCountersignature: RepatriationMinutesCountersigned;
  readonly LiaisonMeetingProposal: LiaisonMeetingProposed;
  readonly LiaisonMeetingAnswer: LiaisonMeetingAgreed | LiaisonMeetingCounterProposed;
  readonly LiaisonMeetingHeld: LiaisonMeetingHeld;
  readonly LiaisonMeetingMinutes: LiaisonMeetingMinutesRecorded;
  readonly LiaisonActionItemDone: LiaisonActionItemDone;
  readonly MissionRequest: MissionRequested;
  readonly MissionDecision: MissionAccepted | MissionRefused;
  readonly MissionMovement: MissionArrived | MissionDeparted;
  readonly MissionOutcome: MissionClosed;
  readonly SuspectHandoverMinutesProposal: SuspectHandoverMinutesSigned;
  readonly SuspectHandoverMinutesCountersignature: SuspectHandoverMinutesCountersigned;
  readonly DisseminationRequest: DisseminationRequested;
  readonly DisseminationAnswer: DisseminationAnswered;
  readonly VictimIdentification: RepatriationVictimIdentified;
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
  readonly LocateRescueRequest: ReceiveLocateRescueRequest;
  readonly LocateRescueAcknowledgement: RecordLocateRescueAcknowledgement;
  readonly LocateRescueProgress: ReceiveLocateRescueProgress;
  readonly LocateRescueOutcome: RecordLocateRescueOutcome;
  readonly LocateRescueCaseLink: ReceiveLocateRescueCaseLink;
  readonly WantedPersonRequest: ReceiveWantedPersonRequest;
  readonly WantedPersonAcknowledgement: RecordWantedPersonAcknowledgement;
  readonly WantedPersonProgress: ReceiveWantedPersonProgress;
  readonly WantedPersonOutcome: RecordWantedPersonOutcome;
  readonly WantedPersonCaseLink: ReceiveWantedPersonCaseLink;
  readonly RepatriationMinutesProposal: ReceiveRepatriationMinutesProposal;
  readonly RepatriationMinutesCountersignature: ReceiveRepatriationMinutesCountersignature;
  readonly LiaisonMeetingProposal: ReceiveLiaisonMeetingProposal;
  readonly LiaisonMeetingAnswer: RecordLiaisonMeetingAnswer;
  readonly LiaisonMeetingHeld: ReceiveLiaisonMeetingHeld;
  readonly LiaisonMeetingMinutes: ReceiveLiaisonMeetingMinutes;
  readonly LiaisonActionItemDone: ReceiveLiaisonActionItemDone;
  readonly MissionRequest: ReceiveMissionRequest;
  readonly MissionDecision: RecordMissionDecision;
  readonly MissionMovement: ReceiveMissionMovement;
  readonly MissionOutcome: ReceiveMissionOutcome;
  readonly SuspectHandoverMinutesProposal: ReceiveSuspectHandoverMinutesProposal;
  readonly SuspectHandoverMinutesCountersignature: ReceiveSuspectHandoverMinutesCountersignature;
  readonly DisseminationRequest: ReceiveDisseminationRequest;
  readonly DisseminationAnswer: RecordDisseminationAnswer;
  readonly VictimIdentification: ReceiveVictimIdentification;
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
    queuedBy: ['InformationNoticeSent', 'HotlineTipForwarded', 'InformationNoticeForwarded'],
  },
  LocateRescueRequest: {
    category: 'rescue',
    type: 'ReceiveLocateRescueRequest',
    queuedBy: ['LocateRescueRequested'],
  },
  LocateRescueAcknowledgement: {
    category: 'rescue',
    type: 'RecordLocateRescueAcknowledgement',
    queuedBy: ['LocateRescueAcknowledged'],
  },
  LocateRescueProgress: {
    category: 'rescue',
    type: 'ReceiveLocateRescueProgress',
    queuedBy: ['LocateRescueProgressReported'],
  },
  LocateRescueOutcome: {
    category: 'rescue',
    type: 'RecordLocateRescueOutcome',
    queuedBy: ['MissingPersonLocated', 'MissingPersonRescued', 'MissingPersonNotFound'],
  },
  LocateRescueCaseLink: {
    category: 'rescue',
    type: 'ReceiveLocateRescueCaseLink',
    queuedBy: ['LocateRescueCaseLinked'],
  },
  WantedPersonRequest: {
    category: 'wanted',
    type: 'ReceiveWantedPersonRequest',
    queuedBy: ['WantedPersonRequested'],
  },
  WantedPersonAcknowledgement: {
    category: 'wanted',
    type: 'RecordWantedPersonAcknowledgement',
    queuedBy: ['WantedPersonAcknowledged'],
  },
  WantedPersonProgress: {
    category: 'wanted',
    type: 'ReceiveWantedPersonProgress',
    queuedBy: ['WantedPersonProgressReported'],
  },
  WantedPersonOutcome: {
    category: 'wanted',
    type: 'RecordWantedPersonOutcome',
    queuedBy: ['WantedPersonArrested', 'WantedPersonNotFound'],
  },
  WantedPersonCaseLink: {
    category: 'wanted',
    type: 'ReceiveWantedPersonCaseLink',
    queuedBy: ['WantedPersonCaseLinked'],
  },
  RepatriationMinutesProposal: {
    category: 'repatriation',
    type: 'ReceiveRepatriationMinutesProposal',
    queuedBy: ['RepatriationMinutesSigned'],
  },
  RepatriationMinutesCountersignature: {
    category: 'repatriation',
    type: 'ReceiveRepatriationMinutesCountersignature',
    queuedBy: ['RepatriationMinutesCountersigned'],
  },
  LiaisonMeetingProposal: {
    category: 'liaison',
    type: 'ReceiveLiaisonMeetingProposal',
    queuedBy: ['LiaisonMeetingProposed'],
  },
  LiaisonMeetingAnswer: {
    category: 'liaison',
    type: 'RecordLiaisonMeetingAnswer',
    queuedBy: ['LiaisonMeetingAgreed', 'LiaisonMeetingCounterProposed'],
  },
  LiaisonMeetingHeld: {
    category: 'liaison',
    type: 'ReceiveLiaisonMeetingHeld',
    queuedBy: ['LiaisonMeetingHeld'],
  },
  LiaisonMeetingMinutes: {
    category: 'liaison',
    type: 'ReceiveLiaisonMeetingMinutes',
    queuedBy: ['LiaisonMeetingMinutesRecorded'],
  },
  LiaisonActionItemDone: {
    category: 'liaison',
    type: 'ReceiveLiaisonActionItemDone',
    queuedBy: ['LiaisonActionItemDone'],
  },
  MissionRequest: { category: 'mission', type: 'ReceiveMissionRequest', queuedBy: ['MissionRequested'] },
  MissionDecision: {
    category: 'mission',
    type: 'RecordMissionDecision',
    queuedBy: ['MissionAccepted', 'MissionRefused'],
  },
  MissionMovement: {
    category: 'mission',
    type: 'ReceiveMissionMovement',
    queuedBy: ['MissionArrived', 'MissionDeparted'],
  },
  MissionOutcome: { category: 'mission', type: 'ReceiveMissionOutcome', queuedBy: ['MissionClosed'] },
  SuspectHandoverMinutesProposal: {
    category: 'handover',
    type: 'ReceiveSuspectHandoverMinutesProposal',
    queuedBy: ['SuspectHandoverMinutesSigned'],
  },
  SuspectHandoverMinutesCountersignature: {
    category: 'handover',
    type: 'ReceiveSuspectHandoverMinutesCountersignature',
    queuedBy: ['SuspectHandoverMinutesCountersigned'],
  },
  // Asking the originator of a notice to let it go further, and its answer, travel within the notice's case.
  DisseminationRequest: {
    category: 'notice',
    type: 'ReceiveDisseminationRequest',
    queuedBy: ['DisseminationRequested'],
  },
  DisseminationAnswer: {
    category: 'notice',
    type: 'RecordDisseminationAnswer',
    queuedBy: ['DisseminationAnswered'],
  },
  VictimIdentification: {
    category: 'repatriation',
    type: 'ReceiveVictimIdentification',
    queuedBy: ['RepatriationVictimIdentified'],
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
