/** Reading the packed encoding of `readAllPacked` (port.ts, PackedEvents). */

/** Offsets in a packed buffer are numbers; lengths are u32 big-endian, positions u64 big-endian. */
const U64 = 8;
const U32 = 4;

/**
 * Where the packed event whose position starts at `at` (just after its headroom) ends: the start of
 * the next event's headroom, or the buffer's length after the last.
 */
export function packedEnd(bytes: Buffer, at: number): number {
  let end = at + U64;
  end += U32 + bytes.readUInt32BE(end); // stream id
  end += U64; // revision
  end += U32 + bytes.readUInt32BE(end); // event id
  end += U32 + bytes.readUInt32BE(end); // type
  end += U32 + bytes.readUInt32BE(end); // data
  return end + U32 + bytes.readUInt32BE(end); // metadata
}

/** The position of the packed event whose position starts at `at`. */
export const packedPosition = (bytes: Buffer, at: number): bigint => bytes.readBigUInt64BE(at);

/**
 * True when the packed event at `at` has this stream id and type, compared as bytes (no string made):
 * a walk picks out the few events it must parse.
 */
export function packedIs(bytes: Buffer, at: number, streamId: Buffer, type: Buffer): boolean {
  let field = at + U64;
  const streamLength = bytes.readUInt32BE(field);
  if (streamLength !== streamId.length) return false;
  if (bytes.compare(streamId, 0, streamId.length, field + U32, field + U32 + streamLength) !== 0)
    return false;
  field += U32 + streamLength + U64;
  field += U32 + bytes.readUInt32BE(field);
  const typeLength = bytes.readUInt32BE(field);
  return (
    typeLength === type.length &&
    bytes.compare(type, 0, type.length, field + U32, field + U32 + typeLength) === 0
  );
}
