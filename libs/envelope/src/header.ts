/**
 * The envelope header as TypeScript code handles it (times as Dates), and its wire form (v1.Header).
 */
import { fromTimestamp, PayloadType, SCHEMA_VERSION, toTimestamp, v1 } from './wire';

/** The header a sender fills in (docs/design.md section 4; proto/xborder/v1/envelope.proto Header). */
export interface HeaderInput {
  /** UUIDv7, chosen once by the sender; unchanged across retries. */
  readonly messageId: string;
  /** The case this message belongs to (UUID). */
  readonly correlationId: string;
  /** The message this one answers (UUID), if any. */
  readonly causationId?: string;
  readonly senderAgencyId: string;
  readonly recipientAgencyId: string;
  readonly channel: v1.Channel;
  readonly sentAt: Date;
  /** Default: SCHEMA_VERSION of this build. */
  readonly schemaVersion?: number;
  readonly handling: v1.Handling.$Properties;
  readonly evaluation?: v1.Evaluation.$Properties;
}

/** A header as read from an envelope. */
export interface EnvelopeHeader extends HeaderInput {
  /** Full protobuf name of the payload; a known PayloadType once the envelope is opened. */
  readonly payloadType: string;
  readonly schemaVersion: number;
}

export function toWireHeader(header: HeaderInput, payloadType: PayloadType | string): v1.Header {
  return v1.Header.create({
    messageId: header.messageId,
    correlationId: header.correlationId,
    causationId: header.causationId ?? '',
    senderAgencyId: header.senderAgencyId,
    recipientAgencyId: header.recipientAgencyId,
    channel: header.channel,
    sentAt: toTimestamp(header.sentAt),
    payloadType,
    schemaVersion: header.schemaVersion ?? SCHEMA_VERSION,
    handling: v1.Handling.create(header.handling),
    ...(header.evaluation ? { evaluation: v1.Evaluation.create(header.evaluation) } : {}),
  });
}

export function fromWireHeader(wire: v1.Header): EnvelopeHeader {
  return {
    messageId: wire.messageId,
    correlationId: wire.correlationId,
    ...(wire.causationId ? { causationId: wire.causationId } : {}),
    senderAgencyId: wire.senderAgencyId,
    recipientAgencyId: wire.recipientAgencyId,
    channel: wire.channel,
    sentAt: fromTimestamp(wire.sentAt),
    payloadType: wire.payloadType,
    schemaVersion: wire.schemaVersion,
    handling: {
      dissemination: wire.handling?.dissemination ?? 0,
      evidentialUse: wire.handling?.evidentialUse ?? 0,
      conditions: wire.handling?.conditions ?? '',
    },
    ...(wire.evaluation
      ? { evaluation: { source: wire.evaluation.source, information: wire.evaluation.information } }
      : {}),
  };
}

/** Whether two wire headers carry the same fields (compared by their encoding in this schema). */
export function sameHeader(a: v1.Header, b: v1.Header): boolean {
  return Buffer.from(v1.Header.encode(a).finish()).equals(v1.Header.encode(b).finish());
}
