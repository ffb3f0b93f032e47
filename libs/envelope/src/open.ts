/**
 * Opening an envelope: the receiver's checks in the order of docs/protocol.md, each refusal a typed
 * value with a reason code. Cheap checks come first, so most bad input never reaches the crypto.
 */
import { createHash } from 'node:crypto';
import type { PrivateKey } from 'openpgp';
import { EnvelopeHeader, fromWireHeader, sameHeader } from './header';
import { isEncryptedTo, openSealedContent, readSealedMessage } from './open-content';
import { RefusalReason } from './refusal';
import { describeProblems } from './seal';
import { TrustStore } from './trust-store';
import { validateMessage } from './validate';
import { decodePayload, fromTimestamp, isPayloadType, PayloadMessage, PayloadType, v1 } from './wire';

export interface OpenOptions {
  /** This node's agency id: the only recipient it accepts. */
  readonly ownAgencyId: string;
  /** This agency's decrypted private key(s); pass the previous one too during a rotation overlap. */
  readonly ownPrivateKey: PrivateKey | readonly PrivateKey[];
  readonly trustStore: TrustStore;
  /** The receiver's clock. Default: `new Date()`. */
  readonly now?: Date;
  /** How far in the future sent_at may be (sender's clock ahead). Default 5 minutes. */
  readonly clockSkewToleranceMs?: number;
  /**
   * How old sent_at may be. Default 30 days: an envelope may wait in Kafka while a node is down, so
   * this is a replay bound, not a freshness rule (duplicates are the exchange's job).
   */
  readonly maxAgeMs?: number;
}

export const DEFAULT_CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;
export const DEFAULT_MAX_AGE_MS = 30 * 24 * 3_600_000;

/** An envelope that passed every check. */
export interface OpenedEnvelope<T extends PayloadType = PayloadType> {
  readonly ok: true;
  readonly header: EnvelopeHeader;
  readonly payloadType: T;
  readonly payload: PayloadMessage<T>;
  /** Fingerprint (lower-case hex) of the sender's primary key that signed. */
  readonly signerFingerprint: string;
  /** SHA-256 (hex) of the bytes received: what the receipt names. */
  readonly envelopeSha256: string;
}

/** A refused envelope. `detail` is for people and logs; it never contains payload content. */
export interface EnvelopeRefusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  readonly detail: string;
  /** The readable header, when it could be parsed. */
  readonly header?: EnvelopeHeader;
  /** The sender agency id the header claims, when it could be parsed. */
  readonly sender?: string;
  /**
   * True when the sender's signature was verified before the refusal (HEADER_MISMATCH, CLOCK_SKEW,
   * UNSUPPORTED_TYPE, INVALID_PAYLOAD): only then is `sender` proven, and a rejection receipt worth sending.
   */
  readonly senderAuthenticated: boolean;
  readonly envelopeSha256: string;
}

export type OpenResult = OpenedEnvelope | EnvelopeRefusal;

/**
 * Opens the bytes of an InboxRecord carrying an Envelope (a Kafka record value of our inbox topic).
 * Never throws for bad input: every failure is an EnvelopeRefusal.
 */
export async function openEnvelope(bytes: Uint8Array, options: OpenOptions): Promise<OpenResult> {
  const envelopeSha256 = createHash('sha256').update(bytes).digest('hex');
  let senderAuthenticated = false;
  const refuse = (reason: RefusalReason, detail: string, wire?: v1.Header): EnvelopeRefusal => ({
    ok: false,
    reason,
    detail,
    senderAuthenticated,
    envelopeSha256,
    ...(wire ? { header: fromWireHeader(wire), sender: wire.senderAgencyId } : {}),
  });

  // 1. parse
  const envelope = parseEnvelope(bytes);
  if (typeof envelope === 'string') return refuse('MALFORMED', envelope);
  const outer = envelope.header as v1.Header;
  const headerProblems = validateMessage('xborder.v1.Header', outer);
  if (headerProblems.length > 0) return refuse('MALFORMED', `header: ${describeProblems(headerProblems)}`);
  const message = await readSealedMessage(envelope.sealed);
  if (!message) return refuse('MALFORMED', 'sealed: not an OpenPGP message', outer);

  // 2. recipient is us
  const ownKeys = Array.isArray(options.ownPrivateKey)
    ? options.ownPrivateKey
    : [options.ownPrivateKey as PrivateKey];
  if (outer.recipientAgencyId !== options.ownAgencyId) {
    return refuse('NOT_FOR_US', `addressed to ${outer.recipientAgencyId}`, outer);
  }
  if (!isEncryptedTo(message, ownKeys)) return refuse('NOT_FOR_US', 'not encrypted to our key', outer);

  // 3. sender known, with a key valid at sent_at and not revoked
  const sentAt = fromTimestamp(outer.sentAt);
  const sender = options.trustStore.senderKeys(outer.senderAgencyId, sentAt);
  if (!sender.ok) return refuse(sender.reason, sender.detail, outer);

  // 4. decrypt, 5. verify the signature against that sender's keys
  const now = options.now ?? new Date();
  const tolerance = options.clockSkewToleranceMs ?? DEFAULT_CLOCK_SKEW_TOLERANCE_MS;
  const opened = await openSealedContent(message, {
    decryptionKeys: ownKeys,
    verificationKeys: sender.keys.map((k) => k.key),
    // A signature made by a sender whose clock is ahead (within tolerance) is not "in the future".
    date: new Date(now.getTime() + tolerance),
  });
  if (!opened.ok) return refuse(opened.reason, opened.detail, outer);
  senderAuthenticated = true;

  // 6. the signed header equals the outer header
  const content = decodeSafely(() => v1.SealedContent.decode(opened.content));
  if (!content?.header)
    return refuse('MALFORMED', 'sealed content: not a SealedContent with a header', outer);
  if (!sameHeader(content.header as v1.Header, outer)) {
    return refuse('HEADER_MISMATCH', 'the signed header differs from the readable header', outer);
  }

  // 7. sent_at within the clock tolerance (checked on the signed time)
  const skew = sentAt.getTime() - now.getTime();
  if (skew > tolerance || -skew > (options.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) {
    return refuse('CLOCK_SKEW', `sent_at is ${Math.round(skew / 1000)} s from our clock`, outer);
  }

  // 8. decode the payload by type, 9. validate it
  const type = outer.payloadType;
  if (!isPayloadType(type))
    return refuse('UNSUPPORTED_TYPE', `payload type ${type} is not known here`, outer);
  const payload = decodeSafely(() => decodePayload(type, content.payload));
  if (!payload) return refuse('INVALID_PAYLOAD', `payload does not decode as ${type}`, outer);
  const problems = validateMessage(type, payload);
  if (problems.length > 0) return refuse('INVALID_PAYLOAD', describeProblems(problems), outer);

  return {
    ok: true,
    header: fromWireHeader(outer),
    payloadType: type,
    payload,
    signerFingerprint: opened.signerFingerprint,
    envelopeSha256,
  };
}

/** Decodes an InboxRecord that must carry an envelope; a string says why it does not. */
function parseEnvelope(bytes: Uint8Array): v1.Envelope | string {
  const record = decodeSafely(() => v1.InboxRecord.decode(bytes));
  if (!record) return 'not an InboxRecord';
  if (record.kind !== 'envelope' || !record.envelope)
    return `an InboxRecord of kind ${record.kind ?? 'none'}, not an envelope`;
  const envelope = record.envelope as v1.Envelope;
  if (!envelope.header) return 'envelope without header';
  if (!envelope.sealed?.length) return 'envelope without sealed content';
  return envelope;
}

function decodeSafely<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}
