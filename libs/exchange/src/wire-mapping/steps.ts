/**
 * The parts repatriation and suspect hand-over share on the wire: decisions, (re)schedules and the
 * gate of a completed hand-over.
 */
import { HandoverSchedule } from '@xb/domain';
import { google, v1 } from '@xb/envelope';
import { gateInstantOf, gateLocalOf, text } from './convert';

/** Both decisions (repatriation, suspect hand-over) as the domain records them. */
export type DecisionData =
  | { readonly decision: 'accepted'; readonly note?: string }
  | { readonly decision: 'refused'; readonly reason: string };

/**
 * The domain keeps a refusal's reason as words, not a ground: it travels as remarks under
 * REFUSAL_GROUND_OTHER ("another ground, explained in remarks").
 */
export const decisionToWire = (data: DecisionData) =>
  data.decision === 'accepted'
    ? { decision: v1.Decision.DECISION_ACCEPTED, ...(data.note ? { remarks: data.note } : {}) }
    : {
        decision: v1.Decision.DECISION_REFUSED,
        refusalGround: v1.RefusalGround.REFUSAL_GROUND_OTHER,
        remarks: data.reason,
      };

const GROUND_WORDS: Record<number, string> = {
  [v1.RefusalGround.REFUSAL_GROUND_IDENTITY_NOT_CONFIRMED]: 'identity not confirmed',
  [v1.RefusalGround.REFUSAL_GROUND_NOT_A_NATIONAL]: 'not a national',
  [v1.RefusalGround.REFUSAL_GROUND_INCOMPLETE_FILE]: 'incomplete file',
  [v1.RefusalGround.REFUSAL_GROUND_NO_CONSENT]: 'no consent to return',
  [v1.RefusalGround.REFUSAL_GROUND_LEGAL_BAR]: 'legal bar',
  [v1.RefusalGround.REFUSAL_GROUND_OTHER]: 'other ground',
};

/** The domain's decision data, or undefined for DECISION_UNSPECIFIED. */
export const decisionFromWire = (message: {
  decision: number;
  refusalGround?: number | null;
  remarks?: string | null;
}): Record<string, unknown> | undefined => {
  const remarks = text(message.remarks);
  if (message.decision === v1.Decision.DECISION_ACCEPTED)
    return remarks ? { decision: 'accepted', note: remarks } : { decision: 'accepted' };
  if (message.decision === v1.Decision.DECISION_REFUSED) {
    const reason = remarks ?? GROUND_WORDS[message.refusalGround ?? 0] ?? 'refused without a stated ground';
    return { decision: 'refused', reason };
  }
  return undefined;
};

/**
 * A schedule on the wire. The gate's name is both its code and its name (the domain keeps no gate
 * codes); the receiving unit travels as the contact's unit, and as its name since the contract
 * requires one (the domain keeps no duty officer).
 */
export const scheduleToWire = (schedule: HandoverSchedule, gateUtcOffsetMinutes: number) => ({
  revision: schedule.revision,
  gate: { gateCode: schedule.borderGate, name: schedule.borderGate },
  scheduledAt: gateInstantOf(schedule.date, schedule.time, gateUtcOffsetMinutes),
  contact: { name: schedule.receivingUnit, unit: schedule.receivingUnit },
});

/** The data of an inbound (re)scheduling command, or undefined when the time is missing. */
export const scheduleFromWire = (
  message: {
    revision: number;
    gate?: v1.BorderGate.$Properties | null;
    scheduledAt?: google.protobuf.Timestamp.$Properties | null;
    contact?: v1.OfficerContact.$Properties | null;
  },
  gateUtcOffsetMinutes: number,
): Record<string, unknown> | undefined => {
  const local = gateLocalOf(message.scheduledAt, gateUtcOffsetMinutes);
  if (!local) return undefined;
  return {
    borderGate: text(message.gate?.name) ?? message.gate?.gateCode ?? '',
    date: local.date,
    time: local.time,
    receivingUnit: text(message.contact?.unit) ?? message.contact?.name ?? '',
    revision: message.revision,
  };
};

/**
 * The gate of a completed hand-over: the contract requires it, the domain's completion event does
 * not carry it (it is the gate of the binding schedule), so a fixed marker says so.
 */
export const AS_SCHEDULED_GATE = { gateCode: 'AS-SCHEDULED', name: 'gate of the binding schedule' };
