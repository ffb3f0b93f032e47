import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  countersignMinutes,
  MinutesCase,
  proposeMinutes,
  receiveMinutesCountersignature,
  receiveMinutesProposal,
  refuseHandoverUnlessCoSigned,
  signMinutes,
  warrantOf,
  annexOf,
  annexProblems,
  decideDelivery,
  decideScheduling,
  inboundOf,
  instant,
  instantOfLocal,
  isAgencyId,
  calendarDateOf,
  isIsoDate,
  isIsoDateTime,
  isNonEmptyText,
  isUuid,
  localTimesOf,
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
  ReceiveSuspectHandoverRequest,
  RecordSuspectHandoverDecision,
  RequestSuspectHandover,
  SUSPECT_HANDOVER_RULES,
  SuspectHandoverCommand,
  SuspectHandoverStepCommand,
} from './commands';
import { SuspectHandoverEvent } from './events';
import { SuspectHandover, SuspectHandoverState } from './state';

export * from './commands';

type Decision = readonly SuspectHandoverEvent[] | DomainError;

const text = (value: unknown, max = 2000) => isNonEmptyText(value, max);

/** No time zone is ahead of UTC+14: a warrant dated after that day's date anywhere is not yet issued. */
const LATEST_UTC_OFFSET_MINUTES = 14 * 60;

const requestProblems = (
  data: RequestSuspectHandover['data'] | ReceiveSuspectHandoverRequest['data'],
  now: string,
  deadlineFrom?: string,
): Problems => [
  ...problems({
    caseId: isUuid(data?.caseId),
    warrantReference: text(data?.warrantReference, 100),
    warrantIssuedBy: text(data?.warrantIssuedBy, 300),
    warrantIssuedOn:
      isIsoDate(data?.warrantIssuedOn) &&
      isIsoDateTime(now) &&
      data.warrantIssuedOn <= calendarDateOf(now, LATEST_UTC_OFFSET_MINUTES),
    offences: text(data?.offences, 10_000),
    // A request we send must leave time to decide; an inbound one is not judged by our clock.
    deadline:
      isIsoDateTime(data?.deadline) &&
      (deadlineFrom === undefined || instant(data.deadline) > instant(deadlineFrom)),
  }),
  ...prefixed('suspect', personProblems(data?.suspect)),
  ...annexProblems(data),
];

const open = (command: RequestSuspectHandover | ReceiveSuspectHandoverRequest): Decision => {
  const { caseId, suspect, warrantReference, warrantIssuedBy, warrantIssuedOn, offences, deadline } =
    command.data;
  const content = {
    caseId,
    suspect,
    warrantReference,
    warrantIssuedBy,
    warrantIssuedOn,
    offences,
    deadline,
    ...annexOf(command.data),
  };
  const us = command.metadata.agencyId;
  if (command.type === 'ReceiveSuspectHandoverRequest') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const invalid = refuseIf(requestProblems(command.data, command.metadata.now));
    if (invalid) return invalid;
    return [
      {
        type: 'SuspectHandoverRequestReceived',
        data: { ...content, requestingAgency: inbound.counterpart, holdingAgency: us, inbound },
      },
    ];
  }
  const { counterpart } = command.data;
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
      ...requestProblems(command.data, command.metadata.now, command.metadata.now),
    ]);
  if (invalid) return invalid;
  const outbound = outboundOf(command, counterpart, 'SuspectHandoverRequest');
  if (isDomainError(outbound)) return outbound;
  return [
    {
      type: 'SuspectHandoverRequested',
      data: { ...content, requestingAgency: us, holdingAgency: counterpart, outbound },
    },
  ];
};

/** Acceptance or refusal, ours (queued in reply to the request) or the counterpart's. */
const decision = (
  command: SuspectHandoverStepCommand,
  origin: Origin,
  state: SuspectHandover,
  data: RecordSuspectHandoverDecision['data'],
): Decision => {
  const { note, reason } = data ?? {};
  const accepted = data?.decision === 'accepted';
  // A counterpart may refuse on a stated ground without remarks; our officers give a reason.
  const reasonOk = 'local' in origin ? text(reason) : typeof reason === 'string';
  const invalid = refuseIf([
    ...problems({
      decision: accepted || data?.decision === 'refused',
      ...(accepted ? { note: note === undefined || text(note) } : { reason: reasonOk }),
    }),
    ...annexProblems(data),
  ]);
  const marker =
    invalid ??
    messageMarker(command, origin, state.counterpart, 'SuspectHandoverDecision', state.requestMessageId);
  if (isDomainError(marker)) return marker;
  return accepted
    ? [
        {
          type: 'SuspectHandoverAccepted',
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
          type: 'SuspectHandoverRefused',
          data: { decision: 'refused', reason: reason as string, ...annexOf(data), ...marker },
        },
      ];
};

/** The suspect's references in the minutes: their person id, or the case id when the case gave none. */
const suspectRefs = (state: SuspectHandover) => [
  ...new Set([state.suspect.personId ?? state.caseId, state.caseId]),
];

