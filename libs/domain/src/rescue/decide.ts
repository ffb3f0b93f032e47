import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  calendarDateOf,
  decideDelivery,
  inboundOf,
  instant,
  invalidTransition,
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
  phoneNumberProblems,
  photoProblems,
  prefixed,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
} from '../shared';
import {
  LOCATE_RESCUE_RULES,
  LocateRescueCommand,
  LocateRescueStepCommand,
  ReceiveLocateRescueRequest,
  RequestLocateRescue,
} from './commands';
import {
  LocateRescueEvent,
  LocateRescueOutcome,
  LocateRescueRequestContent,
  RESCUE_FOLLOW_ON_PROCESSES,
} from './events';
import { LocateRescue, LocateRescueState } from './state';

export * from './commands';

type Decision = readonly LocateRescueEvent[] | DomainError;

/** A time that has happened: an officer cannot record an outcome in the future; a counterpart's clock may differ. */
const past = (value: unknown, now: string, local: boolean) =>
  isIsoDateTime(value) && (!local || instant(value) <= instant(now));

/** The request's content, checked alike both ways except what only our officers are held to. */
const requestProblems = (
  data: Omit<LocateRescueRequestContent, 'requestingAgency' | 'requestedAgency'>,
  now: string,
  local: boolean,
): Problems => [
  ...problems({
    caseId: isUuid(data.caseId),
    deadline: isIsoDateTime(data.deadline) && (!local || instant(data.deadline) > instant(now)),
    'lastContact.date':
      isIsoDate(data.lastContact?.date) && (!local || data.lastContact.date <= calendarDateOf(now)),
    'lastContact.place': isNonEmptyText(data.lastContact?.place, 500),
    'lastContact.means': isOptionalText(data.lastContact?.means, 200),
    suspectedPlace: isOptionalText(data.suspectedPlace, 500),
    circumstances: isNonEmptyText(data.circumstances, 10_000),
  }),
  ...prefixed('missingPerson', personProblems(data.missingPerson)),
  ...phoneNumberProblems('phoneNumbers', data.phoneNumbers),
  ...photoProblems('photos', data.photos),
];

const content = (
  data: RequestLocateRescue['data'] | ReceiveLocateRescueRequest['data'],
  requestingAgency: string,
  requestedAgency: string,
): LocateRescueRequestContent => ({
  caseId: data.caseId,
  requestingAgency,
  requestedAgency,
  missingPerson: data.missingPerson,
  lastContact: data.lastContact,
  phoneNumbers: data.phoneNumbers,
  ...(data.suspectedPlace === undefined ? {} : { suspectedPlace: data.suspectedPlace }),
  photos: data.photos,
  circumstances: data.circumstances,
  deadline: data.deadline,
});

