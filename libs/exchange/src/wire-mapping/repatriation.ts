/**
 * Repatriation ↔ `repatriation.proto` (victim, accompanying children, decision, schedule, hand-over,
 * reception, a child added later, cancellation). Children are named on the wire by their child ids,
 * which the domain requires to be UUIDs (see `childPersonIdOf` for children stored before that); the
 * victim by the person id the request gave, else one derived from the case.
 */
import { ChildParticulars, REFERRALS, SUPPORT_NEEDS } from '@xb/domain';
import { v1 } from '@xb/envelope';
import {
  compact,
  deadlineOf,
  isoDateOf,
  calendarDateOf,
  isoOf,
  listUnlessDefault,
  text,
  timestampOf,
  unlessDefault,
  wordListOf,
  wordsOf,
} from './convert';
import {
  childFromWire,
  childPersonIdOf,
  childToWire,
  countryOf,
  personFromWire,
  personIdOf,
  personToWire,
} from './person';
import {
  completionAnnexOf,
  completionToWire,
  decisionFromWire,
  decisionToWire,
  gateFromWire,
  gateToWire,
  scheduleFromWire,
  scheduleToWire,
} from './steps';
import { InboundContext, WireTable } from './types';
import { TRAFFICKING_FORM } from './verification';

const SUPPORT_NEED = wordsOf(SUPPORT_NEEDS, v1.SupportNeed, 'SUPPORT_NEED_');
const REFERRAL = wordsOf(REFERRALS, v1.Referral, 'REFERRAL_');

const victimId = (caseId: string) => personIdOf(caseId, 'victim');

const childToWireIn = (caseId: string, country: string) => (child: ChildParticulars) =>
  childToWire(child, childPersonIdOf(caseId, child.childId), country);

/** A child as received: its person id is its child id (so its particulars need not repeat it). */
const childOf = (child: v1.IAccompanyingChild, context: InboundContext): ChildParticulars => {
  const childId = child.child?.personId ?? '';
  return { childId, ...childFromWire(child, { personId: childId, addressCountry: ourCountry(context) }) };
};

const ourCountry = (context: InboundContext) => countryOf(context.header.recipient);

/** The persons named other than the victim (under the id this node would give the victim). */
const othersThanVictim = (personIds: readonly string[], caseId: string) =>
  personIds.filter((id) => id !== victimId(caseId));

/** Everyone a hand-over or reception names: as recorded, else the victim and the children. */
const personIdsOf = (
  caseId: string,
  data: { childIds: readonly string[]; annex?: { personIds?: readonly string[] } },
) => [
  ...(data.annex?.personIds ?? [victimId(caseId), ...data.childIds.map((id) => childPersonIdOf(caseId, id))]),
];

export const REPATRIATION_WIRE: Pick<
  WireTable,
  | 'RepatriationRequest'
  | 'RepatriationChildAdded'
  | 'RepatriationDecision'
  | 'HandoverScheduling'
  | 'HandoverCompleted'
  | 'ReceptionConfirmed'
  | 'RepatriationCancellation'
