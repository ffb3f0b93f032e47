import { caseDecide } from '../case-process';
import { searchDecide, SearchRequestData, SearchSpec } from '../search';
import {
  calendarDateOf,
  decideDelivery,
  instant,
  isIsoDate,
  isIsoDateTime,
  isNonEmptyText,
  isOptionalText,
  isUuid,
  personProblems,
  phoneNumberProblems,
  photoProblems,
  prefixed,
  Problems,
  problems,
} from '../shared';
import { LOCATE_RESCUE_RULES, LocateRescueCommand } from './commands';
import {
  LOCATE_RESCUE_NAMES,
  LocateRescueEvent,
  LocateRescueOutcome,
  LocateRescueRequestContent,
  MissingPersonLocated,
  MissingPersonNotFound,
  MissingPersonRescued,
  RESCUE_FOLLOW_ON_PROCESSES,
  RescueFollowOnProcess,
} from './events';
import { LocateRescueState } from './state';

export * from './commands';

/** A time that has happened: an officer cannot record an outcome in the future; a counterpart's clock may differ. */
const past = (value: unknown, now: string, local: boolean) =>
  isIsoDateTime(value) && (!local || instant(value) <= instant(now));

/** The request's content, checked alike both ways except what only our officers are held to. */
const requestProblems = (
  data: SearchRequestData<LocateRescueRequestContent>,
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
  data: SearchRequestData<LocateRescueRequestContent>,
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

/** The outcome's fields that are wrong: when and where she was found, and who she is once rescued. */
const outcomeProblems = (outcome: LocateRescueOutcome, now: string, local: boolean): Problems => {
  const found = (at: unknown, place: unknown, note: unknown) =>
    problems({
      at: past(at, now, local),
      place: isNonEmptyText(place, 500),
      note: isOptionalText(note, 2000),
    });
  switch (outcome.outcome) {
    case 'located':
      return found(outcome.at, outcome.place, outcome.note);
    case 'rescued':
      return [
        ...found(outcome.at, outcome.place, outcome.note),
        ...problems({ heldAt: isOptionalText(outcome.heldAt, 500) }),
        ...prefixed('person', personProblems(outcome.person)),
      ];
    case 'not_found':
      return problems({ note: isNonEmptyText(outcome.note, 2000) });
    default:
      return ['outcome'];
  }
};

type OutcomeEvent = MissingPersonLocated | MissingPersonRescued | MissingPersonNotFound;

/** What differs in locate-and-rescue from the search every such request shares. */
export const LOCATE_RESCUE_SEARCH: SearchSpec<
  'LocateRescue',
  LocateRescueRequestContent,
  LocateRescueOutcome,
  RescueFollowOnProcess,
  OutcomeEvent
> = {
  ...LOCATE_RESCUE_NAMES,
  outcomeCommands: {
    RecordPersonLocated: 'located',
    RecordPersonRescued: 'rescued',
    RecordPersonNotFound: 'not_found',
  },
  followOn: RESCUE_FOLLOW_ON_PROCESSES,
  // A counterpart's `located` outcome is held to `acknowledged` as our officers' command is.
  outcomeFrom: { located: ['acknowledged'] },
  requestProblems,
  content,
  outcomeProblems,
  outcomeEvent: (outcome, marker): OutcomeEvent => {
    switch (outcome.outcome) {
      case 'located':
        return { type: 'MissingPersonLocated', data: { ...outcome, ...marker } };
      case 'rescued':
        return { type: 'MissingPersonRescued', data: { ...outcome, ...marker } };
      case 'not_found':
        return { type: 'MissingPersonNotFound', data: { ...outcome, ...marker } };
    }
  },
};

/** Decides a locate-and-rescue command on the current state (pure). */
export const decideLocateRescue = caseDecide<LocateRescueCommand, LocateRescueEvent, LocateRescueState>()({
  opening: ['RequestLocateRescue', 'ReceiveLocateRescueRequest'],
  ...searchDecide(LOCATE_RESCUE_SEARCH),
  deliver: (command, trail, counterpart) => decideDelivery('LocateRescue', command, trail, counterpart),
  rules: LOCATE_RESCUE_RULES,
});
