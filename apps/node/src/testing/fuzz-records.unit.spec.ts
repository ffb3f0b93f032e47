import { createHash } from 'node:crypto';
import { v1 } from '@xb/envelope';
import { FUZZ_MAX_RECORD_BYTES, fuzzRecords, SeededRandom } from './fuzz-records';

const digest = (records: { value: Buffer }[]) => {
  const hash = createHash('sha256');
  for (const r of records) hash.update(r.value).update('|');
  return hash.digest('hex');
};
// A stand-in for a sealed envelope (the generator only cuts, changes and re-wraps its bytes).
const valid = [
  Buffer.from(
    v1.InboxRecord.encode({
      envelope: { header: { messageId: 'm' }, sealed: Buffer.alloc(200, 1) },
    }).finish(),
  ),
];

describe('fuzzed records', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(digest(fuzzRecords(7, 300, valid))).toBe(digest(fuzzRecords(7, 300, valid)));
    expect(digest(fuzzRecords(7, 300, valid))).not.toBe(digest(fuzzRecords(8, 300, valid)));
  });

  it('mix every kind, start at the broker limit and end with another large record', () => {
    const records = fuzzRecords(13, 2000, valid);
    const kinds = new Set(records.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['empty', 'large', 'mutated', 'random', 'truncated', 'wrong-type']);
    expect(records[0].value.length).toBe(FUZZ_MAX_RECORD_BYTES);
    expect(records.at(-1)!.kind).toBe('large');
    expect(records.every((r) => r.value.length <= FUZZ_MAX_RECORD_BYTES)).toBe(true);
    expect(records.filter((r) => r.kind === 'truncated').every((r) => r.value.length < valid[0].length)).toBe(
      true,
    );
  });

  it('draws integers within bounds and bytes of the asked length', () => {
    const random = new SeededRandom(1);
    const ints = Array.from({ length: 1000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    for (const n of [0, 1, 3, 4, 7]) expect(random.bytes(n)).toHaveLength(n);
  });
});
