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

export function hmacBlindIndexer(secret: Uint8Array): BlindIndexer {
  if (secret.length < 32) throw new Error('blind index secret: 32 bytes or more required (field: secret)');
  const key = Buffer.from(secret);
  return {
    blind(domain: string, value: string): string {
      return createHmac('sha256', key).update(domain).update('\u0000').update(value).digest().subarray(0, KEPT_BYTES).toString('base64url');
    },
  };
}
