import type { PublicKey } from 'openpgp';
import { v7 as uuidv7 } from 'uuid';
import {
  EnvelopeHeader,
  openEnvelope,
  openReceipt,
  OwnKeys,
  PayloadType,
  readInboxRecord,
  REFUSAL_REASONS,
  RefusalReason,
  sealEnvelope,
  signReceipt,
  TrustStore,
  v1,
} from '@xb/envelope';
import {
  InboundHeader,
  InboundReceipt,
  InboxCodec,
  OpenedRecord,
  OutboundHeaderExtras,
  OutboundMessage,
} from './ports';

export interface EnvelopeCodecOptions {
  readonly agencyId: string;
  readonly ownKeys: OwnKeys;
  readonly ownPublicKey: PublicKey;
  readonly trustStore: TrustStore;
  /** Header defaults for messages whose event chose none. */
  readonly defaults: Required<Pick<OutboundHeaderExtras, 'channel' | 'handling'>>;
}

/** The exchange's view of libs/envelope: seal outbound messages, open inbox records, sign receipts. */
export class EnvelopeCodec implements InboxCodec {
  constructor(private readonly options: EnvelopeCodecOptions) {}

  async seal(message: OutboundMessage, sentAt: string): Promise<Uint8Array> {
    const at = new Date(sentAt);
    const recipientKey = this.options.trustStore.encryptionKeyFor(message.counterpart, at);
    if (!recipientKey)
      throw new Error(`no valid encryption key for ${message.counterpart} in the trust store`);
    const extras = message.headerExtras ?? {};
    return sealEnvelope({
      header: {
        messageId: message.messageId,
        correlationId: message.correlationId,
        ...(message.causationId ? { causationId: message.causationId } : {}),
        senderAgencyId: this.options.agencyId,
        recipientAgencyId: message.counterpart,
        channel: (extras.channel ?? this.options.defaults.channel) as v1.Channel,
        sentAt: at,
        handling: { ...this.options.defaults.handling, ...extras.handling } as v1.Handling.$Properties,
        ...(extras.evaluation ? { evaluation: extras.evaluation as v1.Evaluation.$Properties } : {}),
      },
      payloadType: message.payloadType as PayloadType,
      // The port carries the payload type as a run-time string (the event recorded it), so TypeScript cannot
      // tie this record to PayloadInput<that type>; sealEnvelope validates the decoded payload against it.
      payload: message.payload as never,
      senderKey: this.options.ownKeys.current,
      recipientKeys: [recipientKey, this.options.ownPublicKey],
    });
  }

  async open(bytes: Uint8Array, now: Date): Promise<OpenedRecord> {
    const kind = readInboxRecord(bytes).kind;
    if (kind === 'receipt') return this.openReceiptRecord(bytes);
    const opened = await openEnvelope(bytes, {
      ownAgencyId: this.options.agencyId,
      ownPrivateKey: this.options.ownKeys.all,
      trustStore: this.options.trustStore,
      now,
    });
    if (opened.ok) {
      return {
        kind: 'envelope',
        ok: true,
        header: inboundHeaderOf(opened.header),
        // A decoded message of a type known only at run time: the port keeps payloads as plain records.
        payload: opened.payload as never,
        envelopeSha256: opened.envelopeSha256,
      };
    }
    return {
      kind: kind === 'envelope' ? 'envelope' : 'unknown',
      ok: false,
      reason: opened.reason,
      detail: opened.detail,
      ...(opened.header ? { header: inboundHeaderOf(opened.header) } : {}),
      senderAuthenticated: opened.senderAuthenticated,
      envelopeSha256: opened.envelopeSha256,
    };
  }

  async signReceipt(receipt: InboundReceipt, to: string): Promise<Uint8Array> {
    const domainRefusal =
      receipt.status === 'rejected' && receipt.reason !== undefined && !isEnvelopeRefusal(receipt.reason);
    return signReceipt(
      {
        receiptId: uuidv7(),
        messageId: receipt.messageId,
        correlationId: receipt.correlationId,
        receiverAgencyId: this.options.agencyId,
        senderAgencyId: to,
        status: receipt.status === 'accepted' ? 'ACCEPTED' : 'REJECTED',
        ...(receipt.status === 'rejected'
          ? {
              reason:
                receipt.reason === undefined || isEnvelopeRefusal(receipt.reason)
                  ? receipt.reason
                  : 'DOMAIN_REFUSED',
            }
          : {}),
        ...(domainRefusal ? { domainCode: receipt.reason } : {}),
        envelopeSha256: receipt.envelopeSha256,
        receivedAt: new Date(receipt.receivedAt),
      },
      this.options.ownKeys.current,
    );
  }

  private async openReceiptRecord(bytes: Uint8Array): Promise<OpenedRecord> {
    const opened = await openReceipt(bytes, {
      ownAgencyId: this.options.agencyId,
      trustStore: this.options.trustStore,
    });
    if (!opened.ok) {
      return {
        kind: 'receipt',
        ok: false,
        reason: opened.reason,
        detail: opened.detail,
        senderAuthenticated: false,
        envelopeSha256: '',
      };
    }
    const r = opened.receipt;
    const reason = r.reason === 'DOMAIN_REFUSED' ? r.domainCode : r.reason;
    return {
      kind: 'receipt',
      ok: true,
      signer: opened.signerFingerprint,
      receipt: {
        messageId: r.messageId,
        correlationId: r.correlationId ?? '',
        receiver: r.receiverAgencyId,
        status: r.status === 'ACCEPTED' ? 'accepted' : 'rejected',
        ...(reason ? { reason } : {}),
        envelopeSha256: r.envelopeSha256,
        receivedAt: r.receivedAt.toISOString(),
      },
    };
  }
}

// Envelope refusals travel as themselves; anything else is a domain refusal code (DOMAIN_REFUSED + code).
const isEnvelopeRefusal = (reason: string): reason is RefusalReason =>
  (REFUSAL_REASONS as readonly string[]).includes(reason);

function inboundHeaderOf(header: EnvelopeHeader): InboundHeader {
  return {
    messageId: header.messageId,
    correlationId: header.correlationId,
    ...(header.causationId ? { causationId: header.causationId } : {}),
    sender: header.senderAgencyId,
    recipient: header.recipientAgencyId,
    payloadType: header.payloadType,
    sentAt: header.sentAt.toISOString(),
    ...(header.handling ? { handling: header.handling } : {}),
    ...(header.evaluation ? { evaluation: header.evaluation } : {}),
  };
}
