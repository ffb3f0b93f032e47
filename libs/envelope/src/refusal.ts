/**
 * Why an envelope or receipt is refused: the reason codes of docs/protocol.md, in the receiver's
 * check order. Refusals are values, never exceptions, and their detail never holds payload content.
 */
import { v1 } from './wire';

export const REFUSAL_REASONS = [
  'MALFORMED',
  'NOT_FOR_US',
  'UNKNOWN_SENDER',
  'KEY_EXPIRED',
  'KEY_REVOKED',
  'DECRYPT_FAILED',
  'BAD_SIGNATURE',
  'HEADER_MISMATCH',
  'CLOCK_SKEW',
  'UNSUPPORTED_TYPE',
  'INVALID_PAYLOAD',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The wire code (receipt.proto RejectionReason) of a refusal reason. */
export function rejectionReasonOf(reason: RefusalReason): v1.RejectionReason {
  return v1.RejectionReason[`REJECTION_REASON_${reason}`];
}
