/**
 * Test support (no spec of its own): two simulated agencies that talk through the real deciders and
 * this mapping, with the wire reduced to `encodePayload` → bytes → `decodePayload` (no crypto, no
 * Kafka). Every receipt goes back as a delivery command.
 */
import {
  CommandMetadata,
  DECIDERS,
  Decider,
  DomainEvent,
  isDomainError,
  PersonParticulars,
  ProcessCategory,
} from '@xb/domain';
import { decodePayload, encodePayload, PayloadType, validateMessage } from '@xb/envelope';
import { RecordedEvent } from '@xb/event-store';
import { InboundHeader, OutboundMessage } from '../ports';
import { deliveryCommandOf } from '../wire-mapping/delivery';
import { inboundCommandOf } from '../wire-mapping/inbound';
import { outboundMessageOf } from '../wire-mapping/outbound';

export const VN = 'VN.BGC.LAICHAU';
export const CN = 'CN.YN.BORDERPOLICE';
export const NOW = '2026-11-23T04:00:00Z';

/** Made-up particulars (no real person). */
export const WOMAN: PersonParticulars = {
  name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' },
  dateOfBirth: { year: 2004, month: 3 },
  sex: 'female',
  claimedNationality: 'VN',
  ethnicGroup: 'Thai',
  homeAddress: 'Ban Test, Xa Test, Phong Tho, Lai Chau',
  identityDocuments: [
    { type: 'national_id', number: '000000000001', issuingCountry: 'VN', expiresOn: '2030-01-31' },
  ],
  photoDigest: `sha256:${'ab'.repeat(32)}`,
};
export const CHILD: PersonParticulars = {
  name: { original: 'Lò Văn Test', romanised: 'Lo Van Test' },
  dateOfBirth: { year: 2024 },
  sex: 'male',
  identityDocuments: [],
};

type AnyDecider = Decider<never, DomainEvent, { status: string }>;
const decider = (category: ProcessCategory) => DECIDERS[category] as unknown as AnyDecider;

let sequence = 0;
/** A fresh UUIDv7-shaped id (the header requires v7 message ids). */
export const newId = (): string => `01900000-0000-7000-8000-${(++sequence).toString(16).padStart(12, '0')}`;

/** One agency's node: streams in memory, the real deciders. */
export class Agency {
  private readonly streams = new Map<string, RecordedEvent[]>();
  constructor(readonly id: string) {}

  recorded(category: ProcessCategory, caseId: string): RecordedEvent[] {
    return this.streams.get(`${category}-${caseId}`) ?? [];
  }

  state<S = { status: string }>(category: ProcessCategory, caseId: string): S {
    const { evolve, initialState } = decider(category);
    return this.recorded(category, caseId).reduce(evolve, initialState()) as unknown as S;
  }

  /** Decides and appends; throws with the refusal so a broken flow fails with its reason. */
  decide(
    category: ProcessCategory,
    caseId: string,
    command: { type: string; data: unknown; metadata: CommandMetadata },
    now = NOW,
  ): RecordedEvent[] {
    const result = decider(category).decide(command as never, this.state(category, caseId) as never);
    if (isDomainError(result))
      throw new Error(`${this.id} refused ${command.type}: ${result.code} ${result.reason}`);
    const stream = this.recorded(category, caseId);
    const appended = result.map((event, index) =>
      recordedOf(`${category}-${caseId}`, stream.length + index, event, now),
    );
    this.streams.set(`${category}-${caseId}`, [...stream, ...appended]);
    return appended;
  }

  /** An officer's command, with a fresh id for any message it queues. */
  act(category: ProcessCategory, caseId: string, type: string, data: unknown, now = NOW): RecordedEvent[] {
    const metadata = { now, actor: 'officer:7', agencyId: this.id, newIds: [newId()] };
    return this.decide(category, caseId, { type, data, metadata }, now);
  }
}

const recordedOf = (streamId: string, revision: number, event: DomainEvent, at: string): RecordedEvent => ({
  streamId,
  revision: BigInt(revision),
  position: BigInt(++sequence),
  id: newId(),
  type: event.type,
  data: event.data,
  metadata: {} as RecordedEvent['metadata'],
  dataBytes: new Uint8Array(),
  metadataBytes: new Uint8Array(),
  recordedAt: at,
});

