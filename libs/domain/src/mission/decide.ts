import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import { LINKABLE_PROCESSES } from '../jointop/events';
import {
  BorderGateRef,
  calendarDateOf,
  decideDelivery,
  inboundOf,
  instant,
  invalidTransition,
  isAgencyId,
  isIsoDate,
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
  refuseUnlessLocal,
} from '../shared';
import {
  MISSION_RULES,
  MissionCommand,
  MissionStepCommand,
  ReceiveMissionRequest,
  RequestMission,
} from './commands';
import { MISSION_KINDS, MissionEvent, MissionMember } from './events';
import { Mission, MissionState } from './state';

export * from './commands';

type Decision = readonly MissionEvent[] | DomainError;

const text = (value: unknown, max = 2000) => isNonEmptyText(value, max);
const optionalText = (value: unknown, max = 10_000) => value === undefined || text(value, max);
const TRAVEL_DOCUMENTS = ['passport', 'border_pass', 'travel_document'];

const gateProblems = (gate: BorderGateRef | undefined): Problems =>
  problems({ code: text(gate?.code, 100), name: optionalText(gate?.name, 200) });

/** A working group's members must carry a travel document each; a delegation's need not (lighter). */
const memberProblems = (member: MissionMember, travelDocumentRequired: boolean): Problems => [
  ...problems({
    rank: optionalText(member?.rank, 200),
    role: optionalText(member?.role, 200),
    'person.identityDocuments':
      !travelDocumentRequired ||
      (member?.person?.identityDocuments ?? []).some((document) => TRAVEL_DOCUMENTS.includes(document?.type)),
  }),
  ...prefixed('person', personProblems(member?.person)),
];

const requestProblems = (
  data: ReceiveMissionRequest['data'] | undefined,
  now: string | undefined,
): Problems => {
  const workingGroup = data?.kind === 'working_group';
  const supported = data?.supportedCase;
  const members = Array.isArray(data?.members) ? data.members : undefined;
  return [
    ...problems({
      caseId: isUuid(data?.caseId),
      kind: MISSION_KINDS.some((kind) => kind === data?.kind),
      purpose: text(data?.purpose, 10_000),
      supportedCase: supported === undefined ? !workingGroup : typeof supported === 'object',
      members: members !== undefined && members.length > 0,
      arrivesOn: isIsoDate(data?.arrivesOn) && (now === undefined || data.arrivesOn >= calendarDateOf(now)),
      departsOn: isIsoDate(data?.departsOn) && data.departsOn >= (data?.arrivesOn ?? ''),
      deadline: isIsoDateTime(data?.deadline) && (now === undefined || instant(data.deadline) > instant(now)),
    }),
    ...(supported === undefined
      ? []
      : prefixed(
          'supportedCase',
          problems({
            process: LINKABLE_PROCESSES.includes(supported?.process),
            caseId: isUuid(supported?.caseId),
          }),
        )),
    // The contract lets a counterpart leave travel documents out; our officers record them.
    ...(members ?? []).flatMap((member, index) =>
      prefixed(`members[${index}]`, memberProblems(member, workingGroup && now !== undefined)),
    ),
    ...prefixed('entryGate', gateProblems(data?.entryGate)),
  ];
};

const open = (command: RequestMission | ReceiveMissionRequest): Decision => {
  const us = command.metadata.agencyId;
  const { caseId, kind, purpose, supportedCase, members, arrivesOn, departsOn, entryGate, deadline } =
    command.data ?? {};
  const content = {
    caseId,
    kind,
    purpose,
    ...(supportedCase === undefined ? {} : { supportedCase }),
    members,
    arrivesOn,
    departsOn,
    entryGate,
    deadline,
  };
  if (command.type === 'ReceiveMissionRequest') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const invalid = refuseIf(requestProblems(command.data, undefined));
    if (invalid) return invalid;
    return [
      {
        type: 'MissionRequestReceived',
        data: { ...content, requester: inbound.counterpart, host: us, inbound },
      },
    ];
  }
  const { counterpart } = command.data ?? {};
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
      ...requestProblems(command.data, command.metadata.now),
    ]);
  if (invalid) return invalid;
  const outbound = outboundOf(command, counterpart, 'MissionRequest');
  if (isDomainError(outbound)) return outbound;
  return [{ type: 'MissionRequested', data: { ...content, requester: us, host: counterpart, outbound } }];
};

