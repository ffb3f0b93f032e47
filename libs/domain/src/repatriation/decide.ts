import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  annexOf,
  annexProblems,
  CHILD_RELATIONSHIPS,
  isCountryCode,
  alreadyExists,
  decideDelivery,
  decideScheduling,
  inboundOf,
  instant,
  instantOfLocal,
  isAgencyId,
  localTimesOf,
  isIsoDateTime,
  isNonEmptyText,
  isUuid,
  messageMarker,
  Origin,
  outboundOf,
  personProblems,
  prefixed,
  Problems,
  problems,
  refuseIf,
  refuseHandoverUnlessCoSigned,
  refuseUnlessLocal,
} from '../shared';
import {
  REPATRIATION_RULES,
  RepatriationCommand,
  RepatriationStepCommand,
  RequestRepatriation,
  ReceiveRepatriationRequest,
  RecordRepatriationDecision,
} from './commands';
import { ChildParticulars, childParticularsOf, RepatriationEvent, SUPPORT_SERVICES } from './events';
import { Repatriation, RepatriationState } from './state';
import { decideMinutes, identify } from './minutes';

export * from './commands';

type Decision = readonly RepatriationEvent[] | DomainError;

const text = (value: unknown, max = 2000) => isNonEmptyText(value, max);
const optionalText = (value: unknown) => value === undefined || text(value);
const notFuture = (value: unknown, now: string) => isIsoDateTime(value) && instant(value) <= instant(now);

/** A child's particulars: its person, relationship and country of birth. */
const childParticularsProblems = (child: ChildParticulars | undefined): Problems => [
  ...problems({
    relationship: child?.relationship === undefined || CHILD_RELATIONSHIPS.includes(child.relationship),
    bornInCountry: child?.bornInCountry === undefined || isCountryCode(child.bornInCountry),
  }),
  ...prefixed('person', personProblems(child?.person)),
];

const childProblems = (children: readonly ChildParticulars[] | undefined): Problems => {
  if (!Array.isArray(children)) return ['children'];
  const ids = children.map((child) => child?.childId);
  return [
    ...problems({ 'children.childId': ids.every(isUuid) && new Set(ids).size === ids.length }),
    ...children.flatMap((child, index) => prefixed(`children[${index}]`, childParticularsProblems(child))),
  ];
};

const requestProblems = (
  data: RequestRepatriation['data'] | ReceiveRepatriationRequest['data'],
  now?: string,
): Problems => [
  ...problems({
    caseId: isUuid(data?.caseId),
    // A counterpart's request may carry no remarks (the contract leaves them optional); ours may not.
    circumstances:
      now === undefined ? typeof data?.circumstances === 'string' : text(data?.circumstances, 10_000),
    deadline: isIsoDateTime(data?.deadline) && (now === undefined || instant(data.deadline) > instant(now)),
  }),
  ...prefixed('victim', personProblems(data?.victim)),
  ...childProblems(data?.children),
  ...annexProblems(data),
];

const open = (command: RequestRepatriation | ReceiveRepatriationRequest): Decision => {
  const { caseId, victim, children, circumstances, deadline } = command.data;
  const content = { caseId, victim, children, circumstances, deadline, ...annexOf(command.data) };
  const us = command.metadata.agencyId;
  if (command.type === 'ReceiveRepatriationRequest') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const invalid = refuseIf(requestProblems(command.data));
    if (invalid) return invalid;
    const sides = { requestingAgency: inbound.counterpart, receivingAgency: us };
    return [{ type: 'RepatriationRequestReceived', data: { ...content, ...sides, inbound } }];
  }
  const { counterpart } = command.data;
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
      ...requestProblems(command.data, command.metadata.now),
    ]);
  if (invalid) return invalid;
  const outbound = outboundOf(command, counterpart, 'RepatriationRequest');
  if (isDomainError(outbound)) return outbound;
  return [
    {
      type: 'RepatriationRequested',
      data: { ...content, requestingAgency: us, receivingAgency: counterpart, outbound },
    },
  ];
};

/**
 * The children among the persons a hand-over or reception names: a counterpart names everyone by
 * person id, the victim included (under the reference the victim has in this case).
 */
const childrenAmong = (ids: readonly string[] | undefined, state: Repatriation) =>
  Array.isArray(ids) ? ids.filter((id) => id !== state.victim.personId) : undefined;

