import { createHash, hash } from 'node:crypto';
import type { RecordedEvent } from '@xb/event-store';

/**
 * The canonical byte encodings of the audit chain (docs/audit.md). They are length-prefixed binary, never
 * JSON re-serialisation: data and metadata enter as the exact bytes the store holds, so any change to a
 * stored byte changes the chain, and no two different field lists encode to the same bytes.
 */

/** The fields of an event the chain covers; `recordedAt` is deliberately not among them (docs/audit.md). */
export type ChainedEvent = Pick<
  RecordedEvent,
  'position' | 'streamId' | 'revision' | 'id' | 'type' | 'dataBytes' | 'metadataBytes'
>;

/** Domain-separation tag of the chain: chain_0 = SHA-256(UTF-8 of this tag). */
export const CHAIN_DOMAIN = 'xborder/audit-chain/v1';
/** Domain-separation tag that opens the bytes a seal signs, so no other signature can pass for a seal's. */
export const SEAL_DOMAIN = 'xborder/audit-seal/v1';
export const HEAD_BYTES = 32;

/** Two u64 fields and five u32 lengths. */
const FIXED_BYTES = 2 * 8 + 5 * 4;
const MAX_U64 = (1n << 64n) - 1n;
const MAX_U32 = 0xffff_ffff;
const utf8 = new TextEncoder();

/** chain_0, the head before any event. */
export const GENESIS_HEAD: Uint8Array = sha256(utf8.encode(CHAIN_DOMAIN));

function checkU64(value: bigint): void {
  if (value < 0n || value > MAX_U64) throw new RangeError(`${value} does not fit an unsigned 64-bit field`);
}

function checkU32(length: number): void {
  if (length > MAX_U32) throw new RangeError(`field of ${length} bytes exceeds 2^32 - 1`);
}

function u64(value: bigint): Buffer {
  checkU64(value);
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(value);
  return out;
}

/** u32 big-endian length, then the bytes. */
function field(bytes: Uint8Array): Buffer[] {
  checkU32(bytes.length);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return [length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
}

const text = (value: string): Buffer[] => field(utf8.encode(value));

/**
 * canonical(event) = u64(position) ‖ str(streamId) ‖ u64(revision) ‖ str(id) ‖ str(type) ‖
 * bytes(dataBytes) ‖ bytes(metadataBytes), where str/bytes are a u32 big-endian length then the bytes
 * (strings in UTF-8) and u64 is 8 bytes big-endian. Written into one buffer: verify's hot path.
 */
export function canonicalEvent(event: ChainedEvent): Buffer {
  return encodeAfter(undefined, event);
}

/**
 * `prefix` ‖ canonical(event) in one buffer: the chain hashes the previous head and the event in one
 * update, one crossing into the hash per event (the verify walk's cost is per event, not per byte).
 */
function encodeAfter(prefix: Uint8Array | undefined, event: ChainedEvent): Buffer {
  checkU64(event.position);
  checkU64(event.revision);
  const { dataBytes, metadataBytes } = event;
  // Spelled out rather than mapped over arrays: this runs once per event of a walk.
  const stream = Buffer.byteLength(event.streamId, 'utf8');
  const id = Buffer.byteLength(event.id, 'utf8');
  const type = Buffer.byteLength(event.type, 'utf8');
  checkU32(dataBytes.length);
  checkU32(metadataBytes.length);
  const start = prefix?.length ?? 0;
  const out = Buffer.allocUnsafe(
    start + FIXED_BYTES + stream + id + type + dataBytes.length + metadataBytes.length,
  );
  if (prefix) out.set(prefix, 0);
  let at = out.writeBigUInt64BE(event.position, start);
  at = out.writeUInt32BE(stream, at);
  at += out.write(event.streamId, at, 'utf8');
  at = out.writeBigUInt64BE(event.revision, at);
  at = out.writeUInt32BE(id, at);
  at += out.write(event.id, at, 'utf8');
  at = out.writeUInt32BE(type, at);
  at += out.write(event.type, at, 'utf8');
  at = out.writeUInt32BE(dataBytes.length, at);
  out.set(dataBytes, at);
  at = out.writeUInt32BE(metadataBytes.length, at + dataBytes.length);
  out.set(metadataBytes, at);
  return out;
}

/** chain_n = SHA-256(chain_{n-1} ‖ canonical(event_n)). */
export function nextChainHead(previous: Uint8Array, event: ChainedEvent): Uint8Array {
  return createHash('sha256').update(encodeAfter(previous, event)).digest();
}

/**
 * chain_n, hashed in place: `record` is HEAD_BYTES of room, then canonical(event_n) (the packed encoding
 * of readAllPacked is the same bytes). The previous head is written into the room and the whole record
 * hashed in one call: no buffer made per event but the digest.
 */
export function nextChainHeadInPlace(previous: Uint8Array, record: Buffer): Uint8Array {
  record.set(previous, 0);
  return hash('sha256', record, 'buffer');
}

/** The claim a seal makes: after `count` events, the last at `position`, the chain head was `chainHead`. */
export interface SealClaim {
  readonly agencyId: string;
  /** Position of the last event the seal covers. */
  readonly position: bigint;
  readonly chainHead: Uint8Array;
  /** Number of events covered: every event at or before `position`. */
  readonly count: number;
}

/** The bytes a seal's signature covers: str(SEAL_DOMAIN) ‖ str(agencyId) ‖ u64(position) ‖ bytes(head) ‖ u64(count). */
export function sealSigningBytes(claim: SealClaim): Uint8Array {
  if (claim.chainHead.length !== HEAD_BYTES) throw new RangeError('a chain head has 32 bytes');
  if (!Number.isSafeInteger(claim.count) || claim.count < 0)
    throw new RangeError('count must be a safe integer');
  return Buffer.concat([
    ...text(SEAL_DOMAIN),
    ...text(claim.agencyId),
    u64(claim.position),
    ...field(claim.chainHead),
    u64(BigInt(claim.count)),
  ]);
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Parses 64 lower- or upper-case hex digits; undefined for anything else. */
export function headFromHex(hex: unknown): Uint8Array | undefined {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hex)) return undefined;
  return Buffer.from(hex, 'hex');
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
