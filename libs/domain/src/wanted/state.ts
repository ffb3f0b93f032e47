import { NoCase, openingContent } from '../case-process';
import {
  outcomeContent,
  ProgressEntry,
  SearchCase,
  searchDeadlineStatus,
  searchEvolve,
  searchOpenDeadlines,
  SearchSide,
  SearchStatus,
} from '../search';
import {
  SuspectArrested,
  SuspectNotFound,
  WANTED_PERSON_NAMES,
  WantedFollowOnProcess,
  WantedPersonEvent,
  WantedPersonOutcome,
  WantedPersonRequestContent,
} from './events';

export type WantedPersonStatus = SearchStatus<WantedPersonOutcome['outcome']>;
export type WantedPersonSide = SearchSide;
export type WantedProgressEntry = ProgressEntry;

/** A wanted-person case: the request as it came, where the search stands, and its outcome. */
export type WantedPerson = SearchCase<
  WantedPersonRequestContent,
  WantedPersonOutcome['outcome'],
  WantedFollowOnProcess
> & {
  readonly arrest?: Omit<SuspectArrested, 'outcome'>;
  readonly notFound?: Omit<SuspectNotFound, 'outcome'>;
};

export type WantedPersonState = NoCase | WantedPerson;

export const initialWantedPersonState = (): WantedPersonState => ({ status: 'none' });

const evolve = searchEvolve<
  'WantedPerson',
  WantedPersonRequestContent,
  WantedPersonOutcome,
  WantedFollowOnProcess,
  WantedPerson
>(WANTED_PERSON_NAMES, {
  content: (data) => openingContent(data),
  afterOutcome: (state, data) =>
    data.outcome === 'arrested'
      ? { ...state, status: 'arrested', arrest: outcomeContent(data) }
      : { ...state, status: 'not_found', notFound: outcomeContent(data) },
});

export const evolveWantedPerson = (state: WantedPersonState, event: WantedPersonEvent): WantedPersonState =>
  evolve(state, event);

/** Where the requested side's acknowledgement stands against the request's deadline at `now`. */
export const wantedPersonDeadlineStatus = searchDeadlineStatus;

/** The requested side's acknowledgement while the request is open (`wanted_acknowledgement`). */
export const wantedPersonOpenDeadlines = searchOpenDeadlines('wanted_acknowledgement');