/** Everyone a step of ours names: the victim by the case's reference for them (when known), then the children. */
const personIdsOf = (state: Repatriation, childIds: readonly string[] | undefined) =>
  state.victim.personId === undefined ? {} : { personIds: [state.victim.personId, ...(childIds ?? [])] };

/** The children listed by a hand-over or reception must be children of the case, each once. */
const childIdsProblems = (ids: readonly string[] | undefined, state: Repatriation): Problems => {
  const known = state.children.map((child) => child.childId);
  const ok = Array.isArray(ids) && new Set(ids).size === ids.length && ids.every((id) => known.includes(id));
  return ok ? [] : ['childIds'];
};

const step = (command: RepatriationStepCommand, state: Repatriation, origin: Origin): Decision => {
  const now = command.metadata.now;
  const marked = (kind: Parameters<typeof messageMarker>[3], inReplyTo?: string) =>
    messageMarker(command, origin, state.counterpart, kind, inReplyTo);
  switch (command.type) {
    case 'StartRepatriationVerification': {
      const { verificationCaseId } = command.data ?? {};
      const invalid = refuseIf(
        problems({ verificationCaseId: verificationCaseId === undefined || text(verificationCaseId, 100) }),
      );
      if (invalid) return invalid;
      return [
        {
          type: 'RepatriationVerificationStarted',
          data: verificationCaseId === undefined ? {} : { verificationCaseId },
        },
      ];
    }
    case 'AcceptRepatriation':
      return decision(command, origin, state, { decision: 'accepted', note: command.data?.note });
    case 'RefuseRepatriation':
      return decision(command, origin, state, { decision: 'refused', reason: command.data?.reason });
    case 'RecordRepatriationDecision':
      return decision(command, origin, state, command.data);
    case 'AddAccompanyingChild':
    case 'ReceiveAccompanyingChild': {
      const childId = command.data?.childId;
      if (state.children.some((child) => child.childId === childId))
        return alreadyExists(`${command.type} for that child id`);
      const invalid = refuseIf([
        ...problems({ childId: isUuid(childId) }),
        ...childParticularsProblems(command.data),
      ]);
      const marker = invalid ?? marked('RepatriationChildAdded');
      if (isDomainError(marker)) return marker;
      return [{ type: 'RepatriationChildAdded', data: { ...childParticularsOf(command.data), ...marker } }];
    }
    case 'ScheduleRepatriationHandover':
    case 'ReceiveRepatriationHandoverSchedule':
      return schedule(command, state, origin);
    case 'RecordRepatriationHandover':
    case 'ReceiveRepatriationHandover': {
      const unsigned = refuseHandoverUnlessCoSigned(state);
      if (unsigned) return unsigned;
      const handedOverAt = command.data?.handedOverAt;
      const childIds = childrenAmong(command.data?.childIds, state);
      const local = 'local' in origin;
      const invalid = refuseIf([
        ...problems({ handedOverAt: local ? notFuture(handedOverAt, now) : isIsoDateTime(handedOverAt) }),
        ...childIdsProblems(childIds, state),
        ...annexProblems(command.data),
      ]);
      const marker = invalid ?? marked('HandoverCompleted');
      if (isDomainError(marker)) return marker;
      const annex = annexOf({ annex: { ...personIdsOf(state, childIds), ...command.data?.annex } });
      const data = { handedOverAt, childIds: childIds ?? [], ...annex, ...marker };
      return [{ type: 'RepatriationHandedOver', data }];
    }
    case 'ConfirmRepatriationReception':
    case 'RecordReceptionConfirmation': {
      const unsigned = refuseHandoverUnlessCoSigned(state);
      if (unsigned) return unsigned;
      const { facility, receivedAt } = command.data ?? {};
      const childIds = childrenAmong(command.data?.childIds, state);
      const local = 'local' in origin;
      const invalid = refuseIf([
        ...problems({
          facility: text(facility, 300),
          receivedAt: local ? notFuture(receivedAt, now) : isIsoDateTime(receivedAt),
        }),
        ...childIdsProblems(childIds, state),
        ...annexProblems(command.data),
      ]);
      const marker = invalid ?? marked('ReceptionConfirmed');
      if (isDomainError(marker)) return marker;
      const annex = annexOf({ annex: { ...personIdsOf(state, childIds), ...command.data?.annex } });
      const data = { facility, receivedAt, childIds: childIds ?? [], ...annex, ...marker };
      return [{ type: 'RepatriationReceptionConfirmed', data }];
    }
    case 'ReferRepatriatedVictim': {
      const { services, referredTo, note } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          services:
            Array.isArray(services) &&
            services.length > 0 &&
            services.every((service) => SUPPORT_SERVICES.includes(service)),
          referredTo: text(referredTo, 300),
          note: optionalText(note),
        }),
      );
      if (invalid) return invalid;
      return [
        {
          type: 'RepatriationVictimReferred',
          data: { services, referredTo, ...(note === undefined ? {} : { note }) },
        },
      ];
    }
    case 'CancelRepatriation':
    case 'ReceiveRepatriationCancellation': {
      const reason = command.data?.reason;
      const marker = refuseIf(problems({ reason: text(reason) })) ?? marked('RepatriationCancellation');
      if (isDomainError(marker)) return marker;
      return [{ type: 'RepatriationCancelled', data: { reason, ...marker } }];
    }
    case 'IdentifyRepatriationVictim':
    case 'ReceiveVictimIdentification':
      return identify(command, state, origin);
    case 'ProposeRepatriationMinutes':
    case 'SignRepatriationMinutes':
    case 'ReceiveRepatriationMinutesProposal':
    case 'CountersignRepatriationMinutes':
    case 'ReceiveRepatriationMinutesCountersignature':
      return decideMinutes(command, state, origin);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Acceptance or refusal, ours (queued in reply to the request) or the counterpart's. */
