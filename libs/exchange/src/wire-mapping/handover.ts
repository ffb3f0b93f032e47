/** Suspect hand-over ↔ `handover.proto` (request with warrant, decision, schedule, completion, cancellation). */
import {
  OutboundKind,
  SuspectHandedOver,
  SuspectHandoverCancelled,
  SuspectHandoverRequested,
  SuspectHandoverScheduled,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { calendarDateOf, deadlineOf, isoDateOf, isoOf, timestampOf } from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import {
  AS_SCHEDULED_GATE,
  decisionFromWire,
  decisionToWire,
  DecisionData,
  scheduleFromWire,
  scheduleToWire,
} from './steps';
import { InboundContext, InboundMapping, OutboundMapper } from './types';

const suspectId = (caseId: string) => personIdOf(caseId, 'suspect');

export const HANDOVER_OUTBOUND: Partial<Record<OutboundKind, OutboundMapper>> = {
  /**
   * The warrant as the domain records it (reference, issuing authority, date of issue, offences). A
   * request stored before the authority and date were recorded lacks them, while the contract
   * requires both: such an event is sent with the requesting agency as the authority and the date
   * the request was recorded as the date of issue (the latest date the warrant can bear).
   */
  SuspectHandoverRequest: (event, context) => {
    const data = (event as SuspectHandoverRequested).data;
    return {
      payloadType: 'xborder.v1.SuspectHandoverRequest',
      payload: {
        suspect: personToWire(data.suspect, suspectId(context.caseId), countryOf(data.requestingAgency)),
        warrant: {
          issuingAuthority: data.warrantIssuedBy ?? data.requestingAgency,
          number: data.warrantReference,
          issuedOn: calendarDateOf(data.warrantIssuedOn ?? context.recordedAt.slice(0, 10)),
          offence: data.offences,
        },
        respondBy: timestampOf(data.deadline),
      },
    };
  },
  SuspectHandoverDecision: (event) => ({
    payloadType: 'xborder.v1.SuspectHandoverDecision',
    payload: decisionToWire(event.data as DecisionData),
  }),
  SuspectHandoverScheduling: (event, context) => ({
    payloadType: 'xborder.v1.SuspectHandoverScheduled',
    payload: scheduleToWire((event as SuspectHandoverScheduled).data.schedule, context.gateUtcOffsetMinutes),
  }),
  SuspectHandoverCompleted: (event, context) => ({
    payloadType: 'xborder.v1.SuspectHandoverDone',
    payload: {
      handedOverAt: timestampOf((event as SuspectHandedOver).data.handedOverAt),
      gate: AS_SCHEDULED_GATE,
      personId: suspectId(context.caseId),
    },
  }),
  SuspectHandoverCancellation: (event) => ({
    payloadType: 'xborder.v1.SuspectHandoverCancellation',
    payload: { reason: (event as SuspectHandoverCancelled).data.reason },
  }),
};

const request = (message: v1.SuspectHandoverRequest, context: InboundContext): InboundMapping => {
  if (!message.suspect || !message.warrant) return { invalid: message.suspect ? 'warrant' : 'suspect' };
  return {
    kind: 'SuspectHandoverRequest',
    data: {
      caseId: context.caseId,
      suspect: personFromWire(message.suspect),
      warrantReference: message.warrant.number,
      warrantIssuedBy: message.warrant.issuingAuthority,
      warrantIssuedOn: isoDateOf(message.warrant.issuedOn),
      offences: message.warrant.offence,
      deadline: deadlineOf(message.respondBy, context.now, context.policy.suspectHandoverDecisionWithinMs),
    },
  };
};

const decision = (message: v1.SuspectHandoverDecision): InboundMapping => {
  const data = decisionFromWire(message);
  return data ? { kind: 'SuspectHandoverDecision', data } : { invalid: 'decision' };
};

const scheduled = (message: v1.SuspectHandoverScheduled, context: InboundContext): InboundMapping => {
  const data = scheduleFromWire(message, context.policy.gateUtcOffsetMinutes);
  return data ? { kind: 'SuspectHandoverScheduling', data } : { invalid: 'scheduled_at' };
};

const done = (message: v1.SuspectHandoverDone): InboundMapping => {
  const handedOverAt = isoOf(message.handedOverAt);
  return handedOverAt
    ? { kind: 'SuspectHandoverCompleted', data: { handedOverAt } }
    : { invalid: 'handed_over_at' };
};

const cancellation = (message: v1.SuspectHandoverCancellation): InboundMapping => ({
  kind: 'SuspectHandoverCancellation',
  data: { reason: message.reason },
});

export const HANDOVER_INBOUND = {
  'xborder.v1.SuspectHandoverRequest': request,
  'xborder.v1.SuspectHandoverDecision': decision,
  'xborder.v1.SuspectHandoverScheduled': scheduled,
  'xborder.v1.SuspectHandoverDone': done,
  'xborder.v1.SuspectHandoverCancellation': cancellation,
} as const;
