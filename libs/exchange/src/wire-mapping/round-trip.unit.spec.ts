/**
 * Every field a counterpart sends survives wire → domain → wire (issue: "what the contract says is
 * what the node does"). For random valid payloads of every payload type of proto/xborder/v1: encode,
 * decode, map to the receiving command, decide it on a case where it applies, then map the recorded
 * event back to the wire: the payload and the header's handling code and evaluation come out equal,
 * field for field, and the case's state keeps them.
 */
import { appliedMessageOf, INBOUND_COMMANDS } from '@xb/domain';
import { decodePayload, encodePayload, PAYLOAD_MESSAGES, PAYLOAD_TYPES, PayloadType, v1 } from '@xb/envelope';
import fc from 'fast-check';
import Long from 'long';
import { headerCodesFromWire, headerExtrasOf } from './header';
import { inboundCommandOf } from './inbound';
import { wirePayloadOf } from './outbound';
import {
  ANOTHER_ROUND,
  CASE,
  CasePayloadType,
  ROUND_TRIP_CASES,
  RoundTripCase,
} from '../testing/round-trip.cases';
import { sealHeadFromWire, sealHeadToWire } from './seal-anchor';
import * as a from '../testing/wire-arbitraries';
import { Agency, CN, newId, NOW, VN } from '../testing/wire-conversation';

interface Converter {
  fromObject(object: object): object;
  toObject(message: object, options: object): object;
}
/** A payload in the one form both sides can be compared in: through its bytes, proto3 defaults left out. */
const canonical = (type: PayloadType, payload: object) => {
  const message = decodePayload(type, encodePayload(type, payload as never));
  return (PAYLOAD_MESSAGES[type] as unknown as Converter).toObject(message, {
    longs: String,
    enums: Number,
    bytes: String,
    defaults: false,
  });
};
const canonicalCodes = (codes: { handling?: object; evaluation?: object }) => ({
  handling: v1.Handling.toObject(v1.Handling.fromObject(codes.handling ?? {})),
  evaluation: codes.evaluation && v1.Evaluation.toObject(v1.Evaluation.fromObject(codes.evaluation)),
});

const roundTrip = <P extends CasePayloadType>(type: P, scenario: RoundTripCase<P>) =>
  fc.property(scenario.payload, a.headerCodes, (payload, codes) => {
    const [vn, cn] = [new Agency(VN), new Agency(CN)];
    scenario.setup?.(vn, cn);
    const [sender, receiver] = scenario.from === 'VN' ? [vn, cn] : [cn, vn];
    const bytes = encodePayload(type, payload);
    const header = {
      messageId: newId(),
      correlationId: CASE,
      ...(scenario.answersAnAnswer ? { causationId: newId() } : {}),
      sender: sender.id,
      recipient: receiver.id,
      payloadType: type,
      sentAt: NOW,
      ...codes,
    };
    const mapped = inboundCommandOf(header, decodePayload(type, bytes) as never, {
      agencyId: receiver.id,
      now: NOW,
    });
    if (!mapped.ok) throw new Error(`${type}: ${mapped.reason} ${mapped.detail}`);
    const [event, ...more] = receiver.decide(mapped.category, CASE, mapped.command);
    expect(more).toEqual([]);
    // The receiving event in the form its sender's event has (the opening events differ in name only).
    const { queuedBy } = INBOUND_COMMANDS[scenario.kind];
    const type_ = (queuedBy as readonly string[]).includes(event.type) ? event.type : queuedBy[0];
    const context = { caseId: CASE, counterpart: receiver.id, recordedAt: NOW, gateUtcOffsetMinutes: 420 };
    const wire = wirePayloadOf(scenario.kind, { type: type_, data: event.data }, context);
    if (!wire || 'missing' in wire) throw new Error(`${type}: not mapped back`);
    expect(wire.payloadType).toBe(type);
    expect(canonical(type, wire.payload)).toEqual(canonical(type, payload));
    // The header's codes: kept with the event and in the case's trail, and sent back as they came.
    const inbound = appliedMessageOf(event)!;
    expect(canonicalCodes(headerExtrasOf(inbound) ?? {})).toEqual(canonicalCodes(codes));
    const state = receiver.state<{ trail: { records?: Record<string, unknown> } }>(mapped.category, CASE);
    expect(state.trail.records?.[header.messageId]).toMatchObject(headerCodesFromWire(codes));
  });

describe('every field survives wire → domain → wire', () => {
  it('covers every payload type of the contract', () => {
    const covered = [...Object.keys(ROUND_TRIP_CASES), 'xborder.v1.AuditSealHead'];
    expect(covered.sort()).toEqual([...PAYLOAD_TYPES].sort());
  });

  it.each(Object.entries(ROUND_TRIP_CASES))('%s', (type, scenario) => {
    fc.assert(roundTrip(type as CasePayloadType, scenario as RoundTripCase<CasePayloadType>), {
      numRuns: 60,
    });
  });

  it('xborder.v1.VerificationRequest answering an answer (another round)', () => {
    fc.assert(roundTrip('xborder.v1.VerificationRequest', ANOTHER_ROUND), { numRuns: 60 });
  });

  it('xborder.v1.AuditSealHead (kept by the audit side)', () => {
    const head = fc.record(
      {
        agencyId: fc.constantFrom(VN, CN),
        sealId: a.uuid,
        position: fc.nat().map((n) => Long.fromNumber(n, true)),
        eventCount: fc.integer({ min: 1, max: 1_000_000 }).map((n) => Long.fromNumber(n, true)),
        chainHeadSha256: a.digest,
        previousHeadSha256: fc.oneof(fc.constant(new Uint8Array()), a.digest),
        sealedAt: a.timestamp,
        chainAlgorithm: a.text,
      },
      { requiredKeys: ['agencyId', 'sealId', 'eventCount', 'chainHeadSha256', 'sealedAt', 'chainAlgorithm'] },
    );
    fc.assert(
      fc.property(head, (payload) => {
        const type = 'xborder.v1.AuditSealHead';
        const decoded = decodePayload(type, encodePayload(type, payload));
        expect(canonical(type, sealHeadToWire(sealHeadFromWire(decoded)))).toEqual(canonical(type, payload));
      }),
      { numRuns: 100 },
    );
  });
});
