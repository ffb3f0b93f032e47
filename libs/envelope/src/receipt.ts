/**
 * Signed receipts (receipt.proto): the receiver's answer to an envelope, signed (detached, over the
 * exact Receipt bytes) but not encrypted: a receipt carries no secrets.
 */
import type { PrivateKey } from 'openpgp';
import { signBytes, verifyBytes } from './detached';
import { readInboxRecord } from './inbox-record';
import { RefusalReason, rejectionReasonOf } from './refusal';
import { describeProblems, InvalidEnvelopeInput } from './seal';
import { TrustStore } from './trust-store';
import { validateMessage } from './validate';
import { fromTimestamp, SCHEMA_VERSION, toTimestamp, v1 } from './wire';

/** A receipt as code handles it. */
export interface ReceiptFields {
  /** UUIDv7 of the receipt. */
  readonly receiptId: string;
  /** The message id answered ('' when the envelope was too malformed to read it). */
  readonly messageId: string;
  /** The case of the message answered, when readable (also the receipt's Kafka record key). */
  readonly correlationId?: string;
  /** The agency that received the envelope and signs the receipt. */
  readonly receiverAgencyId: string;
  /** The envelope's sender: the agency the receipt goes to. */
  readonly senderAgencyId: string;
  readonly status: 'ACCEPTED' | 'REJECTED';
  /** For REJECTED: a refusal reason, or DOMAIN_REFUSED with `domainCode`. */
  readonly reason?: RefusalReason | 'DOMAIN_REFUSED';
  readonly domainCode?: string;
  /** SHA-256 (hex) of the record bytes received (OpenedEnvelope/EnvelopeRefusal.envelopeSha256). */
  readonly envelopeSha256: string;
  readonly receivedAt: Date;
  readonly schemaVersion?: number;
}

/** Signs a receipt; returns the bytes of an InboxRecord carrying it (for the sender's inbox topic). */
export async function signReceipt(fields: ReceiptFields, receiverKey: PrivateKey): Promise<Uint8Array> {
  const receipt = v1.Receipt.create({
    receiptId: fields.receiptId,
    messageId: fields.messageId,
    correlationId: fields.correlationId ?? '',
    receiverAgencyId: fields.receiverAgencyId,
    senderAgencyId: fields.senderAgencyId,
    status: v1.ReceiptStatus[`RECEIPT_STATUS_${fields.status}`],
    reason: !fields.reason
      ? v1.RejectionReason.REJECTION_REASON_UNSPECIFIED
      : fields.reason === 'DOMAIN_REFUSED'
        ? v1.RejectionReason.REJECTION_REASON_DOMAIN_REFUSED
        : rejectionReasonOf(fields.reason),
    domainCode: fields.domainCode ?? '',
    envelopeSha256: Buffer.from(fields.envelopeSha256, 'hex'),
    receivedAt: toTimestamp(fields.receivedAt),
    schemaVersion: fields.schemaVersion ?? SCHEMA_VERSION,
  });
  const problems = validateMessage('xborder.v1.Receipt', receipt);
  if (problems.length > 0) throw new InvalidEnvelopeInput(problems);
  const bytes = v1.Receipt.encode(receipt).finish();
  const signature = await signBytes(bytes, receiverKey);
  return v1.InboxRecord.encode({ receipt: { receipt: bytes, signature } }).finish();
}

export interface OpenReceiptOptions {
  /** This node's agency id: the receipt must be addressed to it (Receipt.sender_agency_id). */
  readonly ownAgencyId: string;
  readonly trustStore: TrustStore;
}

export type OpenedReceipt =
  | { readonly ok: true; readonly receipt: ReceiptFields; readonly signerFingerprint: string }
  | {
      readonly ok: false;
      readonly reason:
        'MALFORMED' | 'NOT_FOR_US' | 'UNKNOWN_SENDER' | 'KEY_EXPIRED' | 'KEY_REVOKED' | 'BAD_SIGNATURE';
      readonly detail: string;
      /** The agency that claims to have signed it, when readable. */
      readonly receiver?: string;
    };

/** Opens the bytes of an InboxRecord carrying a SignedReceipt. Never throws for bad input. */
export async function openReceipt(bytes: Uint8Array, options: OpenReceiptOptions): Promise<OpenedReceipt> {
  const record = readInboxRecord(bytes);
  if (record.kind !== 'receipt')
    return {
      ok: false,
      reason: 'MALFORMED',
      detail: record.kind === 'malformed' ? record.detail : 'not a receipt',
    };
  const { receipt: receiptBytes, signature } = record.receipt;
  let receipt: v1.Receipt;
  try {
    receipt = v1.Receipt.decode(receiptBytes);
  } catch {
    return { ok: false, reason: 'MALFORMED', detail: 'receipt bytes do not decode' };
  }
  const problems = validateMessage('xborder.v1.Receipt', receipt);
  if (problems.length > 0) return { ok: false, reason: 'MALFORMED', detail: describeProblems(problems) };
  const receiver = receipt.receiverAgencyId;
  if (receipt.senderAgencyId !== options.ownAgencyId) {
    return { ok: false, reason: 'NOT_FOR_US', detail: `receipt for ${receipt.senderAgencyId}`, receiver };
  }
  const receivedAt = fromTimestamp(receipt.receivedAt);
  const keys = options.trustStore.senderKeys(receiver, receivedAt);
  if (!keys.ok) return { ok: false, reason: keys.reason, detail: keys.detail, receiver };
  const verified = await verifyBytes(
    receiptBytes,
    signature,
    keys.keys.map((k) => k.key),
  );
  if (!verified.ok) return { ok: false, reason: 'BAD_SIGNATURE', detail: verified.detail, receiver };
  return {
    ok: true,
    receipt: receiptFieldsOf(receipt, receivedAt),
    signerFingerprint: verified.signerFingerprint,
  };
}

function receiptFieldsOf(receipt: v1.Receipt, receivedAt: Date): ReceiptFields {
  const reason = v1.RejectionReason[receipt.reason]?.replace('REJECTION_REASON_', '');
  return {
    receiptId: receipt.receiptId,
    messageId: receipt.messageId,
    ...(receipt.correlationId ? { correlationId: receipt.correlationId } : {}),
    receiverAgencyId: receipt.receiverAgencyId,
    senderAgencyId: receipt.senderAgencyId,
    status: receipt.status === v1.ReceiptStatus.RECEIPT_STATUS_ACCEPTED ? 'ACCEPTED' : 'REJECTED',
    ...(reason && reason !== 'UNSPECIFIED' ? { reason: reason as ReceiptFields['reason'] } : {}),
    ...(receipt.domainCode ? { domainCode: receipt.domainCode } : {}),
    envelopeSha256: Buffer.from(receipt.envelopeSha256).toString('hex'),
    receivedAt,
    schemaVersion: receipt.schemaVersion,
  };
}
