import { caseDecide } from '../case-process';
import { domainError, DomainError, isDomainError } from '../decider';
import {
  annexOf,
  annexProblems,
  TRAFFICKING_FORMS,
  calendarDateOf,
  decideDelivery,
  inboundOf,
  instant,
  isAgencyId,
  isIsoDate,
  isIsoDateTime,
  isNonEmptyText,
  isUuid,
  messageMarker,
  Origin,
  outboundOf,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
} from '../shared';
import {
  JOINT_OPERATION_RULES,
  JointOperationCommand,
  JointOperationStepCommand,
  ProposeJointOperation,
  ReceiveJointOperationProposal,
  RecordJointOperationAgreement,
} from './commands';
import { JointOperationEvent, JointOperationTerms, JointResultReport, LINKABLE_PROCESSES } from './events';
import { JointOperation, JointOperationState } from './state';

export * from './commands';

type Decision = readonly JointOperationEvent[] | DomainError;

const text = (value: unknown, max = 2000) => isNonEmptyText(value, max);
const count = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/**
 * Terms are well formed; a local proposal or agreement (`today` given) must also end today or later
 * and name its units and targets, which the contract lets a counterpart leave out.
 */
const termsProblems = (terms: JointOperationTerms | undefined, today?: string): Problems => {
  const local = today !== undefined;
  return problems({
    'terms.name': text(terms?.name, 300),
    'terms.startDate': isIsoDate(terms?.startDate),
    'terms.endDate':
      isIsoDate(terms?.endDate) &&
      terms!.endDate >= terms!.startDate &&
      (today === undefined || terms!.endDate >= today),
    'terms.units':
      Array.isArray(terms?.units) &&
      terms.units.length > 0 &&
      terms.units.every(
        (unit) =>
          isAgencyId(unit?.agencyId) && (local ? text(unit?.name, 300) : typeof unit?.name === 'string'),
      ),
    'terms.targets':
      Array.isArray(terms?.targets) &&
      (!local || terms.targets.length > 0) &&
      terms.targets.every((target) => text(target, 500)),
    'terms.forms': (terms?.forms ?? []).every((form) => TRAFFICKING_FORMS.includes(form)),
  });
};

/** A counterpart's report may come without an assessment (`local` false). */
const reportProblems = (report: JointResultReport | undefined, local: boolean): Problems =>
  problems({
    'report.summary': local ? text(report?.summary, 20_000) : typeof report?.summary === 'string',
    'report.victimsRescued': count(report?.victimsRescued),
    'report.suspectsArrested': count(report?.suspectsArrested),
    'report.casesInvestigated': count(report?.casesInvestigated),
  });

const open = (command: ProposeJointOperation | ReceiveJointOperationProposal): Decision => {
  const { caseId, terms, deadline } = command.data;
  const us = command.metadata.agencyId;
  const local = command.type === 'ProposeJointOperation';
  const now = command.metadata.now;
  const contentProblems = [
    ...problems({
      caseId: isUuid(caseId),
      deadline: isIsoDateTime(deadline) && (!local || instant(deadline) > instant(now)),
    }),
    ...termsProblems(terms, local ? calendarDateOf(now) : undefined),
  ];
  if (command.type === 'ReceiveJointOperationProposal') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const invalid = refuseIf(contentProblems);
    if (invalid) return invalid;
    return [
      {
        type: 'JointOperationProposalReceived',
        data: {
          caseId,
          proposer: inbound.counterpart,
          partner: us,
          terms,
          deadline,
          ...annexOf(command.data),
          inbound,
        },
      },
    ];
  }
  const { counterpart } = command.data;
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
      ...contentProblems,
    ]);
  if (invalid) return invalid;
  const outbound = outboundOf(command, counterpart, 'JointOperationProposal');
  if (isDomainError(outbound)) return outbound;
  return [
    {
      type: 'JointOperationProposed',
      data: {
        caseId,
        proposer: us,
        partner: counterpart,
        terms,
        deadline,
        ...annexOf(command.data),
        outbound,
      },
    },
  ];
};

const answer = (
  command: JointOperationStepCommand,
  origin: Origin,
  state: JointOperation,
  data: RecordJointOperationAgreement['data'],
): Decision => {
  const agreed = data?.decision === 'agreed';
  const terms = data?.terms ?? state.terms;
  const today = 'local' in origin ? calendarDateOf(command.metadata.now) : undefined;
  const invalid = refuseIf([
    ...problems({
      decision: agreed || data?.decision === 'declined',
      ...(agreed ? {} : { reason: text(data?.reason) }),
    }),
    ...(agreed && data?.terms !== undefined ? termsProblems(terms, today) : []),
    ...annexProblems(data),
  ]);
  const marker =
    invalid ??
    messageMarker(command, origin, state.counterpart, 'JointOperationAgreement', state.proposalMessageId);
  if (isDomainError(marker)) return marker;
  return agreed
    ? [{ type: 'JointOperationAgreed', data: { decision: 'agreed', terms, ...annexOf(data), ...marker } }]
    : [
        {
          type: 'JointOperationDeclined',
          data: { decision: 'declined', reason: data.reason as string, ...marker },
        },
      ];
};

const step = (command: JointOperationStepCommand, state: JointOperation, origin: Origin): Decision => {
  switch (command.type) {
    case 'AgreeJointOperation':
      return answer(command, origin, state, {
        decision: 'agreed',
        terms: command.data?.terms,
        ...annexOf(command.data),
      });
    case 'DeclineJointOperation':
      return answer(command, origin, state, { decision: 'declined', reason: command.data?.reason });
    case 'RecordJointOperationAgreement':
      return answer(command, origin, state, command.data);
    case 'LinkCaseToJointOperation':
    case 'ReceiveJointOperationCaseLink': {
      const { process, linkedCaseId } = command.data ?? {};
      const invalid = refuseIf([
        ...problems({ process: LINKABLE_PROCESSES.includes(process), linkedCaseId: isUuid(linkedCaseId) }),
        ...annexProblems(command.data),
      ]);
      if (invalid) return invalid;
      // Linking is idempotent: both sides may link the same case.
      if (state.linkedCases.some((linked) => linked.process === process && linked.caseId === linkedCaseId))
        return [];
      const marker = messageMarker(command, origin, state.counterpart, 'JointOperationCaseLink');
      if (isDomainError(marker)) return marker;
      const data = { process, linkedCaseId, ...annexOf(command.data), ...marker };
      return [{ type: 'JointOperationCaseLinked', data }];
    }
    case 'CloseJointOperation':
    case 'ReceiveJointOperationReport': {
      const report = command.data?.report;
      if ('local' in origin && calendarDateOf(command.metadata.now) < state.terms.startDate) {
        return domainError('INVALID_TRANSITION', `${command.type} is not allowed before the period starts`);
      }
      const marker =
        refuseIf([...reportProblems(report, 'local' in origin), ...annexProblems(command.data)]) ??
        messageMarker(command, origin, state.counterpart, 'JointOperationReport');
      if (isDomainError(marker)) return marker;
      return [{ type: 'JointOperationClosed', data: { report, ...annexOf(command.data), ...marker } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a joint operation command on the current state (pure). */
export const decideJointOperation = caseDecide<
  JointOperationCommand,
  JointOperationEvent,
  JointOperationState
>()({
  opening: ['ProposeJointOperation', 'ReceiveJointOperationProposal'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('JointOperation', command, trail, counterpart),
  rules: JOINT_OPERATION_RULES,
  step,
});
