import { NoCase, openingContent } from '../case-process';
import {
  outcomeContent,
  SearchCase,
  searchDeadlineStatus,
  searchEvolve,
  searchOpenDeadlines,
  SearchSide,
  SearchStatus,
} from '../search';
import {
  LOCATE_RESCUE_NAMES,
  LocateRescueEvent,
  LocateRescueOutcome,
  LocateRescueRequestContent,
  PersonLocated,
  PersonNotFound,
  PersonRescued,
  RescueFollowOnProcess,
} from './events';

export type LocateRescueStatus = SearchStatus<LocateRescueOutcome['outcome']>;
export type LocateRescueSide = SearchSide;

/** A locate-and-rescue case: the request as it came, where the search stands, and its outcome. */
export type LocateRescue = SearchCase<
  LocateRescueRequestContent,
  LocateRescueOutcome['outcome'],
  RescueFollowOnProcess
> & {
  readonly located?: Omit<PersonLocated, 'outcome'>;
  readonly rescued?: Omit<PersonRescued, 'outcome'>;
  readonly notFound?: Omit<PersonNotFound, 'outcome'>;
};

export type LocateRescueState = NoCase | LocateRescue;

export const initialLocateRescueState = (): LocateRescueState => ({ status: 'none' });

const evolve = searchEvolve<
  'LocateRescue',
  LocateRescueRequestContent,
  LocateRescueOutcome,
  RescueFollowOnProcess,
  LocateRescue
>(LOCATE_RESCUE_NAMES, {
  content: (data) => openingContent(data),
  afterOutcome: (state: LocateRescue, data): LocateRescue => {
    switch (data.outcome) {
      case 'located':
        return { ...state, status: 'located', located: outcomeContent(data) };
      case 'rescued':
        return { ...state, status: 'rescued', rescued: outcomeContent(data) };
      case 'not_found':
        return { ...state, status: 'not_found', notFound: outcomeContent(data) };
    }
  },
});

export const evolveLocateRescue = (state: LocateRescueState, event: LocateRescueEvent): LocateRescueState =>
  evolve(state, event);

/** Where the requested side's acknowledgement stands against the request's deadline at `now`. */
export const locateRescueDeadlineStatus = searchDeadlineStatus;

/** The requested side's acknowledgement while the request is open (`rescue_acknowledgement`). */
export const locateRescueOpenDeadlines = searchOpenDeadlines('rescue_acknowledgement');
