/**
 * Telling inbox records apart before any crypto: an agency's inbox topic carries sealed envelopes and
 * signed receipts, distinguished by the InboxRecord oneof (envelope.proto).
 */
import { v1 } from './wire';

export type InboxRecordKind =
  | { readonly kind: 'envelope'; readonly envelope: v1.Envelope }
  | { readonly kind: 'receipt'; readonly receipt: v1.SignedReceipt }
  | { readonly kind: 'malformed'; readonly detail: string };

/** Reads the kind of a Kafka record value from an inbox topic. Never throws. */
export function readInboxRecord(bytes: Uint8Array): InboxRecordKind {
  let record: v1.InboxRecord;
  try {
    record = v1.InboxRecord.decode(bytes);
  } catch {
    return { kind: 'malformed', detail: 'not an InboxRecord' };
  }
  if (record.kind === 'envelope' && record.envelope)
    return { kind: 'envelope', envelope: record.envelope as v1.Envelope };
  if (record.kind === 'receipt' && record.receipt)
    return { kind: 'receipt', receipt: record.receipt as v1.SignedReceipt };
  return { kind: 'malformed', detail: 'an InboxRecord with neither envelope nor receipt' };
}
