/**
 * The parts repatriation and suspect hand-over share on the wire: decisions, (re)schedules, gates,
 * officers' contacts and the completion of a hand-over.
 */
import {
  AnnexOf,
  BorderGateRef,
  HandoverSchedule,
  OfficerContact,
  REFUSAL_GROUNDS,
  RefusalGround,
  zoneOf,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import {
  compact,
  gateInstantOf,
  gateLocalOf,
  isoOf,
  text,
  timestampOf,
  unlessDefault,
  wordsOf,
} from './convert';

const REFUSAL_GROUND = wordsOf(REFUSAL_GROUNDS, v1.RefusalGround, 'REFUSAL_GROUND_');

/** Both decisions (repatriation, suspect hand-over) as the domain records them. */
export type DecisionData = (
  | { readonly decision: 'accepted'; readonly note?: string }
  | { readonly decision: 'refused'; readonly reason: string }
) & { readonly annex?: { readonly refusalGround?: RefusalGround } };

/**
 * A decision on the wire. A refusal recorded without a ground (our officers give reasons in words)
 * travels under REFUSAL_GROUND_OTHER ("another ground, explained in remarks").
 */
export const decisionToWire = (data: DecisionData) => {
  const ground = data.annex?.refusalGround;
  return data.decision === 'accepted'
    ? compact({
        decision: v1.Decision.DECISION_ACCEPTED,
        refusalGround: ground && REFUSAL_GROUND.toWire(ground),
        remarks: data.note,
      })
    : {
        decision: v1.Decision.DECISION_REFUSED,
        refusalGround: REFUSAL_GROUND.toWire(ground ?? 'other'),
        remarks: data.reason,
      };
};

/**
 * The domain's decision, or undefined for DECISION_UNSPECIFIED and for a refusal without a ground
 * (the contract allows REFUSAL_GROUND_UNSPECIFIED only with an acceptance).
 */
export const decisionFromWire = (message: {
  decision: number;
  refusalGround?: number | null;
  remarks?: string | null;
}) => {
  const refusalGround = REFUSAL_GROUND.fromWire(message.refusalGround);
  if (message.decision === v1.Decision.DECISION_ACCEPTED)
    return compact({
      decision: 'accepted' as const,
      note: text(message.remarks),
      annex: compact({ refusalGround }),
    });
  // "Another ground" is what this node sends for a refusal in words: a refusal of ours reads the same on both sides.
  const annex = compact({ refusalGround: unlessDefault(refusalGround, 'other') });
  if (message.decision === v1.Decision.DECISION_REFUSED && refusalGround)
    return { decision: 'refused' as const, reason: message.remarks ?? '', annex };
  return undefined;
};

export const gateToWire = (gate: BorderGateRef): v1.IBorderGate =>
  compact({ gateCode: gate.code, name: gate.name });

export const gateFromWire = (gate: v1.IBorderGate | null | undefined): BorderGateRef | undefined =>
  gate ? compact({ code: gate.gateCode ?? '', name: text(gate.name) }) : undefined;

const contactToWire = (contact: OfficerContact): v1.IOfficerContact => compact({ ...contact });

const contactFromWire = (contact: v1.IOfficerContact | null | undefined): OfficerContact | undefined =>
  contact
    ? compact({ name: contact.name ?? '', unit: text(contact.unit), telephone: text(contact.telephone) })
    : undefined;

type ScheduleAnnex = AnnexOf<'HandoverScheduling'>;

/**
 * A schedule on the wire: as received when it came from the counterpart (its annex keeps the gate,
 * the exact time and the contact); for ours, the gate's name is both its code and its name (the
 * domain keeps no gate codes) and the receiving unit travels as the contact's unit and name.
 */
export const scheduleToWire = (
  data: { readonly schedule: HandoverSchedule; readonly annex?: ScheduleAnnex },
  agreedOffsetMinutes: number | undefined,
) => {
  const { schedule } = data;
  // The schedule's date and time are the local time of the side that set it.
  const gateUtcOffsetMinutes = agreedOffsetMinutes ?? zoneOf(schedule.proposedBy).utcOffsetMinutes;
  const annex = data.annex ?? {};
  const unit = text(schedule.receivingUnit);
  return compact({
    revision: schedule.revision,
    gate: annex.gate ? gateToWire(annex.gate) : { gateCode: schedule.borderGate, name: schedule.borderGate },
    scheduledAt: annex.scheduledAt
      ? timestampOf(annex.scheduledAt)
      : gateInstantOf(schedule.date, schedule.time, gateUtcOffsetMinutes),
    rescheduleReason: annex.rescheduleReason,
    contact: annex.contact ? contactToWire(annex.contact) : unit ? { name: unit, unit } : undefined,
  });
};

/** The data of an inbound (re)scheduling command, or undefined when the time is missing. */
export const scheduleFromWire = (
  message: v1.RepatriationHandoverScheduled | v1.SuspectHandoverScheduled,
  agreedOffsetMinutes: number | undefined,
  sender: string,
) => {
  // The sender set the schedule: its time is read in the sender's local time.
  const gateUtcOffsetMinutes = agreedOffsetMinutes ?? zoneOf(sender).utcOffsetMinutes;
  const local = gateLocalOf(message.scheduledAt, gateUtcOffsetMinutes);
  const scheduledAt = isoOf(message.scheduledAt);
  if (!local || !scheduledAt) return undefined;
  const contact = contactFromWire(message.contact);
  const borderGate = text(message.gate?.name) ?? message.gate?.gateCode ?? '';
  const receivingUnit = text(contact?.unit) ?? contact?.name ?? '';
  const unit = text(receivingUnit);
  // Only what our own schedule would not reproduce is kept aside (see scheduleToWire).
  return {
    borderGate,
    date: local.date,
    time: local.time,
    receivingUnit,
    revision: message.revision,
    annex: compact({
      gate: unlessDefault(gateFromWire(message.gate), { code: borderGate, name: borderGate }),
      // Kept whole: the side that set it and so the zone it is read in may differ on the way back.
      scheduledAt,
      rescheduleReason: text(message.rescheduleReason),
      contact: unlessDefault(contact, unit ? { name: unit, unit } : undefined),
    }),
  };
};

/**
 * The gate of a completed hand-over: the contract requires it, the domain's completion of our own
 * does not carry it (it is the gate of the binding schedule), so a fixed marker says so.
 */
export const AS_SCHEDULED_GATE = { gateCode: 'AS-SCHEDULED', name: 'gate of the binding schedule' };

type CompletionAnnex = AnnexOf<'HandoverCompleted'> | AnnexOf<'SuspectHandoverCompleted'>;

/** The fields a hand-over's completion shares between repatriation and suspect hand-over. */
export const completionToWire = (handedOverAt: string, annex: CompletionAnnex = {}) =>
  compact({
    handedOverAt: timestampOf(handedOverAt),
    gate: annex.gate ? gateToWire(annex.gate) : AS_SCHEDULED_GATE,
    receivedBy: annex.receivedBy && contactToWire(annex.receivedBy),
    minutesReference: annex.minutesReference,
  });

export const completionAnnexOf = (message: v1.RepatriationHandoverDone | v1.SuspectHandoverDone) =>
  compact({
    gate: unlessDefault(gateFromWire(message.gate), {
      code: AS_SCHEDULED_GATE.gateCode,
      name: AS_SCHEDULED_GATE.name,
    }),
    receivedBy: contactFromWire(message.receivedBy),
    minutesReference: text(message.minutesReference),
  });
