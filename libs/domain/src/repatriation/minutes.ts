/**
 * The victim's identification and the co-signed hand-over minutes of a repatriation (docs/protocol.md
 * section 5a): the steps are the shared ones (shared/minutes-steps); this file says what the
 * repatriation agreed (the requesting side hands the victim and the children over).
 */
import { DomainError, isDomainError } from '../decider';
import {
  countersignMinutes,
  isIsoDate,
  isNonEmptyText,
  MinutesCase,
  messageMarker,
  MinutesCommandOf,
  Origin,
  problems,
  proposeMinutes,
  receiveMinutesCountersignature,
  receiveMinutesProposal,
  refuseIf,
  signMinutes,
} from '../shared';
import { IdentifyRepatriationVictim, ReceiveVictimIdentification } from './commands';
import { IDENTIFICATION_CRITERIA, RepatriationEvent } from './events';
import { Repatriation } from './state';

type Decision = readonly RepatriationEvent[] | DomainError;

/**
 * Identification on the agreed criteria: identified needs the act and the purpose, and the means
 * unless the person is a child. Ours is sent to the counterpart; theirs is recorded as they decided
 * it (their authority and date; a counterpart need not state an authority).
 */
export const identify = (
  command: IdentifyRepatriationVictim | ReceiveVictimIdentification,
  state: Repatriation,
  origin: Origin,
): Decision => {
  const { decision, criteria, grounds, authority, identifiedOn } = command.data ?? {};
  const known =
    Array.isArray(criteria) &&
    criteria.every((c) => IDENTIFICATION_CRITERIA.includes(c)) &&
    new Set(criteria).size === criteria.length;
  const met =
    known &&
    criteria.includes('act') &&
    criteria.includes('purpose') &&
    (criteria.includes('means') || criteria.includes('child'));
  const local = 'local' in origin;
  const today = command.metadata.now.slice(0, 10);
  const invalid = refuseIf(
    problems({
      decision: decision === 'identified' || decision === 'not_identified',
      criteria: known && (decision !== 'identified' || met),
      grounds: isNonEmptyText(grounds),
      // A counterpart names its authority as it likes; ours is one line.
      authority: authority === undefined || isNonEmptyText(authority, local ? 300 : undefined),
      // Our officers decide on a day that has come; a counterpart's date is its own.
      identifiedOn:
        identifiedOn === undefined || (isIsoDate(identifiedOn) && (!local || identifiedOn <= today)),
    }),
  );
  const marker = invalid ?? messageMarker(command, origin, state.counterpart, 'VictimIdentification');
  if (isDomainError(marker)) return marker;
  const decidedBy = 'inbound' in marker ? marker.inbound.counterpart : command.metadata.agencyId;
  const data = {
    decision,
    criteria,
    grounds,
    decidedBy,
    ...(authority === undefined ? (local ? { authority: decidedBy } : {}) : { authority }),
    ...(identifiedOn === undefined ? (local ? { identifiedOn: today } : {}) : { identifiedOn }),
    ...marker,
  };
  return [{ type: 'RepatriationVictimIdentified', data }];
};

/**
 * The victim's reference in the minutes: its person id, or the case id when the case gave none (a
 * receiving side may hold the id the wire derives for the victim, so both are accepted).
 */
const victimRefs = (state: Repatriation) => [
  ...new Set([state.victim.personId ?? state.caseId, state.caseId]),
];

/** The repatriation as the minutes steps see it: the requesting side hands over. */
const minutesCaseOf = (state: Repatriation): MinutesCase => ({
  ...(state.minutes ? { minutes: state.minutes } : {}),
  agreed: {
    caseId: state.caseId,
    process: 'repatriation',
    handingOverAgency: state.requestingAgency,
    receivingAgency: state.receivingAgency,
    ...(state.schedule ? { borderGate: state.schedule.borderGate } : {}),
    persons: [
      ...victimRefs(state).map((personId) => ({ personId, role: 'victim' as const })),
      ...state.children.map((child) => ({ personId: child.childId, role: 'child' as const })),
    ],
  },
  us: state.ourSide === 'requesting' ? state.requestingAgency : state.receivingAgency,
  counterpart: state.counterpart,
  everyone: [victimRefs(state)[0], ...state.children.map((child) => child.childId)],
});

type MinutesCommand = MinutesCommandOf<'Repatriation'>;

export const decideMinutes = (command: MinutesCommand, state: Repatriation, origin: Origin): Decision => {
  const c = minutesCaseOf(state);
  switch (command.type) {
    case 'ProposeRepatriationMinutes':
      return proposeMinutes('Repatriation', command, c);
    case 'SignRepatriationMinutes':
      return signMinutes('Repatriation', command, c, origin);
    case 'ReceiveRepatriationMinutesProposal':
      return receiveMinutesProposal('Repatriation', command, c, origin);
    case 'CountersignRepatriationMinutes':
      return countersignMinutes('Repatriation', command, c);
    case 'ReceiveRepatriationMinutesCountersignature':
      return receiveMinutesCountersignature('Repatriation', command, c, origin);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};
