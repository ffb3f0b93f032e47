import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  calendarDateOf,
  decideDelivery,
  inboundOf,
  instant,
  isAgencyId,
  isIsoDate,
  isIsoDateTime,
  isNonEmptyText,
  isOptionalText,
  isUuid,
  messageMarker,
  Origin,
  outboundOf,
  personProblems,
  photoProblems,
  prefixed,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
} from '../shared';
import {
  ReceiveWantedPersonRequest,
  RequestWantedPerson,
  WANTED_PERSON_RULES,
  WantedPersonCommand,
  WantedPersonStepCommand,
} from './commands';
import {
  WANTED_FOLLOW_ON_PROCESSES,
  WantedPersonEvent,
  WantedPersonOutcome,
  WantedPersonRequestContent,
} from './events';
import { WantedPerson, WantedPersonState } from './state';

export * from './commands';

type Decision = readonly WantedPersonEvent[] | DomainError;
type RequestData = RequestWantedPerson['data'] | ReceiveWantedPersonRequest['data'];

/** The request's content, checked alike both ways except what only our officers are held to. */
const requestProblems = (data: RequestData, now: string, local: boolean): Problems => [
  ...problems({
    caseId: isUuid(data.caseId),
    deadline: isIsoDateTime(data.deadline) && (!local || instant(data.deadline) > instant(now)),
    warrantReference: isNonEmptyText(data.warrantReference, 100),
    warrantIssuedBy: isNonEmptyText(data.warrantIssuedBy, 300),
    warrantIssuedOn:
      isIsoDate(data.warrantIssuedOn) && (!local || data.warrantIssuedOn <= calendarDateOf(now)),
    offences: isNonEmptyText(data.offences, 2000),
    warrantDocumentDigest:
      data.warrantDocumentDigest === undefined || /^sha256:[0-9a-f]{64}$/.test(data.warrantDocumentDigest),
    lastKnownPlace: isOptionalText(data.lastKnownPlace, 500),
  }),
  ...prefixed('suspect', personProblems(data.suspect)),
  ...photoProblems('photos', data.photos),
];

const content = (
  data: RequestData,
  requestingAgency: string,
  requestedAgency: string,
): WantedPersonRequestContent => ({
  caseId: data.caseId,
  requestingAgency,
  requestedAgency,
  suspect: data.suspect,
  warrantReference: data.warrantReference,
  warrantIssuedBy: data.warrantIssuedBy,
  warrantIssuedOn: data.warrantIssuedOn,
  offences: data.offences,
  ...(data.warrantDocumentDigest === undefined ? {} : { warrantDocumentDigest: data.warrantDocumentDigest }),
  ...(data.lastKnownPlace === undefined ? {} : { lastKnownPlace: data.lastKnownPlace }),
  photos: data.photos,
  deadline: data.deadline,
});

const open = (command: RequestWantedPerson | ReceiveWantedPersonRequest): Decision => {
  const us = command.metadata.agencyId;
  const data = command.data ?? ({} as RequestData);
  if (command.type === 'ReceiveWantedPersonRequest') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const invalid = refuseIf(requestProblems(data, command.metadata.now, false));
    if (invalid) return invalid;
    return [
      { type: 'WantedPersonRequestReceived', data: { ...content(data, inbound.counterpart, us), inbound } },
    ];
  }
  const counterpart = command.data?.counterpart;
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
      ...requestProblems(data, command.metadata.now, true),
    ]);
  if (invalid) return invalid;
  const outbound = outboundOf(command, counterpart, 'WantedPersonRequest');
  if (isDomainError(outbound)) return outbound;
  return [{ type: 'WantedPersonRequested', data: { ...content(data, us, counterpart), outbound } }];
};

