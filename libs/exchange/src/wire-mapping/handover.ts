/** Suspect hand-over ↔ `handover.proto` (request with warrant, decision, schedule, completion). */
import {
  OutboundKind,
  SuspectHandedOver,
  SuspectHandoverRequested,
  SuspectHandoverScheduled,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { after, calendarDateOf, isoOf, timestampOf } from './convert';
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
   * The domain keeps the warrant as one reference and the offences as words. The contract also
   * requires the issuing authority and the date of issue, which the domain does not record: we send
   * the requesting agency as the authority and the date the request was recorded as the date of issue
   * (the latest date the warrant can bear). See README, "gaps".
   */
  SuspectHandoverRequest: (event, context) => {
    const data = (event as SuspectHandoverRequested).data;
    return {
      payloadType: 'xborder.v1.SuspectHandoverRequest',
      payload: {
        suspect: personToWire(data.suspect, suspectId(context.caseId), countryOf(data.requestingAgency)),
        warrant: {
          issuingAuthority: data.requestingAgency,
          number: data.warrantReference,
          issuedOn: calendarDateOf(context.recordedAt.slice(0, 10)),
          offence: data.offences,
        },
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
  SuspectHandoverCancellation: () => ({ gap: 'xborder.v1 has no suspect hand-over cancellation message' }),
};

const request = (message: v1.SuspectHandoverRequest, context: InboundContext): InboundMapping => {
  if (!message.suspect || !message.warrant) return { invalid: message.suspect ? 'warrant' : 'suspect' };
  return {
    kind: 'SuspectHandoverRequest',
    data: {
      caseId: context.caseId,
      suspect: personFromWire(message.suspect),
      warrantReference: message.warrant.number,
      offences: message.warrant.offence,
      // The contract carries no decision deadline: this node's policy sets it.
      deadline: after(context.now, context.policy.suspectHandoverDecisionWithinMs),
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

export const HANDOVER_INBOUND = {
  'xborder.v1.SuspectHandoverRequest': request,
  'xborder.v1.SuspectHandoverDecision': decision,
  'xborder.v1.SuspectHandoverScheduled': scheduled,
  'xborder.v1.SuspectHandoverDone': done,
} as const;
