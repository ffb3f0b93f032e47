import {
  appliedMessageOf,
  DomainEvent,
  ProcessCategory,
  PURPOSE_RESULTS,
  VERIFICATION_PURPOSES,
} from '@xb/domain';

/**
 * How the automatic counterpart answers (the `responder` role): for demos and tests, a node can play the
 * Chinese or Lao agency without officers, answering what Vietnam asks of it (a suspect held there, a
 * crackdown period, a notice, a verification in its own records). Every answer goes through the same commands an
 * officer would use, so it is sealed, sent and receipted like any other.
 */
export interface ResponderPolicy {
  /** Outcome of every verification answer. Default `confirmed`. */
  readonly verificationOutcome: 'confirmed' | 'not_found' | 'partial' | 'more_information_needed';
  /** Accept repatriation requests (else refuse). Default true. */
  readonly acceptRepatriations: boolean;
  /** Accept suspect hand-over requests (else refuse). Default true. */
  readonly acceptSuspectHandovers: boolean;
  /** Agree joint operation proposals (else decline). Default true. */
  readonly agreeJointOperations: boolean;
  /** Wait before each answer, as an officer would take time. Default 300 ms. */
  readonly delayMs: number;
  /** Support facility named when a repatriated victim is received. */
  readonly facility: string;
}

export const DEFAULT_RESPONDER_POLICY: ResponderPolicy = {
  verificationOutcome: 'confirmed',
  acceptRepatriations: true,
  acceptSuspectHandovers: true,
  agreeJointOperations: true,
  delayMs: 300,
  facility: 'Counterpart social protection centre',
};

/** A command the responder takes on a case, with its data built from the case's state. */
export interface Reaction {
  readonly category: ProcessCategory;
  readonly type: string;
  readonly data: (state: Record<string, unknown>, now: string) => Record<string, unknown>;
}

const react = (category: ProcessCategory, type: string, data: Reaction['data'] = () => ({})): Reaction => ({
  category,
  type,
  data,
});

/**
 * Each purpose the round asks, answered as the outcome says: all established when confirmed, none when
 * not found, the first only when partial; none yet when more information is needed.
 */
export const answersFor = (
  outcome: ResponderPolicy['verificationOutcome'],
  asked: unknown,
): Record<string, string> => {
  if (outcome === 'more_information_needed') return {};
  const purposes = VERIFICATION_PURPOSES.filter((p) => Array.isArray(asked) && asked.includes(p));
  return Object.fromEntries(
    purposes.map((purpose, i) => {
      const [yes, no] = PURPOSE_RESULTS[purpose];
      const established = outcome === 'confirmed' || (outcome === 'partial' && i === 0);
      return [purpose, established ? yes : no];
    }),
  );
};

/** When the case's minutes say the person was handed over. */
const minutesHandedOverAt = (state: Record<string, unknown>): string | undefined =>
  (state.minutes as { minutes?: { handedOverAt?: string } } | undefined)?.minutes?.handedOverAt;

/**
 * What the responder does after an event of one of its cases. Only events applied from the counterpart's
 * messages get an answer, so the responder never answers itself.
 */
export function reactionsTo(event: DomainEvent, policy: ResponderPolicy): readonly Reaction[] {
  if (!appliedMessageOf(event)) return [];
  switch (event.type) {
    case 'VerificationRequestReceived':
    case 'VerificationAdditionalInformationProvided':
      return [
        react('verification', 'AnswerVerificationRequest', (state) => ({
          outcome: policy.verificationOutcome,
          answers: answersFor(policy.verificationOutcome, state.purposes),
          findings:
            policy.verificationOutcome === 'more_information_needed'
              ? 'Please send the names of the parents.'
              : 'Checked against the residence records and with the local police station.',
        })),
      ];
    case 'RepatriationRequestReceived':
      return [
        policy.acceptRepatriations
          ? react('repatriation', 'AcceptRepatriation', () => ({
              note: 'Nationality confirmed; the victim may return.',
            }))
          : react('repatriation', 'RefuseRepatriation', () => ({
              reason: 'Nationality could not be confirmed.',
            })),
      ];
    case 'RepatriationHandedOver': {
      const childIds = (state: Record<string, unknown>) =>
        ((state.children as { childId: string }[] | undefined) ?? []).map((c) => c.childId);
      return [
        react('repatriation', 'ConfirmRepatriationReception', (state, now) => ({
          facility: policy.facility,
          receivedAt: now,
          childIds: childIds(state),
        })),
        react('repatriation', 'ReferRepatriatedVictim', () => ({
          services: ['shelter', 'medical', 'legal', 'family_reunification'],
          referredTo: policy.facility,
        })),
      ];
    }
    case 'SuspectHandoverRequestReceived':
      return [
        policy.acceptSuspectHandovers
          ? react('handover', 'AcceptSuspectHandover', () => ({
              note: 'The person is held and will be handed over.',
            }))
          : react('handover', 'RefuseSuspectHandover', () => ({ reason: 'The person is prosecuted here.' })),
      ];
    case 'SuspectHandoverMinutesCoSigned':
      // The holding side hands the person over once both sides signed the minutes at the gate (its
      // officers draw them up; the hand-over waits for the counterpart's countersignature), at the time
      // the minutes record.
      return [
        react('handover', 'RecordSuspectHandover', (state, now) => ({
          handedOverAt: minutesHandedOverAt(state) ?? now,
        })),
      ];
    case 'JointOperationProposalReceived':
      return [
        policy.agreeJointOperations
          ? react('jointop', 'AgreeJointOperation')
          : react('jointop', 'DeclineJointOperation', () => ({
              reason: 'Units committed elsewhere in that period.',
            })),
      ];
    case 'InformationNoticeReceived':
      return [
        react('notice', 'ClassifyInformationNotice', (state) => ({
          category: state.category,
          priority: 'routine',
        })),
        react('notice', 'ProcessInformationNotice', () => ({
          outcome: 'actioned',
          note: 'Shared with the provincial units.',
        })),
      ];
    // A request to search is taken on; what the search finds is for officers (or a demo) to record.
    case 'LocateRescueRequestReceived':
      return [react('rescue', 'AcknowledgeLocateRescue', () => ({ assignedUnit: 'Duty unit' }))];
    case 'WantedPersonRequestReceived':
      return [react('wanted', 'AcknowledgeWantedPerson', () => ({ assignedUnit: 'Duty unit' }))];
    default:
      return [];
  }
}
