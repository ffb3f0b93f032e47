import { createHash } from 'node:crypto';
import type { EventStore, EventToAppend, AppendResult } from '@xb/event-store';

/**
 * The audit trail's own events: refused envelopes, commands received and views of victim particulars.
 * One stream per kind and UTC day (`audit-<kind>-<yyyy-mm-dd>`) keeps streams short and lets an auditor
 * read one day of one kind directly. None of them carries victim or suspect particulars, except the raw
 * bytes of a refused envelope, which are still sealed (encrypted) as they arrived.
 */

export const AUDIT_ENVELOPE_REFUSED = 'AuditEnvelopeRefused';
export const AUDIT_COMMAND_RECEIVED = 'AuditCommandReceived';
export const AUDIT_PARTICULARS_VIEWED = 'AuditParticularsViewed';

export interface AuditEnvelopeRefusedData {
  /** The envelope's bytes exactly as received, base64. */
  readonly rawBase64: string;
  /** SHA-256 of those bytes (hex): what a receipt would have carried. */
  readonly sha256: string;
  /** The refusal's reason code (e.g. UNKNOWN_SENDER, BAD_SIGNATURE). */
  readonly reason: string;
  /** The refusal's explanation for a person (never payload content). */
  readonly detail?: string;
  /** Message id and sender from the readable header, when it parsed. */
  readonly messageId?: string;
  readonly sender?: string;
  /** Where it came from, e.g. `kafka:xb.v1.inbox.vn-bgc-laichau/2@1234`. */
  readonly source: string;
  readonly receivedAt: string;
}

export interface AuditCommandReceivedData {
  /** The command's type only: its data may hold particulars and lives in the events it causes. */
  readonly commandType: string;
  /** Officer id, `agency:<id>` for a counterpart message, `system:<role>`. */
  readonly actor: string;
  /** The agency on whose behalf the command came (this node's, or the counterpart's). */
  readonly agencyId: string;
  readonly requestId: string;
  /** Client IP and port for HTTP, topic/partition@offset for Kafka. */
  readonly sourceAddress: string;
  /** The case the command addresses, when it names one. */
  readonly caseId?: string;
  readonly receivedAt: string;
}

export interface AuditParticularsViewedData {
  /** Who viewed: an officer id. */
  readonly viewer: string;
  /** The case whose particulars were shown (a stream id, e.g. `repatriation-<id>`). */
  readonly caseId: string;
  /** Names of the particulars shown (e.g. `victim.name`), never their values. */
  readonly fields: readonly string[];
  /** Why the officer un-hid them, as they stated it in the console (at most 200 characters). */
  readonly reason?: string;
  readonly requestId: string;
  readonly sourceAddress: string;
  readonly viewedAt: string;
}

export type AuditEvent =
  | EventToAppend<typeof AUDIT_ENVELOPE_REFUSED, AuditEnvelopeRefusedData>
  | EventToAppend<typeof AUDIT_COMMAND_RECEIVED, AuditCommandReceivedData>
  | EventToAppend<typeof AUDIT_PARTICULARS_VIEWED, AuditParticularsViewedData>;

/** An audit event and the stream it goes to. */
export interface AuditRecord<E extends AuditEvent = AuditEvent> {
  readonly stream: string;
  readonly event: E;
}

/** `audit-<kind>-<yyyy-mm-dd>` for the UTC day of `at` (ISO 8601). */
export function auditStream(kind: 'refused' | 'commands' | 'views', at: string): string {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new RangeError(`not an ISO 8601 time: ${at}`);
  return `audit-${kind}-${time.toISOString().slice(0, 10)}`;
}

const metadata = (
  correlationId: string,
  actor: string,
  occurredAt: string,
  extra: Record<string, unknown> = {},
) => ({
  correlationId,
  actor,
  occurredAt,
  schemaVersion: 1,
  ...extra,
});

export function envelopeRefused(
  raw: Uint8Array,
  input: Omit<AuditEnvelopeRefusedData, 'rawBase64' | 'sha256'>,
): AuditRecord<EventToAppend<typeof AUDIT_ENVELOPE_REFUSED, AuditEnvelopeRefusedData>> {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const data = {
    ...input,
    rawBase64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  const correlationId = input.messageId ?? data.sha256;
  return {
    stream: auditStream('refused', input.receivedAt),
    event: {
      type: AUDIT_ENVELOPE_REFUSED,
      data,
      metadata: metadata(correlationId, 'system:gateway', input.receivedAt),
    },
  };
}

export function commandReceived(
  data: AuditCommandReceivedData,
): AuditRecord<EventToAppend<typeof AUDIT_COMMAND_RECEIVED, AuditCommandReceivedData>> {
  const extra = { requestId: data.requestId, sourceAddress: data.sourceAddress };
  return {
    stream: auditStream('commands', data.receivedAt),
    event: {
      type: AUDIT_COMMAND_RECEIVED,
      data,
      metadata: metadata(data.caseId ?? data.requestId, data.actor, data.receivedAt, extra),
    },
  };
}

export function particularsViewed(
  data: AuditParticularsViewedData,
): AuditRecord<EventToAppend<typeof AUDIT_PARTICULARS_VIEWED, AuditParticularsViewedData>> {
  const extra = { requestId: data.requestId, sourceAddress: data.sourceAddress };
  return {
    stream: auditStream('views', data.viewedAt),
    event: {
      type: AUDIT_PARTICULARS_VIEWED,
      data,
      metadata: metadata(data.caseId, data.viewer, data.viewedAt, extra),
    },
  };
}

/** Appends an audit record; audit streams take any revision, since they only ever grow. */
export function appendAuditRecord(store: EventStore, record: AuditRecord): Promise<AppendResult> {
  return store.appendToStream(record.stream, [record.event], { expectedRevision: 'any' });
}
