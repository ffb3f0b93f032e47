import { v1 } from '@xb/envelope';

/** What a fuzzed record is; `mutated` ones may, rarely, still be a valid envelope. */
export type FuzzKind = 'random' | 'large' | 'empty' | 'truncated' | 'mutated' | 'wrong-type';

export interface FuzzRecord {
  readonly kind: FuzzKind;
  readonly key: string;
  readonly value: Buffer;
}

/**
 * Largest record value the fuzzer sends: the broker's default batch limit (message.max.bytes, 1,048,588
 * bytes) less the batch and record overhead around one value.
 */
export const FUZZ_MAX_RECORD_BYTES = 1_048_000;

/** A seeded generator (xorshift128): the same seed gives the same stream on every machine. */
export class SeededRandom {
  private s = new Uint32Array(4);

  constructor(seed: number) {
    // splitmix32 spreads the seed over the four words of state.
    for (let i = 0; i < 4; i++) {
      seed = (seed + 0x9e3779b9) >>> 0;
      let z = seed;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0 || 1;
    }
  }

  /** The next 32 random bits. */
  next(): number {
    const s = this.s;
    const t = s[0] ^ (s[0] << 11);
    [s[0], s[1], s[2]] = [s[1], s[2], s[3]];
    s[3] = (s[3] ^ (s[3] >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return s[3];
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor((this.next() / 0x1_0000_0000) * (max - min + 1));
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    let i = 0;
    for (; i + 4 <= length; i += 4) out.writeUInt32LE(this.next(), i);
    for (; i < length; i++) out[i] = this.next() & 0xff;
    return out;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)];
  }
}

/** Shares of each kind, in thousandths; `large` records are few because each is up to ~1 MB. */
const MIX: readonly [FuzzKind, number][] = [
  ['random', 400],
  ['empty', 10],
  ['truncated', 200],
  ['mutated', 290],
  ['wrong-type', 99],
  ['large', 1],
];

/**
 * `count` hostile records from `seed`, built from `valid` sealed envelopes (which are never sent
 * themselves): random bytes (mostly small, some up to 64 KiB), empty records, valid envelopes cut short,
 * valid envelopes with bytes changed, protobuf of other types, and a few random records up to the
 * broker's limit (at least two, one of them at FUZZ_MAX_RECORD_BYTES).
 */
export function fuzzRecords(seed: number, count: number, valid: readonly Uint8Array[]): FuzzRecord[] {
  const random = new SeededRandom(seed);
  const records: FuzzRecord[] = [];
  const kindOf = () => {
    let roll = random.int(0, 999);
    for (const [kind, share] of MIX) if ((roll -= share) < 0) return kind;
    return 'random';
  };
  for (let i = 0; i < count; i++) {
    const kind: FuzzKind = i === 0 || i === count - 1 ? 'large' : kindOf();
    const value = build(kind, random, valid, i === 0 ? FUZZ_MAX_RECORD_BYTES : undefined);
    records.push({ kind, key: `fuzz-${seed}-${i}`, value });
  }
  return records;
}

function build(kind: FuzzKind, random: SeededRandom, valid: readonly Uint8Array[], size?: number): Buffer {
  const base = Buffer.from(random.pick(valid));
  switch (kind) {
    case 'random':
      return random.bytes(random.int(0, 9) === 0 ? random.int(2048, 64 * 1024) : random.int(1, 2048));
    case 'large':
      return random.bytes(size ?? random.int(64 * 1024, FUZZ_MAX_RECORD_BYTES));
    case 'empty':
      return Buffer.alloc(0);
    case 'truncated':
      return base.subarray(0, random.int(0, base.length - 1));
    case 'mutated': {
      const copy = Buffer.from(base);
      for (let n = random.int(1, 8); n > 0; n--) copy[random.int(0, copy.length - 1)] = random.int(0, 255);
      return copy;
    }
    case 'wrong-type':
      return wrongType(random, base);
  }
}

/** Well-formed protobuf that is not an envelope for us: other messages, or the right one half-filled. */
function wrongType(random: SeededRandom, base: Buffer): Buffer {
  const choices: (() => Uint8Array)[] = [
    () => v1.Header.encode({ messageId: 'not-a-uuid', senderAgencyId: 'X' }).finish(),
    () =>
      v1.InboxRecord.encode({
        receipt: { receipt: random.bytes(random.int(0, 300)), signature: random.bytes(64) },
      }).finish(),
    () =>
      v1.InboxRecord.encode({ envelope: { header: {}, sealed: random.bytes(random.int(0, 500)) } }).finish(),
    () =>
      v1.InboxRecord.encode({
        envelope: v1.InboxRecord.decode(base).envelope!,
        receipt: { receipt: base },
      }).finish(),
    () => Buffer.from(JSON.stringify({ envelope: base.toString('base64') })),
    () => Buffer.from(base.toString('base64')),
  ];
  return Buffer.from(random.pick(choices)());
}
