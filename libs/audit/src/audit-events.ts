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
export const AUDIT_PARTICULARS_ERASED = 'AuditParticularsErased';

/**
 * Largest refused record kept whole (base64) in its audit event. Anything larger is kept by SHA-256 and
 * size, its bytes on the dead-letter topic: a record near the broker's limit would otherwise make an event
 * the store refuses, and the refusal itself would block the partition.
 */
export const REFUSED_RAW_KEPT_MAX_BYTES = 64 * 1024;

export interface AuditEnvelopeRefusedData {
  /** The envelope's bytes exactly as received, base64 ("" for an empty record); absent when too large. */
  readonly rawBase64?: string;
  /** SHA-256 of those bytes (hex): what a receipt would have carried. */
  readonly sha256: string;
  /** Length of those bytes. Absent in events written before sizes were recorded. */
  readonly size?: number;
  /** Where the bytes are when they are not in the event (over REFUSED_RAW_KEPT_MAX_BYTES), e.g. `kafka:xb.v1.dlq.vn-bgc-laichau`. */
  readonly rawKeptAt?: string;
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

/** Crypto-shredding (docs/confidentiality.md): the keys destroyed, by whom, when and on what ground. */
export interface AuditParticularsErasedData {
  /** An officer id, or `system:retention` for the retention job. */
  readonly erasedBy: string;
  /** `retention_expired`, `legal_request` or `data_subject_request`. */
  readonly ground: string;
  /** The reference of the legal request or decision, when there is one (never particulars). */
  readonly reference?: string;
  /** What was erased: a person (its reference) or every particular of a case (a stream id). */
  readonly personId?: string;
  readonly caseId?: string;
  /** The data keys destroyed (`person:<id>`, `case:<id>`): what reads as erased from now on. */
  readonly keyIds: readonly string[];
  readonly requestId: string;
  readonly sourceAddress: string;
  readonly erasedAt: string;
}

export type AuditEvent =
  | EventToAppend<typeof AUDIT_ENVELOPE_REFUSED, AuditEnvelopeRefusedData>
  | EventToAppend<typeof AUDIT_COMMAND_RECEIVED, AuditCommandReceivedData>
  | EventToAppend<typeof AUDIT_PARTICULARS_VIEWED, AuditParticularsViewedData>
  | EventToAppend<typeof AUDIT_PARTICULARS_ERASED, AuditParticularsErasedData>;

/** An audit event and the stream it goes to. */
export interface AuditRecord<E extends AuditEvent = AuditEvent> {
  readonly stream: string;
  readonly event: E;
}

/** `audit-<kind>-<yyyy-mm-dd>` for the UTC day of `at` (ISO 8601). */
export function auditStream(kind: 'refused' | 'commands' | 'views' | 'erasures', at: string): string {
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

/**
 * The audit event of a refused record. Its bytes are kept whole up to REFUSED_RAW_KEPT_MAX_BYTES; a larger
 * record is kept by digest and size, and `rawKeptAt` (given by the caller) says where its bytes went.
 */
export function envelopeRefused(
  raw: Uint8Array,
  input: Omit<AuditEnvelopeRefusedData, 'rawBase64' | 'sha256' | 'size'>,
): AuditRecord<EventToAppend<typeof AUDIT_ENVELOPE_REFUSED, AuditEnvelopeRefusedData>> {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const { rawKeptAt, ...rest } = input;
  const whole = bytes.length <= REFUSED_RAW_KEPT_MAX_BYTES;
  const data = {
    ...rest,
    ...(whole ? { rawBase64: bytes.toString('base64') } : { rawKeptAt: rawKeptAt ?? 'not kept' }),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
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

export function particularsErased(
  data: AuditParticularsErasedData,
): AuditRecord<EventToAppend<typeof AUDIT_PARTICULARS_ERASED, AuditParticularsErasedData>> {
  const extra = { requestId: data.requestId, sourceAddress: data.sourceAddress };
  return {
    stream: auditStream('erasures', data.erasedAt),
    event: {
      type: AUDIT_PARTICULARS_ERASED,
      data,
      metadata: metadata(data.caseId ?? data.personId ?? data.requestId, data.erasedBy, data.erasedAt, extra),
    },
  };
}

/** Appends an audit record; audit streams take any revision, since they only ever grow. */
export function appendAuditRecord(store: EventStore, record: AuditRecord): Promise<AppendResult> {
  return store.appendToStream(record.stream, [record.event], { expectedRevision: 'any' });
}

/** Appends several audit records, one append per stream (a batch of refusals is one write, not hundreds). */
export async function appendAuditRecords(store: EventStore, records: readonly AuditRecord[]): Promise<void> {
  const byStream = new Map<string, AuditEvent[]>();
  for (const { stream, event } of records) byStream.set(stream, [...(byStream.get(stream) ?? []), event]);
  for (const [stream, events] of byStream)
    await store.appendToStream(stream, events, { expectedRevision: 'any' });
}
