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
  'report_facts',
  'case_documents',
];
