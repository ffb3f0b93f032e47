import { performance } from 'node:perf_hooks';
import { AuditRecord, envelopeRefused } from '@xb/audit';
import { DeadLetter, deadLetter } from './dead-letters';
import { OpenedRecord } from './ports';
import { OutgoingReceipt } from './receipt-courier';
import { deadLetterTopic, inboxTopic } from './topics';

/** What one inbox record is answered with; written after the answers of the records before it. */
export interface Answer {
  readonly audit?: AuditRecord;
  readonly deadLetter?: DeadLetter;
  readonly receipt?: OutgoingReceipt;
}

/** Answers of a batch not yet written: flushed at the batch's end, before a retry, or when large. */
export class PendingAnswers {
  offsets: string[] = [];
  answers: Answer[] = [];
  bytes = 0;
  /** When the oldest answer held was added (monotonic ms): it bounds how long a receipt waits. */
  private since = 0;

  add(offset: string, answer: Answer): void {
    if (this.offsets.length === 0) this.since = performance.now();
    this.offsets.push(offset);
    this.answers.push(answer);
    this.bytes += (answer.deadLetter?.value.length ?? 0) + (answer.receipt?.value.length ?? 0);
  }

  /** Past this many bytes of answers, flush early: a run of large refused records is not held in memory. */
  get full(): boolean {
    return this.bytes > 4 * 1024 * 1024;
  }

  /** Whether the oldest answer held has waited `ms` or more. */
  heldFor(ms: number): boolean {
    return this.offsets.length > 0 && performance.now() - this.since >= ms;
  }

  clear(): void {
    this.offsets = [];
    this.answers = [];
    this.bytes = 0;
  }
}

/** Strings read from an unauthenticated header are kept no longer than this in audit events and keys. */
const HEADER_TEXT_MAX = 200;
export const clip = (text: string | undefined, max = HEADER_TEXT_MAX) => text?.slice(0, max);

export type Refusal = Extract<OpenedRecord, { ok: false }>;

/**
 * A refused record's audit event (bytes whole, or digest and size when too large) and dead letter (the
 * bytes as received). Pure and bounded: nothing here can fail on the record's size or content.
 */
export function refusalAnswer(
  agencyId: string,
  record: { bytes: Buffer; partition: number; offset: string },
  refusal: Refusal,
  now: string,
): Answer {
  const source = `${inboxTopic(agencyId)}/${record.partition}@${record.offset}`;
  const dlq = deadLetterTopic(agencyId);
  const header = refusal.header;
  const detail = clip(refusal.detail, 500) ?? '';
  return {
    audit: envelopeRefused(record.bytes, {
      reason: refusal.reason,
      detail,
      ...(header?.messageId ? { messageId: clip(header.messageId) } : {}),
      ...(header?.sender ? { sender: clip(header.sender) } : {}),
      source: `kafka:${source}`,
      receivedAt: now,
      rawKeptAt: `kafka:${dlq}`,
    }),
    deadLetter: deadLetter(
      dlq,
      clip(header?.correlationId) ?? `${record.partition}:${record.offset}`,
      record.bytes,
      { reason: refusal.reason, detail, source, refusedAt: now },
    ),
  };
}
