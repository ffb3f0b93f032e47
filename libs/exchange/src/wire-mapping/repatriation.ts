/**
 * Repatriation ↔ `repatriation.proto` (victim, accompanying children, decision, schedule, hand-over,
 * reception, a child added later, cancellation). Children are named on the wire by their child ids,
 * which the domain requires to be UUIDs (see `childPersonIdOf` for children stored before that).
 */
import {
  OutboundKind,
  RepatriationCancelled,
  RepatriationChildAdded,
  RepatriationHandedOver,
  RepatriationHandoverScheduled,
  RepatriationReceptionConfirmed,
  RepatriationRequested,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { deadlineOf, isoOf, timestampOf } from './convert';
import { childPersonIdOf, countryOf, personFromWire, personIdOf, personToWire } from './person';
import {
  AS_SCHEDULED_GATE,
  decisionFromWire,
  decisionToWire,
  DecisionData,
  scheduleFromWire,
  scheduleToWire,
} from './steps';
import { InboundContext, InboundMapping, OutboundMapper } from './types';

const victimId = (caseId: string) => personIdOf(caseId, 'victim');

export const REPATRIATION_OUTBOUND: Partial<Record<OutboundKind, OutboundMapper>> = {
  RepatriationRequest: (event, context) => {
    const data = (event as RepatriationRequested).data;
    const home = countryOf(data.receivingAgency);
    return {
      payloadType: 'xborder.v1.RepatriationRequest',
      payload: {
        victim: {
          ...personToWire(data.victim, victimId(context.caseId), home),
          accompanyingChildren: data.children.map((child) => ({
            child: personToWire(child.person, childPersonIdOf(context.caseId, child.childId), home),
          })),
        },
        remarks: data.circumstances,
        respondBy: timestampOf(data.deadline),
      },
    };
  },
  RepatriationDecision: (event) => ({
    payloadType: 'xborder.v1.RepatriationDecision',
    payload: decisionToWire(event.data as DecisionData),
  }),
  HandoverScheduling: (event, context) => ({
    payloadType: 'xborder.v1.RepatriationHandoverScheduled',
    payload: scheduleToWire(
      (event as RepatriationHandoverScheduled).data.schedule,
      context.gateUtcOffsetMinutes,
    ),
  }),
  HandoverCompleted: (event, context) => {
    const data = (event as RepatriationHandedOver).data;
    return {
      payloadType: 'xborder.v1.RepatriationHandoverDone',
      payload: {
        handedOverAt: timestampOf(data.handedOverAt),
        gate: AS_SCHEDULED_GATE,
        personIds: [
          victimId(context.caseId),
          ...data.childIds.map((id) => childPersonIdOf(context.caseId, id)),
        ],
      },
    };
  },
  ReceptionConfirmed: (event, context) => {
    const data = (event as RepatriationReceptionConfirmed).data;
    return {
      payloadType: 'xborder.v1.RepatriationReceptionConfirmed',
      payload: {
        receivedAt: timestampOf(data.receivedAt),
        receivingUnit: data.facility,
        personIds: [
          victimId(context.caseId),
          ...data.childIds.map((id) => childPersonIdOf(context.caseId, id)),
        ],
      },
    };
  },
  /** Sent by the requesting side to the victim's home side, whose country the address falls back to. */
  RepatriationChildAdded: (event, context) => {
    const { childId, person } = (event as RepatriationChildAdded).data;
    return {
      payloadType: 'xborder.v1.RepatriationChildAdded',
      payload: {
        child: {
          child: personToWire(
            person,
            childPersonIdOf(context.caseId, childId),
            countryOf(context.counterpart),
          ),
        },
      },
    };
  },
  RepatriationCancellation: (event) => ({
    payloadType: 'xborder.v1.RepatriationCancellation',
    payload: { reason: (event as RepatriationCancelled).data.reason },
  }),
};

const request = (message: v1.RepatriationRequest, context: InboundContext): InboundMapping => {
  if (!message.victim) return { invalid: 'victim' };
  const children = (message.victim.accompanyingChildren ?? []).map((child) => ({
    childId: child.child?.personId ?? '',
    person: personFromWire(child.child ?? {}),
  }));
  return {
    kind: 'RepatriationRequest',
    data: {
      caseId: context.caseId,
      victim: personFromWire(message.victim),
      children,
      circumstances: [message.rescuedWhere, message.remarks].filter(Boolean).join('. '),
      deadline: deadlineOf(message.respondBy, context.now, context.policy.repatriationDecisionWithinMs),
    },
  };
};

const decision = (message: v1.RepatriationDecision): InboundMapping => {
  const data = decisionFromWire(message);
  return data ? { kind: 'RepatriationDecision', data } : { invalid: 'decision' };
};

const scheduled = (message: v1.RepatriationHandoverScheduled, context: InboundContext): InboundMapping => {
  const data = scheduleFromWire(message, context.policy.gateUtcOffsetMinutes);
  return data ? { kind: 'HandoverScheduling', data } : { invalid: 'scheduled_at' };
};

const done = (message: v1.RepatriationHandoverDone, context: InboundContext): InboundMapping => {
  const handedOverAt = isoOf(message.handedOverAt);
  if (!handedOverAt) return { invalid: 'handed_over_at' };
  const victim = victimId(context.caseId);
  // Children were received under their wire ids (see `request`): the others handed over are children.
  const childIds = message.personIds.filter((id) => id !== victim);
  return { kind: 'HandoverCompleted', data: { handedOverAt, childIds } };
};

/**
 * The persons received other than the victim are the children received. A sender before schema
 * version 2 names nobody: then no child is recorded as received.
 */
const reception = (message: v1.RepatriationReceptionConfirmed, context: InboundContext): InboundMapping => {
  const receivedAt = isoOf(message.receivedAt);
  if (!receivedAt) return { invalid: 'received_at' };
  const victim = victimId(context.caseId);
  const childIds = message.personIds.filter((id) => id !== victim);
  return { kind: 'ReceptionConfirmed', data: { facility: message.receivingUnit, receivedAt, childIds } };
};

const childAdded = (message: v1.RepatriationChildAdded): InboundMapping =>
  message.child?.child
    ? {
        kind: 'RepatriationChildAdded',
        data: { childId: message.child.child.personId, person: personFromWire(message.child.child) },
      }
    : { invalid: 'child' };

const cancellation = (message: v1.RepatriationCancellation): InboundMapping => ({
  kind: 'RepatriationCancellation',
  data: { reason: message.reason },
});

export const REPATRIATION_INBOUND = {
  'xborder.v1.RepatriationRequest': request,
  'xborder.v1.RepatriationDecision': decision,
  'xborder.v1.RepatriationHandoverScheduled': scheduled,
  'xborder.v1.RepatriationHandoverDone': done,
  'xborder.v1.RepatriationReceptionConfirmed': reception,
  'xborder.v1.RepatriationChildAdded': childAdded,
  'xborder.v1.RepatriationCancellation': cancellation,
} as const;
