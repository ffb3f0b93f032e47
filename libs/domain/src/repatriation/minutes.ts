/**
 * The victim's identification and the co-signed hand-over minutes of a repatriation (docs/protocol.md
 * section 3a). Signatures are made by the node holding the agency key (`SignRepatriationMinutes`, run by
 * the gateway's minutes signer) and checked by the gateway before an inbound one is applied: the domain
 * keeps them with the case and decides only on content.
 */
import { DomainError, domainError, isDomainError } from '../decider';
import {
  AgreedHandover,
  agreedMinutesProblems,
  draftMinutes,
  instant,
  isIsoDate,
  isIsoDateTime,
  isNonEmptyText,
  isSignatureText,
  isUuid,
  messageMarker,
  minutesDiffer,
  minutesDifferences,
  minutesShapeProblems,
  Origin,
  Problems,
  problems,
  refuseIf,
} from '../shared';
import {
  CountersignRepatriationMinutes,
  IdentifyRepatriationVictim,
  ProposeRepatriationMinutes,
  ReceiveVictimIdentification,
  ReceiveRepatriationMinutesCountersignature,
  ReceiveRepatriationMinutesProposal,
  SignRepatriationMinutes,
} from './commands';
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

const agreedOf = (state: Repatriation): AgreedHandover => ({
  caseId: state.caseId,
  process: 'repatriation',
  handingOverAgency: state.requestingAgency,
  receivingAgency: state.receivingAgency,
  ...(state.schedule ? { borderGate: state.schedule.borderGate } : {}),
  persons: [
    ...victimRefs(state).map((personId) => ({ personId, role: 'victim' as const })),
    ...state.children.map((child) => ({ personId: child.childId, role: 'child' as const })),
  ],
});

const ourAgency = (state: Repatriation) =>
  state.ourSide === 'requesting' ? state.requestingAgency : state.receivingAgency;

const notNow = (command: string, status: string): DomainError =>
  domainError('INVALID_TRANSITION', `${command} is not allowed when the minutes are ${status}`);

type MinutesCommand =
  | ProposeRepatriationMinutes
  | SignRepatriationMinutes
  | ReceiveRepatriationMinutesProposal
  | CountersignRepatriationMinutes
  | ReceiveRepatriationMinutesCountersignature;

/** Content refusals of inbound minutes: malformed, then contradicting the case. */
const contentRefusal = (minutes: Parameters<typeof minutesShapeProblems>[0], state: Repatriation) => {
  const shape = minutesShapeProblems(minutes);
  if (shape.length > 0) return refuseIf(shape);
  const differs = agreedMinutesProblems(minutes!, agreedOf(state));
  return differs.length > 0 ? minutesDiffer(differs) : undefined;
};

export const decideMinutes = (command: MinutesCommand, state: Repatriation, origin: Origin): Decision => {
  const current = state.minutes;
  const us = ourAgency(state);
  switch (command.type) {
    case 'ProposeRepatriationMinutes': {
      if (current) return domainError('ALREADY_EXISTS', 'the case already has hand-over minutes');
      const agreed = agreedOf(state);
      const everyone = [victimRefs(state)[0], ...state.children.map((child) => child.childId)];
      const data = {
        ...command.data,
        minutesId: command.data?.minutesId ?? command.metadata.newIds?.[0],
        personIds: command.data?.personIds ?? everyone,
      };
      const roles = new Map(agreed.persons.map((p) => [p.personId, p.role]));
      const ids: unknown = data.personIds;
      const personIdsOk = Array.isArray(ids) && ids.length > 0 && ids.every((id) => roles.has(id));
      const invalid = refuseIf([
        ...problems({
          minutesId: isUuid(data.minutesId),
          handedOverAt:
            isIsoDateTime(data.handedOverAt) && instant(data.handedOverAt) <= instant(command.metadata.now),
          personIds: personIdsOk,
        }),
      ]);
      if (invalid) return invalid;
      const persons = data.personIds.map((personId) => ({ personId, role: roles.get(personId)! }));
      const minutes = draftMinutes(
        { ...data, minutesId: data.minutesId as string, persons },
        { ...agreed, borderGate: state.schedule!.borderGate },
      );
      const refused = contentRefusal(minutes, state);
      if (refused) return refused;
      return [{ type: 'RepatriationMinutesProposed', data: { minutes } }];
    }
    case 'SignRepatriationMinutes': {
      if (current?.status !== 'awaiting_our_signature')
        return notNow(command.type, current?.status ?? 'not drafted');
      const { minutesId, signature } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          minutesId: minutesId === current.minutes.minutesId,
          signature: isSignatureText(signature),
        }),
      );
      if (invalid) return invalid;
      const proposing = current.proposedBy === us;
      const kind = proposing ? 'RepatriationMinutesProposal' : 'RepatriationMinutesCountersignature';
      const marker = messageMarker(command, origin, state.counterpart, kind);
      if (isDomainError(marker) || !('outbound' in marker)) return isDomainError(marker) ? marker : [];
      const data = {
        minutesId,
        minutes: current.minutes,
        signature: { agency: us, signature },
        outbound: marker.outbound,
      };
      return [{ type: proposing ? 'RepatriationMinutesSigned' : 'RepatriationMinutesCountersigned', data }];
    }
    case 'ReceiveRepatriationMinutesProposal': {
      if (current) return domainError('ALREADY_EXISTS', 'the case already has hand-over minutes');
      const { minutes, signature } = command.data ?? {};
      const refused =
        refuseIf(problems({ signature: isSignatureText(signature) })) ?? contentRefusal(minutes, state);
      if (refused || !('inbound' in origin)) return refused ?? [];
      const data = { minutes, signature: { agency: state.counterpart, signature }, inbound: origin.inbound };
      return [{ type: 'RepatriationMinutesReceived', data }];
    }
    case 'CountersignRepatriationMinutes': {
      if (current?.status !== 'awaiting_our_agreement')
        return notNow(command.type, current?.status ?? 'not drafted');
      const differs: Problems = minutesDifferences(current.minutes, command.data?.minutes);
      if (differs.length > 0) return minutesDiffer(differs);
      return [{ type: 'RepatriationMinutesAgreed', data: { minutesId: current.minutes.minutesId } }];
    }
    case 'ReceiveRepatriationMinutesCountersignature': {
      if (current?.status !== 'awaiting_their_signature')
        return notNow(command.type, current?.status ?? 'not drafted');
      const { minutes, signature } = command.data ?? {};
      const invalid = refuseIf(problems({ signature: isSignatureText(signature) }));
      if (invalid) return invalid;
      const differs = minutesDifferences(current.minutes, minutes);
      if (differs.length > 0) return minutesDiffer(differs);
      if (!('inbound' in origin)) return [];
      const data = {
        minutesId: current.minutes.minutesId,
        minutes: current.minutes,
        signature: { agency: state.counterpart, signature },
        inbound: origin.inbound,
      };
      return [{ type: 'RepatriationMinutesCoSigned', data }];
    }
  }
};