> = {
  RepatriationRequest: {
    toWire: ({ data }, context) => {
      const home = countryOf(data.receivingAgency);
      const annex = data.annex ?? {};
      return {
        payloadType: 'xborder.v1.RepatriationRequest',
        payload: compact({
          victim: {
            ...personToWire(data.victim, victimId(context.caseId), home),
            accompanyingChildren: data.children.map(childToWireIn(context.caseId, home)),
          },
          verificationCaseId: annex.verificationCaseId,
          traffickingForm: annex.traffickingForm && TRAFFICKING_FORM.toWire(annex.traffickingForm),
          rescuedAt: annex.rescuedAt ? timestampOf(annex.rescuedAt) : undefined,
          rescuedWhere: annex.rescuedWhere,
          proposedGate: annex.proposedGate && gateToWire(annex.proposedGate),
          proposedDate: annex.proposedDate ? calendarDateOf(annex.proposedDate) : undefined,
          supportNeeds: annex.supportNeeds?.map(SUPPORT_NEED.toWire),
          fileReference: annex.fileReference,
          remarks: data.circumstances,
          respondBy: timestampOf(data.deadline),
        }),
      };
    },
    fromWire: {
      'xborder.v1.RepatriationRequest': (message, context) => {
        if (!message.victim) return { invalid: 'victim' };
        const defaults = { personId: victimId(context.caseId), addressCountry: ourCountry(context) };
        const { accompanyingChildren: _children, ...victim } = personFromWire(message.victim, defaults);
        return {
          caseId: context.caseId,
          victim,
          children: (message.victim.accompanyingChildren ?? []).map((child) => childOf(child, context)),
          circumstances: message.remarks,
          deadline: deadlineOf(message.respondBy, context.now, context.policy.repatriationDecisionWithinMs),
          annex: compact({
            verificationCaseId: text(message.verificationCaseId),
            traffickingForm: TRAFFICKING_FORM.fromWire(message.traffickingForm),
            rescuedAt: isoOf(message.rescuedAt),
            rescuedWhere: text(message.rescuedWhere),
            proposedGate: gateFromWire(message.proposedGate),
            proposedDate: isoDateOf(message.proposedDate),
            supportNeeds: wordListOf(SUPPORT_NEED, message.supportNeeds),
            fileReference: text(message.fileReference),
          }),
        };
      },
    },
  },
  RepatriationDecision: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.RepatriationDecision',
      payload: compact({ ...decisionToWire(data), receivingUnit: data.annex?.receivingUnit }),
    }),
    fromWire: {
      'xborder.v1.RepatriationDecision': (message) => {
        const decided = decisionFromWire(message);
        if (!decided) return { invalid: 'decision' };
        const annex = compact({ ...decided.annex, receivingUnit: text(message.receivingUnit) });
        return compact({ ...decided, annex });
      },
    },
  },
  HandoverScheduling: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.RepatriationHandoverScheduled',
      payload: scheduleToWire(data, context.gateUtcOffsetMinutes),
    }),
    fromWire: {
      'xborder.v1.RepatriationHandoverScheduled': (message, context) =>
        scheduleFromWire(message, context.policy.gateUtcOffsetMinutes, context.header.sender) ?? {
          invalid: 'scheduled_at',
        },
    },
  },
  HandoverCompleted: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.RepatriationHandoverDone',
      payload: {
        ...completionToWire(data.handedOverAt, data.annex),
        personIds: personIdsOf(context.caseId, data),
      },
    }),
    fromWire: {
      'xborder.v1.RepatriationHandoverDone': (message, context) => {
        const handedOverAt = isoOf(message.handedOverAt);
        if (!handedOverAt) return { invalid: 'handed_over_at' };
        // The others handed over than the victim are children (the domain also knows the victim's own id).
        const childIds = othersThanVictim(message.personIds, context.caseId);
        const personIds = unlessDefault([...message.personIds], [victimId(context.caseId), ...childIds]);
        return { handedOverAt, childIds, annex: compact({ ...completionAnnexOf(message), personIds }) };
      },
    },
  },
  /**
   * The persons received other than the victim are the children received. A sender before schema
   * version 2 names nobody: then no child is recorded as received.
   */
  ReceptionConfirmed: {
    toWire: ({ data }, context) => {
      const annex = data.annex ?? {};
      return {
        payloadType: 'xborder.v1.RepatriationReceptionConfirmed',
        payload: compact({
          receivedAt: timestampOf(data.receivedAt),
          receivingUnit: data.facility,
          referral: annex.referral && REFERRAL.toWire(annex.referral),
          remarks: annex.remarks,
          personIds: personIdsOf(context.caseId, data),
        }),
      };
    },
    fromWire: {
      'xborder.v1.RepatriationReceptionConfirmed': (message, context) => {
        const receivedAt = isoOf(message.receivedAt);
        if (!receivedAt) return { invalid: 'received_at' };
        const childIds = othersThanVictim(message.personIds, context.caseId);
        const annex = {
          ...compact({ referral: REFERRAL.fromWire(message.referral), remarks: text(message.remarks) }),
          ...listUnlessDefault('personIds', message.personIds, [victimId(context.caseId), ...childIds]),
        };
        return { facility: message.receivingUnit, receivedAt, childIds, annex };
      },
    },
  },
  /** Sent by the requesting side to the victim's home side, whose country the address falls back to. */
  RepatriationChildAdded: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.RepatriationChildAdded',
      payload: { child: childToWireIn(context.caseId, countryOf(context.counterpart))(data) },
    }),
    fromWire: {
      'xborder.v1.RepatriationChildAdded': (message, context) =>
        message.child?.child ? childOf(message.child, context) : { invalid: 'child' },
    },
  },
  RepatriationCancellation: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.RepatriationCancellation',
      payload: { reason: data.reason },
    }),
    fromWire: { 'xborder.v1.RepatriationCancellation': (message) => ({ reason: message.reason }) },
  },
};