const outcomeProblems = (outcome: WantedPersonOutcome | undefined, now: string, local: boolean): Problems => {
  switch (outcome?.outcome) {
    case 'arrested':
      return problems({
        at: isIsoDateTime(outcome.at) && (!local || instant(outcome.at) <= instant(now)),
        place: isNonEmptyText(outcome.place, 500),
        heldAt: isOptionalText(outcome.heldAt, 500),
        note: isOptionalText(outcome.note, 2000),
      });
    case 'not_found':
      return problems({ note: isNonEmptyText(outcome.note, 2000) });
    default:
      return ['outcome'];
  }
};

const recordOutcome = (
  command: WantedPersonStepCommand,
  origin: Origin,
  state: WantedPerson,
  outcome: WantedPersonOutcome,
): Decision => {
  const marker =
    refuseIf(outcomeProblems(outcome, command.metadata.now, 'local' in origin)) ??
    messageMarker(command, origin, state.counterpart, 'WantedPersonOutcome', state.requestMessageId);
  if (isDomainError(marker)) return marker;
  return outcome.outcome === 'arrested'
    ? [{ type: 'WantedPersonArrested', data: { ...outcome, ...marker } }]
    : [{ type: 'WantedPersonNotFound', data: { ...outcome, ...marker } }];
};

const step = (command: WantedPersonStepCommand, state: WantedPerson, origin: Origin): Decision => {
  switch (command.type) {
    case 'AcknowledgeWantedPerson':
    case 'RecordWantedPersonAcknowledgement': {
      const { assignedUnit, note } = command.data ?? {};
      const marker =
        refuseIf(
          problems({ assignedUnit: isOptionalText(assignedUnit, 300), note: isOptionalText(note, 2000) }),
        ) ??
        messageMarker(
          command,
          origin,
          state.counterpart,
          'WantedPersonAcknowledgement',
          state.requestMessageId,
        );
      if (isDomainError(marker)) return marker;
      const data = {
        ...(assignedUnit === undefined ? {} : { assignedUnit }),
        ...(note === undefined ? {} : { note }),
      };
      return [{ type: 'WantedPersonAcknowledged', data: { ...data, ...marker } }];
    }
    case 'ReportWantedPersonProgress':
    case 'ReceiveWantedPersonProgress': {
      const summary = command.data?.summary;
      const marker =
        refuseIf(problems({ summary: isNonEmptyText(summary, 10_000) })) ??
        messageMarker(command, origin, state.counterpart, 'WantedPersonProgress', state.requestMessageId);
      if (isDomainError(marker)) return marker;
      return [{ type: 'WantedPersonProgressReported', data: { summary, ...marker } }];
    }
    case 'RecordWantedPersonArrest':
      return recordOutcome(command, origin, state, { ...command.data, outcome: 'arrested' });
    case 'RecordWantedPersonNotFound':
      return recordOutcome(command, origin, state, { ...command.data, outcome: 'not_found' });
    case 'RecordWantedPersonOutcome':
      return recordOutcome(command, origin, state, command.data);
    case 'LinkCaseToWantedPerson':
    case 'ReceiveWantedPersonCaseLink': {
      const { process, linkedCaseId } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          process: WANTED_FOLLOW_ON_PROCESSES.includes(process),
          linkedCaseId: isUuid(linkedCaseId) && linkedCaseId !== state.caseId,
        }),
      );
      if (invalid) return invalid;
      // Linking is idempotent: both sides may link the same case.
      if (state.linkedCases.some((link) => link.process === process && link.linkedCaseId === linkedCaseId))
        return [];
      const marker = messageMarker(command, origin, state.counterpart, 'WantedPersonCaseLink');
      if (isDomainError(marker)) return marker;
      return [{ type: 'WantedPersonCaseLinked', data: { process, linkedCaseId, ...marker } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a wanted-person command on the current state (pure). */
export const decideWantedPerson = caseDecide<WantedPersonCommand, WantedPersonEvent, WantedPersonState>()({
  opening: ['RequestWantedPerson', 'ReceiveWantedPersonRequest'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('WantedPerson', command, trail, counterpart),
  rules: WANTED_PERSON_RULES,
  step,
});