const open = (command: RequestLocateRescue | ReceiveLocateRescueRequest): Decision => {
  const us = command.metadata.agencyId;
  const data = command.data ?? ({} as RequestLocateRescue['data']);
  if (command.type === 'ReceiveLocateRescueRequest') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const invalid = refuseIf(requestProblems(data, command.metadata.now, false));
    if (invalid) return invalid;
    return [
      {
        type: 'LocateRescueRequestReceived',
        data: { ...content(data, inbound.counterpart, us), inbound },
      },
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
  const outbound = outboundOf(command, counterpart, 'LocateRescueRequest');
  if (isDomainError(outbound)) return outbound;
  return [{ type: 'LocateRescueRequested', data: { ...content(data, us, counterpart), outbound } }];
};

/** The outcome's fields as the case records them, or the fields that are wrong. */
const outcomeOf = (
  outcome: LocateRescueOutcome | undefined,
  now: string,
  local: boolean,
): LocateRescueOutcome | Problems => {
  const found = (checks: Record<string, boolean>) =>
    problems({
      at: past(outcome && 'at' in outcome ? outcome.at : undefined, now, local),
      place: isNonEmptyText(outcome && 'place' in outcome ? outcome.place : undefined, 500),
      note: isOptionalText(outcome?.note, 2000),
      ...checks,
    });
  let wrong: Problems;
  switch (outcome?.outcome) {
    case 'located':
      wrong = found({});
      break;
    case 'rescued':
      wrong = [
        ...found({ heldAt: isOptionalText(outcome.heldAt, 500) }),
        ...prefixed('person', personProblems(outcome.person)),
      ];
      break;
    case 'not_found':
      wrong = problems({ note: isNonEmptyText(outcome.note, 2000) });
      break;
    default:
      return ['outcome'];
  }
  return wrong.length > 0 ? wrong : outcome;
};

const recordOutcome = (
  command: LocateRescueStepCommand,
  origin: Origin,
  state: LocateRescue,
  data: LocateRescueOutcome | undefined,
): Decision => {
  if (data?.outcome === 'located' && state.status !== 'acknowledged')
    return invalidTransition(`${command.type} (located)`, state.status);
  const outcome = outcomeOf(data, command.metadata.now, 'local' in origin);
  if (Array.isArray(outcome)) return refuseIf(outcome) as DomainError;
  const marker = messageMarker(
    command,
    origin,
    state.counterpart,
    'LocateRescueOutcome',
    state.requestMessageId,
  );
  if (isDomainError(marker)) return marker;
  const recorded = outcome as LocateRescueOutcome;
  switch (recorded.outcome) {
    case 'located':
      return [{ type: 'MissingPersonLocated', data: { ...recorded, ...marker } }];
    case 'rescued':
      return [{ type: 'MissingPersonRescued', data: { ...recorded, ...marker } }];
    case 'not_found':
      return [{ type: 'MissingPersonNotFound', data: { ...recorded, ...marker } }];
  }
};

const step = (command: LocateRescueStepCommand, state: LocateRescue, origin: Origin): Decision => {
  switch (command.type) {
    case 'AcknowledgeLocateRescue':
    case 'RecordLocateRescueAcknowledgement': {
      const { assignedUnit, note } = command.data ?? {};
      const marker =
        refuseIf(
          problems({ assignedUnit: isOptionalText(assignedUnit, 300), note: isOptionalText(note, 2000) }),
        ) ??
        messageMarker(
          command,
          origin,
          state.counterpart,
          'LocateRescueAcknowledgement',
          state.requestMessageId,
        );
      if (isDomainError(marker)) return marker;
      const data = {
        ...(assignedUnit === undefined ? {} : { assignedUnit }),
        ...(note === undefined ? {} : { note }),
      };
      return [{ type: 'LocateRescueAcknowledged', data: { ...data, ...marker } }];
    }
    case 'ReportLocateRescueProgress':
    case 'ReceiveLocateRescueProgress': {
      const summary = command.data?.summary;
      const marker =
        refuseIf(problems({ summary: isNonEmptyText(summary, 10_000) })) ??
        messageMarker(command, origin, state.counterpart, 'LocateRescueProgress', state.requestMessageId);
      if (isDomainError(marker)) return marker;
      return [{ type: 'LocateRescueProgressReported', data: { summary, ...marker } }];
    }
    case 'RecordPersonLocated':
      return recordOutcome(command, origin, state, { ...command.data, outcome: 'located' });
    case 'RecordPersonRescued':
      return recordOutcome(command, origin, state, { ...command.data, outcome: 'rescued' });
    case 'RecordPersonNotFound':
      return recordOutcome(command, origin, state, { ...command.data, outcome: 'not_found' });
    case 'RecordLocateRescueOutcome':
      return recordOutcome(command, origin, state, command.data);
    case 'LinkCaseToLocateRescue':
    case 'ReceiveLocateRescueCaseLink': {
      const { process, linkedCaseId } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          process: RESCUE_FOLLOW_ON_PROCESSES.includes(process),
          linkedCaseId: isUuid(linkedCaseId) && linkedCaseId !== state.caseId,
        }),
      );
      if (invalid) return invalid;
      // Linking is idempotent: both sides may link the same case.
      if (state.linkedCases.some((link) => link.process === process && link.linkedCaseId === linkedCaseId))
        return [];
      const marker = messageMarker(command, origin, state.counterpart, 'LocateRescueCaseLink');
      if (isDomainError(marker)) return marker;
      return [{ type: 'LocateRescueCaseLinked', data: { process, linkedCaseId, ...marker } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a locate-and-rescue command on the current state (pure). */
export const decideLocateRescue = caseDecide<LocateRescueCommand, LocateRescueEvent, LocateRescueState>()({
  opening: ['RequestLocateRescue', 'ReceiveLocateRescueRequest'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('LocateRescue', command, trail, counterpart),
  rules: LOCATE_RESCUE_RULES,
  step,
});
