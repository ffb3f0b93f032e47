/**
 * What the node's HTTP API answers the officers' console, as types only: the node's handlers are typed
 * with them (so the compiler checks what it sends) and the console imports them by path (so it checks
 * what it reads), though the two are built apart (the node by tsc for Node, the console by Vite for the
 * browser). No value lives here: nothing of it reaches either build's output, and it imports nothing.
 */

/** `GET /api/console/config`: open, the sign-in page needs it. */
export interface ConsoleSettings {
  readonly agencyId: string;
  /** IANA zone every date is shown in (`XB_TIME_ZONE`). */
  readonly timeZone: string;
  /** vi on VN.* nodes, zh on CN.*, lo on LA.*, else en. */
  readonly defaultLanguage: string;
  /** `password`, and `oidc` when the node has an identity provider. */
  readonly signIn: readonly string[];
}

/** The officer of a console session. */
export interface SessionOfficer {
  readonly id: string;
  readonly agency: string;
  readonly roles: readonly string[];
  readonly displayName: string;
}

/** `GET|POST /api/session`. */
export interface SessionAnswer {
  readonly officer: SessionOfficer;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** A row of the command table (`GET /api/console/commands`), or a next step of a case (`.../actions`). */
export interface CommandView {
  readonly resource: string;
  /** The step's path segment; absent for the command that opens a case. */
  readonly action?: string;
  readonly category: string;
  readonly command: string;
  readonly roles: readonly string[];
  readonly summary: string;
  /** A valid body as of the node's clock: the form's field kinds are read from it. */
  readonly example: Record<string, unknown>;
  /** Next steps only: whether the process allows the step now, and whether the officer's role may take it. */
  readonly allowedNow?: boolean;
  readonly permitted?: boolean;
  /** The codes the command's message goes with unless the officer chooses others (none: it sends none). */
  readonly headerCodes?: HeaderCodes;
}

/** A message's handling code (who it may go on to, its use as evidence) and its grading. */
export interface HandlingCode {
  readonly dissemination: string;
  readonly evidentialUse: string;
  readonly conditions?: string;
}
export interface Evaluation {
  readonly source?: string;
  readonly information?: string;
}
export interface HeaderCodes {
  readonly handling: HandlingCode;
  readonly evaluation?: Evaluation;
}

/** One line of a case's timeline: a step of the case, or a message in or out and its receipt. */
export interface TimelineEntry {
  readonly position: string;
  readonly at: string;
  readonly actor: string;
  readonly type: string;
  /** Worded by the node in English (no particulars). */
  readonly line: string;
  readonly messageId?: string;
  readonly direction?: 'out' | 'in';
  readonly handling?: HandlingCode;
  readonly evaluation?: Evaluation;
}

/** What a listed message is now. */
export type MessageKind =
  | 'outbound'
  | 'receipted'
  | 'inbound'
  | 'unacknowledged'
  | 'refused_by_counterpart'
  | 'unsendable'
  | 'refused_inbound';

/** A message for an officer or auditor: never the envelope's bytes, only who, what and why. */
export interface MessageItem {
  readonly kind: MessageKind;
  readonly messageId?: string;
  readonly caseId?: string;
  readonly counterpart?: string;
  readonly payloadType?: string;
  readonly reason?: string;
  /** The message's dissemination code, when it carried one. */
  readonly dissemination?: string;
  readonly at: string;
}

/** A case whose awaited deadline is due within a day or passed. */
export interface DeadlineItem {
  readonly category: string;
  readonly resource: string;
  readonly caseId: string;
  readonly status: string;
  readonly counterpart: string;
  readonly deadline: string;
  readonly deadlineStatus: 'due_soon' | 'overdue';
}

/** A passed deadline escalated to the duty officer that the case still waits on. */
export interface EscalationItem {
  readonly category: string;
  readonly resource: string;
  readonly caseId: string;
  /** What is awaited (`handover_date`, `action_item`, ...) and where in the case (`item:2`, a message id). */
  readonly kind: string;
  readonly ref: string;
  readonly due: string;
  readonly escalatedAt: string;
}

/** `GET /api/console/my-work`. */
export interface MyWork {
  readonly now: string;
  readonly deadlines: readonly DeadlineItem[];
  readonly messages: readonly MessageItem[];
  readonly escalations: readonly EscalationItem[];
  /** Counterparts' erasure notices awaiting our decision (ids only). */
  readonly erasureNotices: readonly ErasureNoticeItem[];
}

/** A counterpart's erasure notice as my work lists it: ids and the ground, never particulars. */
export interface ErasureNoticeItem {
  readonly messageId: string;
  readonly from: string;
  readonly ground: string;
  readonly erasedAt: string;
  readonly personIds: readonly string[];
  readonly cases: readonly { readonly caseId: string; readonly messageIds: readonly string[] }[];
}

/** A page of a board or list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** `GET /api/console/exchange-log`. */
export interface ExchangeLog extends Page<MessageItem> {
  /** Envelopes refused at our inbox over the last `refusedDays` days, the latest first. */
  readonly refused: readonly MessageItem[];
  readonly refusedDays: number;
}

/** One server-sent event of `GET /api/console/live`: where and what, never the event's data. */
export interface LiveEvent {
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly at: string;
  /** For a case's own stream: its process and id. */
  readonly category?: string;
  readonly caseId?: string;
}
