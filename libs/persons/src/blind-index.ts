// Keyed blind indexes (docs/persons.md, "Blind indexes"; docs/confidentiality.md): what is kept to find a person
// or a name again is HMAC-SHA-256 under the node's blind-index key over a domain and a value (normalised
// phonetic keys, year buckets, place codes, normalised names), never the values themselves. Equal inputs give
// equal indexes on this node; without the key nothing can be read back or tested against a guess. The one
// HMAC of the repository: the person register and the sealed particulars (libs/protection) both index through
// it, under the one key the node's key management derives (`KeyManagement.blindIndexKey()`).
import { createHmac } from 'node:crypto';

export interface BlindIndexer {
  /** The blind index of one value in one domain ('person.name.fine', 'name', ...): a short opaque string. */
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

/**
 * The form a whole name is indexed under: no diacritics (đ/Đ as d), lower case, letters and digits only,
 * single spaces. `Nguyễn Thị  Lan` and `nguyen thi lan` index alike.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The domain of whole-name indexes (a sealed person record's `nameIndex`, searched by a read model). */
export const NAME_DOMAIN = 'name';

/** The blind index of a whole name, or undefined for a name with nothing to index. */
export function nameIndex(indexer: BlindIndexer, name: string): string | undefined {
  const normal = normaliseName(name);
  return normal === '' ? undefined : indexer.blind(NAME_DOMAIN, normal);
}
