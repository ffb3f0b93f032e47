/**
 * A deadline a case is still waiting on, as a case lists them for escalation: its kind (what is
 * awaited), when it is due (ISO date-time, the same value `classifyDeadline` reads as `deadline`) and
 * a reference to what is awaited within the case (a message id, `item:<n>`), so one case can have
 * several open at once (a liaison meeting's action items) and each escalates on its own.
 */
export interface OpenDeadline {
  readonly kind: string;
  readonly due: string;
  readonly ref: string;
}

/**
 * How long the receiving side has to confirm reception once a person was handed over (no agreement
 * text sets it; one day matches the hand-over practice at the gates, where both sides sign the same day).
 */
export const RECEPTION_CONFIRMATION_WITHIN_MS = 24 * 60 * 60 * 1000;

/** The deadlines of `deadlines` already passed at `now` (a deadline is passed strictly after `due`). */
export const passedDeadlines = (deadlines: readonly OpenDeadline[], now: string): readonly OpenDeadline[] =>
  deadlines.filter((deadline) => Date.parse(deadline.due) < Date.parse(now));