const decision = (
  command: MissionStepCommand,
  origin: Origin,
  state: Mission,
  data: { decision?: string; remarks?: string } | undefined,
): Decision => {
  const accepted = data?.decision === 'accepted';
  const invalid = refuseIf(
    problems({
      decision: accepted || data?.decision === 'refused',
      remarks: accepted ? optionalText(data?.remarks) : text(data?.remarks, 10_000),
    }),
  );
  const marker =
    invalid ?? messageMarker(command, origin, state.counterpart, 'MissionDecision', state.requestMessageId);
  if (isDomainError(marker)) return marker;
  const remarks = data!.remarks;
  return accepted
    ? [
        {
          type: 'MissionAccepted',
          data: { decision: 'accepted', ...(remarks === undefined ? {} : { remarks }), ...marker },
        },
      ]
    : [{ type: 'MissionRefused', data: { decision: 'refused', reason: remarks!, ...marker } }];
};

const crossing = (
  command: MissionStepCommand,
  origin: Origin,
  state: Mission,
  movement: 'arrival' | 'departure',
  data: { at?: string; gate?: BorderGateRef } | undefined,
): Decision => {
  const expected = movement === 'arrival' ? 'accepted' : 'arrived';
  if (state.status !== expected) return invalidTransition(`${command.type} (${movement})`, state.status);
  const gate = data?.gate ?? state.entryGate;
  const now = 'local' in origin ? command.metadata.now : undefined;
  const after = movement === 'departure' ? state.arrival?.at : undefined;
  const invalid = refuseIf([
    ...problems({
      at:
        isIsoDateTime(data?.at) &&
        (now === undefined || instant(data.at) <= instant(now)) &&
        (now === undefined || after === undefined || instant(data.at) >= instant(after)),
    }),
    ...prefixed('gate', gateProblems(gate)),
  ]);
  const marker = invalid ?? messageMarker(command, origin, state.counterpart, 'MissionMovement');
  if (isDomainError(marker)) return marker;
  const at = data!.at!;
  return movement === 'arrival'
    ? [{ type: 'MissionArrived', data: { movement, at, gate, ...marker } }]
    : [{ type: 'MissionDeparted', data: { movement, at, gate, ...marker } }];
};

const step = (command: MissionStepCommand, state: Mission, origin: Origin): Decision => {
  switch (command.type) {
    case 'AcceptMission':
      return decision(command, origin, state, { decision: 'accepted', remarks: command.data?.remarks });
    case 'RefuseMission':
      return decision(command, origin, state, { decision: 'refused', remarks: command.data?.reason });
    case 'RecordMissionDecision':
      return decision(command, origin, state, command.data);
    case 'RecordMissionArrival':
      return crossing(command, origin, state, 'arrival', command.data);
    case 'RecordMissionDeparture':
      return crossing(command, origin, state, 'departure', command.data);
    case 'ReceiveMissionMovement': {
      const movement = command.data?.movement;
      if (movement !== 'arrival' && movement !== 'departure') return refuseIf(['movement'])!;
      return crossing(command, origin, state, movement, command.data);
    }
    case 'ReportMissionOutcome':
    case 'ReceiveMissionOutcome': {
      const local = 'local' in origin;
      const summary = command.data?.summary;
      const linkedCaseIds =
        command.data?.linkedCaseIds ??
        (state.supportedCase === undefined ? [] : [state.supportedCase.caseId]);
      const invalid = refuseIf(
        problems({
          summary: local ? text(summary, 20_000) : typeof summary === 'string',
          linkedCaseIds: Array.isArray(linkedCaseIds) && linkedCaseIds.every(isUuid),
        }),
      );
      const marker = invalid ?? messageMarker(command, origin, state.counterpart, 'MissionOutcome');
      if (isDomainError(marker)) return marker;
      return [{ type: 'MissionClosed', data: { summary, linkedCaseIds: [...linkedCaseIds], ...marker } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a working group or delegation command on the current state (pure). */
export const decideMission = caseDecide<MissionCommand, MissionEvent, MissionState>()({
  opening: ['RequestMission', 'ReceiveMissionRequest'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('Mission', command, trail, counterpart),
  rules: MISSION_RULES,
  step,
});
