import { createHash } from 'node:crypto';
import type * as openpgp from 'openpgp';
import { AUDIT_ENVELOPE_REFUSED, REFUSED_RAW_KEPT_MAX_BYTES, type EventCheck } from '@xb/audit';
import type { RecordedEvent } from '@xb/event-store';
import { fromTimestamp, openSealedContent, readInboxRecord, v1 } from '@xb/envelope';

/** What the per-event check needs to open the envelopes this agency sent. */
export interface EnvelopeKeys {
  /** Our private key: every outbound envelope is encrypted to the sender's own key too (docs/design.md section 5). */
  readonly privateKey: openpgp.PrivateKey;
  /** Our public keys: the signature inside must be ours. */
  readonly publicKeys: readonly openpgp.PublicKey[];
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** The signature may be made a little after sent_at was stamped. */
const SIGNING_CLOCK_SLACK_MS = 5 * 60_000;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Strict base64 ("" is zero bytes): Buffer.from would silently skip garbage. */
const base64Bytes = (text: unknown): Buffer | undefined =>
  typeof text === 'string' && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)
    ? Buffer.from(text, 'base64')
    : undefined;

/**
 * The stored-envelope check run on every event by verify (the `checkEvent` hook):
 * - `OutboundMessageDispatched` (exchange-* streams): the envelope is present, its SHA-256 is the one
 *   recorded, it is an InboxRecord carrying an envelope for the recorded message id and counterpart and,
 *   with `keys`, it decrypts with our key, its signature is ours and the signed header equals the outer one;
 * - `AuditEnvelopeRefused` (audit-refused-*): the raw bytes are present (an empty record is zero bytes) and
 *   match their SHA-256 and size; or, for a record over REFUSED_RAW_KEPT_MAX_BYTES, the event keeps its
 *   SHA-256, its size (which must justify leaving the bytes out) and where the bytes went. They were
 *   refused (often for a bad signature), so their signature is not checked.
 * Returns a reason (no content, no particulars) or undefined.
 */
export function storedEnvelopeCheck(keys?: EnvelopeKeys): EventCheck {
  return (event: RecordedEvent) => {
    if (event.type === 'OutboundMessageDispatched' && event.streamId.startsWith('exchange-'))
      return checkDispatched(record(event.data), keys);
    if (event.type === AUDIT_ENVELOPE_REFUSED && event.streamId.startsWith('audit-refused-'))
      return checkRefused(record(event.data));
    return undefined;
  };
}

function checkRefused(data: Record<string, unknown>): string | undefined {
  if (data.rawBase64 === undefined) return checkRefusedByDigest(data);
  const raw = base64Bytes(data.rawBase64);
  if (!raw) return 'refused envelope: raw bytes are not base64';
  if (sha256(raw) !== data.sha256) return 'refused envelope: raw bytes differ from their recorded SHA-256';
  if (data.size !== undefined && data.size !== raw.length)
    return 'refused envelope: raw bytes differ from their recorded size';
  return undefined;
}

/** A refusal kept by digest: only a record too large to keep whole may leave its bytes out. */
function checkRefusedByDigest(data: Record<string, unknown>): string | undefined {
  const { size, sha256: digest, rawKeptAt } = data;
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= REFUSED_RAW_KEPT_MAX_BYTES)
    return 'refused envelope: raw bytes missing';
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest))
    return 'refused envelope kept by digest: SHA-256 missing or malformed';
  if (typeof rawKeptAt !== 'string' || rawKeptAt.length === 0)
    return 'refused envelope kept by digest: where its bytes are is not recorded';
  return undefined;
}

async function checkDispatched(
  data: Record<string, unknown>,
  keys: EnvelopeKeys | undefined,
): Promise<string | undefined> {
  const bytes = base64Bytes(data.envelope);
  if (!bytes || bytes.length === 0) return `outbound message ${data.messageId}: envelope missing`;
  if (sha256(bytes) !== data.envelopeSha256)
    return `outbound message ${data.messageId}: envelope differs from its recorded SHA-256`;
  const inbox = readInboxRecord(bytes);
  if (inbox.kind !== 'envelope') return `outbound message ${data.messageId}: not an envelope`;
  const header = inbox.envelope.header as v1.Header | null | undefined;
  if (!header || header.messageId !== data.messageId || header.recipientAgencyId !== data.counterpart)
    return `outbound message ${data.messageId}: envelope header names another message or recipient`;
  return keys ? openOwnEnvelope(inbox.envelope, header, keys, String(data.messageId)) : undefined;
}

async function openOwnEnvelope(
  envelope: v1.Envelope,
  outer: v1.Header,
  keys: EnvelopeKeys,
  messageId: string,
): Promise<string | undefined> {
  const opened = await openSealedContent(envelope.sealed, {
    decryptionKeys: keys.privateKey,
    verificationKeys: keys.publicKeys,
    // What matters is that our key signed it when it was sent (give or take the sealing clock), not that
    // the key is still valid today.
    date: new Date(fromTimestamp(outer.sentAt).getTime() + SIGNING_CLOCK_SLACK_MS),
  });
  if (!opened.ok) return `outbound message ${messageId}: ${opened.reason} (${opened.detail})`;
  let signed: v1.Header | null | undefined;
  try {
    signed = v1.SealedContent.decode(opened.content).header as v1.Header | null | undefined;
  } catch {
    return `outbound message ${messageId}: sealed content does not decode`;
  }
  const same =
    signed && Buffer.from(v1.Header.encode(signed).finish()).equals(v1.Header.encode(outer).finish());
  return same ? undefined : `outbound message ${messageId}: the signed header differs from the readable one`;
}
