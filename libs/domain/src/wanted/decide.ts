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
  photoProblems,
  prefixed,
  Problems,
  problems,
} from '../shared';
import { WANTED_PERSON_RULES, WantedPersonCommand } from './commands';
import {
  WANTED_FOLLOW_ON_PROCESSES,
  WANTED_PERSON_NAMES,
  WantedFollowOnProcess,
  WantedPersonArrested,
  WantedPersonEvent,
  WantedPersonNotFound,
  WantedPersonOutcome,
  WantedPersonRequestContent,
} from './events';
import { WantedPersonState } from './state';

export * from './commands';

type RequestData = SearchRequestData<WantedPersonRequestContent>;

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

const outcomeProblems = (outcome: WantedPersonOutcome, now: string, local: boolean): Problems => {
  switch (outcome.outcome) {
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

type OutcomeEvent = WantedPersonArrested | WantedPersonNotFound;

/** What differs in a wanted-person request from the search every such request shares. */
export const WANTED_PERSON_SEARCH: SearchSpec<
  'WantedPerson',
  WantedPersonRequestContent,
  WantedPersonOutcome,
  WantedFollowOnProcess,
  OutcomeEvent
> = {
  ...WANTED_PERSON_NAMES,
  outcomeCommands: { RecordWantedPersonArrest: 'arrested', RecordWantedPersonNotFound: 'not_found' },
  followOn: WANTED_FOLLOW_ON_PROCESSES,
  outcomeFrom: {},
  requestProblems,
  content,
  outcomeProblems,
  outcomeEvent: (outcome, marker): OutcomeEvent =>
    outcome.outcome === 'arrested'
      ? { type: 'WantedPersonArrested', data: { ...outcome, ...marker } }
      : { type: 'WantedPersonNotFound', data: { ...outcome, ...marker } },
};

/** Decides a wanted-person command on the current state (pure). */
export const decideWantedPerson = caseDecide<WantedPersonCommand, WantedPersonEvent, WantedPersonState>()({
  opening: ['RequestWantedPerson', 'ReceiveWantedPersonRequest'],
  ...searchDecide(WANTED_PERSON_SEARCH),
  deliver: (command, trail, counterpart) => decideDelivery('WantedPerson', command, trail, counterpart),
  rules: WANTED_PERSON_RULES,
});