const decision = (
  command: RepatriationStepCommand,
  origin: Origin,
  state: Repatriation,
  data: RecordRepatriationDecision['data'],
): Decision => {
  const { note, reason } = data ?? {};
  const accepted = data?.decision === 'accepted';
  // A counterpart may refuse on a stated ground without remarks; our officers give a reason.
  const reasonOk = 'local' in origin ? text(reason) : typeof reason === 'string';
  const invalid = refuseIf([
    ...problems({
      decision: accepted || data?.decision === 'refused',
      ...(accepted ? { note: optionalText(note) } : { reason: reasonOk }),
    }),
    ...annexProblems(data),
  ]);
  const marker =
    invalid ??
    messageMarker(command, origin, state.counterpart, 'RepatriationDecision', state.requestMessageId);
  if (isDomainError(marker)) return marker;
  return accepted
    ? [
        {
          type: 'RepatriationAccepted',
          data: {
            decision: 'accepted',
            ...(note === undefined ? {} : { note }),
            ...annexOf(data),
            ...marker,
          },
        },
      ]
    : [
        {
          type: 'RepatriationRefused',
          data: { decision: 'refused', reason: reason as string, ...annexOf(data), ...marker },
        },
      ];
};

/** (Re)scheduling; on a tie the receiving side's schedule wins (it takes the victim over). */
const schedule = (
  command: Extract<
    RepatriationStepCommand,
    { type: 'ScheduleRepatriationHandover' | 'ReceiveRepatriationHandoverSchedule' }
  >,
  state: Repatriation,
  origin: Origin,
): Decision => {
  const decided = decideScheduling(
    command,
    origin,
    state.schedule,
    state.counterpart,
    state.receivingAgency,
    'HandoverScheduling',
  );
  if (decided === 'stale' || isDomainError(decided)) return decided === 'stale' ? [] : decided;
  const type = decided.first ? 'RepatriationHandoverScheduled' : 'RepatriationHandoverRescheduled';
  const { date, time, proposedBy } = decided.schedule;
  const localTimes = localTimesOf(instantOfLocal(date, time, proposedBy), [
    state.requestingAgency,
    state.receivingAgency,
  ]);
  return [
    { type, data: { schedule: decided.schedule, localTimes, ...annexOf(command.data), ...decided.marker } },
  ];
};

/** Decides a repatriation command on the current state (pure). */
export const decideRepatriation = caseDecide<RepatriationCommand, RepatriationEvent, RepatriationState>()({
  opening: ['RequestRepatriation', 'ReceiveRepatriationRequest'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('Repatriation', command, trail, counterpart),
  rules: REPATRIATION_RULES,
  step,
});
