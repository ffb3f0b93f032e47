import { createHash } from 'node:crypto';
import { collectEvents, EventStore, RecordedEvent } from '@xb/event-store';
import { AUDIT_SEALS_STREAM, isSealEvent, parseSeal } from '../seal';
import { isSealAnchorEvent } from './seal-anchor';

/** What a counterpart's signed receipt says, once its signature is checked (libs/envelope openReceipt). */
export type CheckedReceipt =
  | {
      readonly ok: true;
      readonly receiver: string;
      readonly status: 'accepted' | 'rejected';
      readonly envelopeSha256: string;
      readonly receivedAt: string;
    }
  | { readonly ok: false; readonly reason: string };

export interface AnchorFailure {
  readonly sealId: string;
  readonly counterpart: string;
  readonly code:
    'ANCHOR_HEAD_MISMATCH' | 'ANCHOR_RECEIPT_INVALID' | 'ANCHOR_ENVELOPE_MISMATCH' | 'ANCHOR_REJECTED';
  readonly message: string;
}

export interface AnchorReport {
  readonly ok: boolean;
  /**
   * Seal heads a counterpart acknowledged with a valid signed receipt over exactly what we sent, the head
   * read from inside the envelope (with our private key).
   */
  readonly anchored: number;
  /**
   * Valid receipts over envelopes whose head could not be read (no private key at hand): they prove the
   * counterpart received those bytes, not which head the bytes carry, so they confirm nothing.
   */
  readonly unread: number;
  /** Keys that signed envelopes the counterparts accepted (anchored ones): our keys, in their eyes. */
  readonly confirmedSigners: readonly string[];
  /** Queued or sent, no receipt yet: they prove nothing yet. */
  readonly pending: number;
  readonly failures: readonly AnchorFailure[];
}

/**
 * Checks the cross-anchors: for each seal head sent to a counterpart, that it still equals the seal in
 * our store, and that the counterpart's signed receipt names the SHA-256 of exactly the envelope we
 * recorded sending. A rewritten history (seal and anchor included) cannot keep the counterpart's
 * signature over the original envelope.
 */
export interface AnchorChecks {
  /** Checks a counterpart's signed receipt (its signature against the trust store). */
  readonly checkReceipt: (signed: Uint8Array) => Promise<CheckedReceipt>;
  /**
   * Opens an envelope we sent (it is encrypted to our own key too) and returns the seal head inside and
   * the key that signed it. Without it no anchor counts as acknowledged: the head recorded beside the
   * envelope is part of the audited data, and is never trusted.
   */
  readonly readSentHead?: (
    envelope: Uint8Array,
  ) => Promise<
    { readonly chainHead: string; readonly position: string; readonly signerFingerprint: string } | undefined
  >;
}

export async function verifyAnchors(
  store: EventStore,
  { checkReceipt, readSentHead }: AnchorChecks,
): Promise<AnchorReport> {
  const events = await collectEvents(store, [AUDIT_SEALS_STREAM, 'anchor-', 'exchange-']);
  const seals = new Map(events.filter(isSealEvent).map((e) => [e.id, parseSeal(e)]));
  const exchange = new Map<string, RecordedEvent[]>();
  for (const e of events)
    if (e.streamId.startsWith('exchange-'))
      exchange.set(e.streamId, [...(exchange.get(e.streamId) ?? []), e]);
  const failures: AnchorFailure[] = [];
  let anchored = 0;
  let unread = 0;
  let pending = 0;
  const confirmedSigners = new Set<string>();
  for (const { data: anchor } of events
    .filter(isSealAnchorEvent)
    .filter((e) => e.streamId.startsWith('anchor-'))) {
    const fail = (code: AnchorFailure['code'], message: string) =>
      failures.push({ sealId: anchor.sealId, counterpart: anchor.outbound.counterpart, code, message });
    const seal = seals.get(anchor.sealId);
    if (
      !seal ||
      typeof seal === 'string' ||
      Buffer.from(seal.chainHead).toString('hex') !== anchor.chainHead ||
      seal.position.toString() !== anchor.position
    ) {
      fail(
        'ANCHOR_HEAD_MISMATCH',
        `the head sent to ${anchor.outbound.counterpart} is not the seal ${anchor.sealId} in ${AUDIT_SEALS_STREAM}`,
      );
      continue;
    }
    const delivery = exchange.get(`exchange-${anchor.outbound.messageId}`) ?? [];
    const dispatched = delivery.find((e) => e.type === 'OutboundMessageDispatched')?.data as
      { envelope: string } | undefined;
    const receipted = delivery.find((e) => e.type === 'OutboundMessageReceipted')?.data as
      { signedReceipt?: string } | undefined;
    if (!dispatched || !receipted?.signedReceipt) {
      pending++;
      continue;
    }
    const envelope = Buffer.from(dispatched.envelope, 'base64');
    const checked = await checkReceipt(Buffer.from(receipted.signedReceipt, 'base64'));
    const sentSha = createHash('sha256').update(envelope).digest('hex');
    const sent = readSentHead ? await readSentHead(envelope) : undefined;
    const { counterpart } = anchor.outbound;
    if (readSentHead && (!sent || sent.chainHead !== anchor.chainHead || sent.position !== anchor.position))
      fail(
        'ANCHOR_HEAD_MISMATCH',
        `the envelope sent to ${counterpart} carries another head than the seal ${anchor.sealId}`,
      );
    else if (!checked.ok)
      fail('ANCHOR_RECEIPT_INVALID', `the receipt from ${counterpart} does not verify: ${checked.reason}`);
    else if (checked.receiver !== counterpart)
      fail('ANCHOR_RECEIPT_INVALID', `the receipt is signed by ${checked.receiver}, not ${counterpart}`);
    else if (checked.envelopeSha256 !== sentSha)
      fail(
        'ANCHOR_ENVELOPE_MISMATCH',
        `${counterpart} acknowledged another envelope than the one recorded as sent`,
      );
    else if (checked.status !== 'accepted') fail('ANCHOR_REJECTED', `${counterpart} rejected the seal head`);
    else if (!sent) unread++;
    else {
      anchored++;
      confirmedSigners.add(sent.signerFingerprint.toLowerCase());
    }
  }
  return {
    ok: failures.length === 0,
    anchored,
    unread,
    pending,
    confirmedSigners: [...confirmedSigners],
    failures,
  };
}
