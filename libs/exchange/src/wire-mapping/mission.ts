/**
 * Working groups and delegations ↔ `mission.proto` (request, decision, movement, outcome report).
 * Members are persons: their particulars travel as the contract's `Person`, like a victim's.
 */
import { LinkableProcess, MISSION_KINDS, MissionMember } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { calendarDateOf, compact, enumMap, isoDateOf, isoOf, text, timestampOf, wordsOf } from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { gateFromWire, gateToWire } from './steps';
import { WireTable } from './types';

const MISSION_KIND = wordsOf(MISSION_KINDS, v1.MissionKind, 'MISSION_KIND_');
const CASE_KIND = enumMap<LinkableProcess>({
  verification: v1.CaseKind.CASE_KIND_VERIFICATION,
  repatriation: v1.CaseKind.CASE_KIND_REPATRIATION,
  handover: v1.CaseKind.CASE_KIND_SUSPECT_HANDOVER,
  notice: v1.CaseKind.CASE_KIND_INFORMATION_NOTICE,
});

/** A member recorded without a person id gets one derived from the mission (`member:<n>`). */
const memberIdOf = (caseId: string, index: number) => personIdOf(caseId, `member:${index}`);

const memberToWire = (member: MissionMember, caseId: string, index: number, country: string) =>
  compact({
    person: personToWire(member.person, memberIdOf(caseId, index), country),
    rank: member.rank,
    role: member.role,
  });

export const MISSION_WIRE: Pick<
  WireTable,
  'MissionRequest' | 'MissionDecision' | 'MissionMovement' | 'MissionOutcome'
> = {
  MissionRequest: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.MissionRequest',
      payload: compact({
        kind: MISSION_KIND.toWire(data.kind),
        purpose: data.purpose,
        supportedCaseKind: data.supportedCase && CASE_KIND.toWire(data.supportedCase.process),
        supportedCaseId: data.supportedCase?.caseId,
        // Members' home addresses lie in the sending side's country unless they say otherwise.
        members: data.members.map((member, index) =>
          memberToWire(member, context.caseId, index, countryOf(data.requester)),
        ),
        arrivesOn: calendarDateOf(data.arrivesOn),
        departsOn: calendarDateOf(data.departsOn),
        entryGate: gateToWire(data.entryGate),
        respondBy: timestampOf(data.deadline),
      }),
    }),
    fromWire: {
      'xborder.v1.MissionRequest': (message, context) => {
        const kind = MISSION_KIND.fromWire(message.kind);
        if (!kind) return { invalid: 'kind' };
        const process = CASE_KIND.fromWire(message.supportedCaseKind);
        const caseId = text(message.supportedCaseId);
        if ((process === undefined) !== (caseId === undefined))
          return { invalid: 'supported_case_kind, supported_case_id (both or neither)' };
        const entryGate = gateFromWire(message.entryGate);
        if (!entryGate) return { invalid: 'entry_gate' };
        return {
          caseId: context.caseId,
          kind,
          purpose: message.purpose ?? '',
          ...(process && caseId ? { supportedCase: { process, caseId } } : {}),
          members: (message.members ?? []).map((member, index) =>
            compact({
              person: personFromWire(member.person ?? {}, {
                personId: memberIdOf(context.caseId, index),
                addressCountry: countryOf(context.header.sender),
              }),
              rank: text(member.rank),
              role: text(member.role),
            }),
          ),
          arrivesOn: isoDateOf(message.arrivesOn) ?? '',
          departsOn: isoDateOf(message.departsOn) ?? '',
          entryGate,
          deadline: isoOf(message.respondBy) ?? '',
        };
      },
    },
  },
  MissionDecision: {
    toWire: (event) => ({
      payloadType: 'xborder.v1.MissionDecision',
      payload:
        event.type === 'MissionAccepted'
          ? compact({ decision: v1.Decision.DECISION_ACCEPTED, remarks: event.data.remarks })
          : { decision: v1.Decision.DECISION_REFUSED, remarks: event.data.reason },
    }),
    fromWire: {
      'xborder.v1.MissionDecision': (message) => {
        const remarks = text(message.remarks);
        if (message.decision === v1.Decision.DECISION_ACCEPTED)
          return compact({ decision: 'accepted' as const, remarks });
        if (message.decision === v1.Decision.DECISION_REFUSED)
          return { decision: 'refused', remarks: remarks ?? '' };
        return { invalid: 'decision' };
      },
    },
  },
  MissionMovement: {
    toWire: (event) => ({
      payloadType: 'xborder.v1.MissionMovement',
      payload: {
        movement:
          event.type === 'MissionArrived'
            ? v1.MovementKind.MOVEMENT_KIND_ARRIVAL
            : v1.MovementKind.MOVEMENT_KIND_DEPARTURE,
        at: timestampOf(event.data.at),
        gate: gateToWire(event.data.gate),
      },
    }),
    fromWire: {
      'xborder.v1.MissionMovement': (message) => {
        const movement =
          message.movement === v1.MovementKind.MOVEMENT_KIND_ARRIVAL
            ? 'arrival'
            : message.movement === v1.MovementKind.MOVEMENT_KIND_DEPARTURE
              ? 'departure'
              : undefined;
        if (!movement) return { invalid: 'movement' };
        const gate = gateFromWire(message.gate);
        if (!gate) return { invalid: 'gate' };
        return { movement, at: isoOf(message.at) ?? '', gate };
      },
    },
  },
  MissionOutcome: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.MissionOutcomeReport',
      payload: compact({ summary: data.summary, linkedCaseIds: [...data.linkedCaseIds] }),
    }),
    fromWire: {
      'xborder.v1.MissionOutcomeReport': (message) => ({
        summary: message.summary ?? '',
        linkedCaseIds: [...(message.linkedCaseIds ?? [])],
      }),
    },
  },
};
