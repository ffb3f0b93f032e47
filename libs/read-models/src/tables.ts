/**
 * Read-model tables, the same on SQLite and PostgreSQL. Positions are kept as decimal text: checkpoints
 * are only ever read back by name, and both dialects store text alike. Times are UTC ISO 8601 text with
 * milliseconds (`times.ts`), which sorts as time does on both dialects; dates are `YYYY-MM-DD`.
 */
export interface ReadModelTables {
  /** The version of these tables' shape (`READ_MODEL_SCHEMA_VERSION`), one row named `read-models`. */
  rm_schema: { name: string; version: number };
  rm_checkpoints: { name: string; position: string };
  /** Events a projector could not apply and moved past (parking.ts). */
  rm_parked_events: {
    projector: string;
    position: string;
    stream_id: string;
    event_type: string;
    failure: string;
    parked_at: string;
  };
  /** The folded state of every case, so a projection continues from where it was without re-reading streams. */
  case_documents: {
    stream_id: string;
    category: string;
    case_id: string;
    state_json: string;
    last_position: string;
  };
  verifications: {
    case_id: string;
    direction: string;
    status: string;
    counterpart: string;
    /** The purposes asked, comma-separated in the contract's order (`identity, nationality, family`). */
    purpose: string;
    subject_role: string;
    deadline: string;
    round: number;
    outcome: string | null;
    opened_at: string;
    answered_at: string | null;
    updated_at: string;
  };
  repatriations: {
    case_id: string;
    direction: string;
    status: string;
    counterpart: string;
    border_gate: string | null;
    province: string | null;
    handover_date: string | null;
    deadline: string | null;
    /** Children travelling with the victim, and how many of them crossed with the victim. */
    children: number;
    children_handed_over: number;
    opened_at: string;
    handed_over_at: string | null;
    updated_at: string;
  };
  suspect_handovers: {
    case_id: string;
    direction: string;
    status: string;
    counterpart: string;
    warrant_reference: string | null;
    border_gate: string | null;
    handover_date: string | null;
    deadline: string | null;
    opened_at: string;
    handed_over_at: string | null;
    updated_at: string;
  };
  joint_operations: {
    operation_id: string;
    status: string;
    counterpart: string;
    title: string;
    starts_on: string | null;
    ends_on: string | null;
    opened_at: string;
    closed_at: string | null;
    updated_at: string;
  };
  joint_operation_cases: { operation_id: string; case_id: string; case_type: string };
  notices: {
    notice_id: string;
    direction: string;
    kind: string;
    status: string;
    counterpart: string;
    processing_deadline: string | null;
    received_at: string;
    processed_at: string | null;
    updated_at: string;
    /** `hotline` (our tip), `counterpart` (their notice or tip-off), `ours` (we sent it). */
    source: string;
    /** The tip's urgency (`routine`, `priority`, `immediate`), when it has one. */
    urgency: string | null;
  };
  /** Every message in and out (projections/messages.ts): its delivery or inbox state, never its bytes. */
  messages: {
    message_id: string;
    /** `outbound`, `inbound`, or `refused` (an envelope refused at our inbox, projections/messages.ts). */
    direction: string;
    case_id: string;
    /** The case's stream category (outbound; inbound records do not name it). */
    category: string | null;
    counterpart: string;
    payload_type: string;
    /** Outbound: sent, resent, delivered, rejected, unacknowledged, unsendable. Inbound: received, rejected. Refused: refused. */
    status: string;
    /** The counterpart's or our refusal code, or the advice of an unacknowledged message. */
    reason: string | null;
    /** A refused envelope's message id as its unverified header claimed it (the row's key is its audit event). */
    claimed_message_id: string | null;
    /** Dispatched (outbound), recorded (inbound) or received (refused). */
    at: string;
    updated_at: string;
    /** The header's dissemination code (who the message may go on to); null in records kept before it was. */
    dissemination: string | null;
  };
  locate_rescues: {
    case_id: string;
    direction: string;
    status: string;
    counterpart: string;
    deadline: string;
    progress_reports: number;
    /** When the person was rescued, else located (none while searching or when not found). */
    outcome_at: string | null;
    opened_at: string;
    updated_at: string;
  };
  wanted_persons: {
    case_id: string;
    direction: string;
    status: string;
    counterpart: string;
    warrant_reference: string;
    deadline: string;
    progress_reports: number;
    arrested_at: string | null;
    opened_at: string;
    updated_at: string;
  };
  /** The follow-on cases a rescue or an arrest led to (verification, repatriation, suspect hand-over). */
  follow_on_cases: { case_id: string; linked_case_id: string; process: string };
  liaison_meetings: {
    meeting_id: string;
    status: string;
    counterpart: string;
    direction: string;
    kind: string;
    level: string;
    host: string;
    starts_at: string;
    answer_deadline: string;
    held_at: string | null;
    opened_at: string;
    updated_at: string;
  };
  /** One row per action item of a meeting's minutes; `done_at` null while open. */
  liaison_action_items: {
    meeting_id: string;
    number: number;
    owner: string;
    deadline: string;
    done_at: string | null;
  };
  missions: {
    mission_id: string;
    status: string;
    counterpart: string;
    direction: string;
    kind: string;
    supported_case_id: string | null;
    members: number;
    arrives_on: string;
    departs_on: string;
    entry_gate: string;
    deadline: string;
    opened_at: string;
    updated_at: string;
  };
  /** What the periodic reports count (`report/facts.ts`), one row per fact; `fact_id` is `<position>:<n>`. */
  report_facts: {
    fact_id: string;
    fact: string;
    done_by: string;
    counterpart: string;
    border_gate: string;
    sex: string;
    age_group: string;
    detail: string;
    at: string;
    value: number;
  };
  /**
   * The highest handling restriction each case received from counterparts (projections/handling.ts), so
   * boards can show it; a case without one has no row. The conditions' words stay in the case.
   */
  case_handling: {
    stream_id: string;
    category: string;
    case_id: string;
    dissemination: string;
    evidential_use: string;
    /** 1 when the code carries conditions (read them in the case view). */
    has_conditions: number;
    updated_at: string;
  };
  /**
   * Counterparts' erasure notices received (erasure-notices.ts), one row per notice: what the notice says
   * (ids, the ground, times) and our officer's decision, never a particular nor the decision's free-text
   * note (read it in the notice's stream). Lists are JSON arrays of ids.
   */
  received_erasure_notices: {
    message_id: string;
    /** The counterpart that sent it. */
    sender: string;
    erasure_id: string;
    ground: string;
    erased_at: string;
    received_at: string;
    /** JSON: the person ids it names. */
    person_ids: string;
    /** JSON: `{ caseId, messageIds }` per case it names. */
    cases: string;
    /** `awaiting_decision` or `decided`. */
    status: string;
    /** `erase` or `keep` once decided. */
    decision: string | null;
    decided_by: string | null;
    decided_at: string | null;
    /** JSON: the keys our erasure on it destroyed (none on `keep`). */
    key_ids: string | null;
    updated_at: string;
  };
  /** Deadlines escalated (escalation.ts), one row per escalation stream. */
  deadline_escalations: {
    stream_id: string;
    category: string;
    case_id: string;
    kind: string;
    ref: string;
    due: string;
    escalated_at: string;
  };
}

export type ReadModelTable = keyof ReadModelTables;

/** Tables holding projected rows (everything but the checkpoints), in an order safe for deleting. */
export const PROJECTED_TABLES: readonly ReadModelTable[] = [
  'joint_operation_cases',
  'joint_operations',
  'verifications',
  'repatriations',
  'suspect_handovers',
  'notices',
  'messages',
  'follow_on_cases',
  'locate_rescues',
  'wanted_persons',
  'report_facts',
  'case_documents',
  'liaison_action_items',
  'liaison_meetings',
  'missions',
  'deadline_escalations',
  'case_handling',
  'received_erasure_notices',
];
