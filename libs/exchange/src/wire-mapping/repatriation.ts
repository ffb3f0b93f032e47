/** Repatriation ↔ `repatriation.proto` (victim, accompanying children, decision, schedule, hand-over, reception). */
import {
  OutboundKind,
  RepatriationHandedOver,
  RepatriationHandoverScheduled,
  RepatriationReceptionConfirmed,
  RepatriationRequested,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { after, isoOf, timestampOf } from './convert';
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
  ReceptionConfirmed: (event) => {
    const data = (event as RepatriationReceptionConfirmed).data;
    return {
      payloadType: 'xborder.v1.RepatriationReceptionConfirmed',
      payload: { receivedAt: timestampOf(data.receivedAt), receivingUnit: data.facility },
    };
  },
  RepatriationChildAdded: () => ({ gap: 'xborder.v1 has no message adding a child to a sent request' }),
  RepatriationCancellation: () => ({ gap: 'xborder.v1 has no repatriation cancellation message' }),
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
      // The contract carries no decision deadline: this node's policy sets it.
      deadline: after(context.now, context.policy.repatriationDecisionWithinMs),
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
 * The contract's reception confirmation names no children, so the children received are not known
 * here: the command lists none (see README, "gaps").
 */
const reception = (message: v1.RepatriationReceptionConfirmed): InboundMapping => {
  const receivedAt = isoOf(message.receivedAt);
  if (!receivedAt) return { invalid: 'received_at' };
  return { kind: 'ReceptionConfirmed', data: { facility: message.receivingUnit, receivedAt, childIds: [] } };
};

export const REPATRIATION_INBOUND = {
  'xborder.v1.RepatriationRequest': request,
  'xborder.v1.RepatriationDecision': decision,
  'xborder.v1.RepatriationHandoverScheduled': scheduled,
  'xborder.v1.RepatriationHandoverDone': done,
  'xborder.v1.RepatriationReceptionConfirmed': reception,
} as const;
