// Keyed blind indexes (docs/persons.md, "Blind indexes"): what the register keeps to find a person again is
// HMAC-SHA-256 under the node's secret over normalised phonetic keys, year buckets and place codes, never the
// names themselves. Equal inputs give equal indexes on this node; without the secret nothing can be read back
// or tested against a guess. One narrow interface, so another module can provide it (the particulars' own
// encryption keeps its indexes the same way).
import { createHmac } from 'node:crypto';

export interface BlindIndexer {
  /** The blind index of one value in one domain ('name.fine', 'dob.year', ...): a short opaque string. */
  blind(domain: string, value: string): string;
}

/** 16 bytes of the HMAC are kept: collisions stay far below one in a register of millions. */
const KEPT_BYTES = 16;

/** Phonetic keys repeat across a register (a few thousand syllables make all names): their indexes are kept in
 * memory, up to this many, instead of recomputed. Memory only: nothing of it is written anywhere. */
const MEMO_LIMIT = 50_000;

export function hmacBlindIndexer(secret: Uint8Array): BlindIndexer {
  if (secret.length < 32) throw new Error('blind index secret: 32 bytes or more required (field: secret)');
  const key = Buffer.from(secret);
  const memo = new Map<string, string>();
  return {
    blind(domain: string, value: string): string {
      const input = `${domain}\u0000${value}`;
      let index = memo.get(input);
      if (index === undefined) {
        index = createHmac('sha256', key)
          .update(input)
          .digest()
          .subarray(0, KEPT_BYTES)
          .toString('base64url');
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(input, index);
      }
      return index;
    },
  };
}