/** The wire without crypto: the payload as bytes and back, with the header the envelope would carry. */
export const overTheWire = (
  message: OutboundMessage,
  sender: string,
  sentAt = NOW,
): { header: InboundHeader; payload: Record<string, unknown> } => {
  const type = message.payloadType as PayloadType;
  const problems = validateMessage(type, message.payload);
  if (problems.length > 0) throw new Error(`${type} breaks the contract: ${JSON.stringify(problems)}`);
  const bytes = encodePayload(type, message.payload as never);
  const decoded = decodePayload(type, bytes);
  // sealEnvelope checks the payload as decoded from its bytes, so this does too.
  const afterDecoding = validateMessage(type, decoded);
  if (afterDecoding.length > 0)
    throw new Error(`${type} breaks the contract: ${JSON.stringify(afterDecoding)}`);
  const header: InboundHeader = {
    messageId: message.messageId,
    correlationId: message.correlationId,
    ...(message.causationId ? { causationId: message.causationId } : {}),
    sender,
    recipient: message.counterpart,
    payloadType: message.payloadType,
    sentAt,
  };
  return { header, payload: decoded as unknown as Record<string, unknown> };
};

/**
 * Sends every message `events` queued from `from` to `to`: outbound mapping, the wire, inbound
 * mapping, `to`'s decider; then the receipt back to `from`. Returns what `to` recorded.
 */
export const deliver = (from: Agency, to: Agency, events: RecordedEvent[], now = NOW): RecordedEvent[] => {
  const applied: RecordedEvent[] = [];
  for (const event of events) {
    const message = outboundMessageOf(event);
    if (!message) continue;
    if (message.counterpart !== to.id) throw new Error(`${message.messageId} is not for ${to.id}`);
    const { header, payload } = overTheWire(message, from.id, now);
    const mapped = inboundCommandOf(header, payload, { agencyId: to.id, now });
    if (!mapped.ok)
      throw new Error(`${to.id} cannot map ${header.payloadType}: ${mapped.reason} ${mapped.detail}`);
    if (mapped.caseId !== message.correlationId) throw new Error('the case id is not the correlation id');
    applied.push(...to.decide(mapped.category, mapped.caseId, mapped.command, now));
    const receipt = deliveryCommandOf(
      message.category,
      message.correlationId,
      {
        messageId: message.messageId,
        correlationId: message.correlationId,
        receiver: to.id,
        status: 'accepted',
        envelopeSha256: '00'.repeat(32),
        receivedAt: now,
      },
      { agencyId: from.id, now },
    );
    from.decide(receipt!.category, receipt!.caseId, receipt!.command, now);
  }
  return applied;
};

/** The events' types, for short expectations. */
export const typesOf = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.type);
/** The events' data without the message markers, for comparing both sides. */
export const contentOf = (event: RecordedEvent): Record<string, unknown> => {
  const { outbound: _o, inbound: _i, ...content } = event.data as Record<string, unknown>;
  return content;
};

/**
 * At the gate, before the hand-over is recorded: `handing` draws the minutes up (persons by default)
 * and signs them, `receiving` agrees them as received and countersigns; each signature crosses the wire.
 * Returns the minutes both sides now keep.
 */
export const coSignMinutes = (
  handing: Agency,
  receiving: Agency,
  category: 'repatriation' | 'handover',
  caseId: string,
  handedOverAt: string,
  now = NOW,
): unknown => {
  const process = category === 'repatriation' ? 'Repatriation' : 'SuspectHandover';
  const officers = [
    { agency: handing.id, name: 'Li Wei', position: 'Inspector' },
    { agency: receiving.id, name: 'Nguyen Van An', position: 'Captain' },
  ];
  const draft = { handedOverAt, documents: ['identity card'], belongings: ['bag'], officers };
  const [proposed] = handing.act(category, caseId, `Propose${process}Minutes`, draft, now);
  const { minutes } = proposed.data as { minutes: { minutesId: string } };
  const sign = { minutesId: minutes.minutesId, signature: 'c2ln' };
  deliver(handing, receiving, handing.act(category, caseId, `Sign${process}Minutes`, sign, now), now);
  receiving.act(category, caseId, `Countersign${process}Minutes`, { minutes }, now);
  deliver(receiving, handing, receiving.act(category, caseId, `Sign${process}Minutes`, sign, now), now);
  return minutes;
};