/** The hand-over as the minutes steps see it: the holding side hands the suspect over under the warrant. */
const minutesCaseOf = (state: SuspectHandover): MinutesCase => ({
  ...(state.minutes ? { minutes: state.minutes } : {}),
  agreed: {
    caseId: state.caseId,
    process: 'suspect_handover',
    handingOverAgency: state.holdingAgency,
    receivingAgency: state.requestingAgency,
    ...(state.schedule ? { borderGate: state.schedule.borderGate } : {}),
    persons: suspectRefs(state).map((personId) => ({ personId, role: 'suspect' as const })),
    warrant: warrantOf({
      reference: state.warrantReference,
      ...(state.warrantIssuedBy === undefined ? {} : { issuedBy: state.warrantIssuedBy }),
      ...(state.warrantIssuedOn === undefined ? {} : { issuedOn: state.warrantIssuedOn }),
    }),
  },
  us: state.ourSide === 'requesting' ? state.requestingAgency : state.holdingAgency,
  counterpart: state.counterpart,
  everyone: [suspectRefs(state)[0]],
});

const step = (command: SuspectHandoverStepCommand, state: SuspectHandover, origin: Origin): Decision => {
  switch (command.type) {
    case 'AcceptSuspectHandover':
      return decision(command, origin, state, { decision: 'accepted', note: command.data?.note });
    case 'RefuseSuspectHandover':
      return decision(command, origin, state, { decision: 'refused', reason: command.data?.reason });
    case 'RecordSuspectHandoverDecision':
      return decision(command, origin, state, command.data);
    case 'ScheduleSuspectHandover':
    case 'ReceiveSuspectHandoverSchedule': {
      // On a tie the requesting side's schedule wins: it takes the suspect into custody.
      const decided = decideScheduling(
        command,
        origin,
        state.schedule,
        state.counterpart,
        state.requestingAgency,
        'SuspectHandoverScheduling',
      );
      if (decided === 'stale' || isDomainError(decided)) return decided === 'stale' ? [] : decided;
      const type = decided.first ? 'SuspectHandoverScheduled' : 'SuspectHandoverRescheduled';
      // The agreed gate-local time, read in the zone of the side that set it, in both sides' local time.
      const { date, time, proposedBy } = decided.schedule;
      const localTimes = localTimesOf(instantOfLocal(date, time, proposedBy), [
        state.holdingAgency,
        state.requestingAgency,
      ]);
      return [
        {
          type,
          data: { schedule: decided.schedule, localTimes, ...annexOf(command.data), ...decided.marker },
        },
      ];
    }
    case 'RecordSuspectHandover':
    case 'ReceiveSuspectHandoverCompletion': {
      const unsigned = refuseHandoverUnlessCoSigned(state);
      if (unsigned) return unsigned;
      const handedOverAt = command.data?.handedOverAt;
      const local = 'local' in origin;
      const valid =
        isIsoDateTime(handedOverAt) && (!local || instant(handedOverAt) <= instant(command.metadata.now));
      const marker =
        refuseIf([...problems({ handedOverAt: valid }), ...annexProblems(command.data)]) ??
        messageMarker(command, origin, state.counterpart, 'SuspectHandoverCompleted');
      if (isDomainError(marker)) return marker;
      // Our record names the suspect by the reference the case has for them.
      const personId = state.suspect.personId;
      const annex = annexOf({ annex: { ...(personId ? { personId } : {}), ...command.data?.annex } });
      return [{ type: 'SuspectHandedOver', data: { handedOverAt, ...annex, ...marker } }];
    }
    case 'CancelSuspectHandover':
    case 'ReceiveSuspectHandoverCancellation': {
      const reason = command.data?.reason;
      const marker =
        refuseIf(problems({ reason: text(reason) })) ??
        messageMarker(command, origin, state.counterpart, 'SuspectHandoverCancellation');
      if (isDomainError(marker)) return marker;
      return [{ type: 'SuspectHandoverCancelled', data: { reason, ...marker } }];
    }
    case 'ProposeSuspectHandoverMinutes':
      return proposeMinutes('SuspectHandover', command, minutesCaseOf(state));
    case 'SignSuspectHandoverMinutes':
      return signMinutes('SuspectHandover', command, minutesCaseOf(state), origin);
    case 'ReceiveSuspectHandoverMinutesProposal':
      return receiveMinutesProposal('SuspectHandover', command, minutesCaseOf(state), origin);
    case 'CountersignSuspectHandoverMinutes':
      return countersignMinutes('SuspectHandover', command, minutesCaseOf(state));
    case 'ReceiveSuspectHandoverMinutesCountersignature':
      return receiveMinutesCountersignature('SuspectHandover', command, minutesCaseOf(state), origin);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a suspect hand-over command on the current state (pure). */
export const decideSuspectHandover = caseDecide<
  SuspectHandoverCommand,
  SuspectHandoverEvent,
  SuspectHandoverState
>()({
  opening: ['RequestSuspectHandover', 'ReceiveSuspectHandoverRequest'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('SuspectHandover', command, trail, counterpart),
  rules: SUSPECT_HANDOVER_RULES,
  step,
});
