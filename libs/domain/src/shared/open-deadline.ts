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
