import { createHash } from 'node:crypto';
import {
  canonicalEvent,
  GENESIS_HEAD,
  headFromHex,
  nextChainHead,
  sealSigningBytes,
  toHex,
  type ChainedEvent,
} from './canonical';

const event: ChainedEvent = {
  position: 1n,
  streamId: 'a-b',
  revision: 0n,
  id: 'x',
  type: 'T',
  dataBytes: Buffer.from('{}'),
  metadataBytes: new Uint8Array(),
};

describe('canonical event encoding', () => {
  it('lays out u64 position, length-prefixed strings and bytes, u64 revision, as docs/audit.md says', () => {
    const expected =
      '0000000000000001' + // position
      '00000003' +
      '612d62' + // "a-b"
      '0000000000000000' + // revision
      '00000001' +
      '78' + // "x"
      '00000001' +
      '54' + // "T"
      '00000002' +
      '7b7d' + // data "{}"
      '00000000'; // empty metadata
    expect(canonicalEvent(event).toString('hex')).toBe(expected);
  });

  it('starts the chain from SHA-256 of the domain tag and hashes head then encoding', () => {
    const genesis = createHash('sha256').update('xborder/audit-chain/v1').digest();
    expect(toHex(GENESIS_HEAD)).toBe(genesis.toString('hex'));
    const expected = createHash('sha256').update(genesis).update(canonicalEvent(event)).digest('hex');
    expect(toHex(nextChainHead(GENESIS_HEAD, event))).toBe(expected);
  });

  it.each<[string, Partial<ChainedEvent>]>([
    ['moving a byte from type to data', { type: '', dataBytes: Buffer.from('T{}') }],
    ['moving a byte from stream id to event id', { streamId: 'a-', id: 'bx' }],
    ['another revision', { revision: 1n }],
    ['another position', { position: 2n }],
    ['one more metadata byte', { metadataBytes: Buffer.from(' ') }],
  ])('changes with %s', (_what, change) => {
    expect(canonicalEvent({ ...event, ...change }).equals(canonicalEvent(event))).toBe(false);
  });

  it('refuses positions that do not fit 64 bits', () => {
    expect(() => canonicalEvent({ ...event, position: -1n })).toThrow(RangeError);
    expect(() => canonicalEvent({ ...event, position: 1n << 64n })).toThrow(RangeError);
  });
});

describe('seal signing bytes', () => {
  it('cover the domain tag, agency, position, head and count', () => {
    const head = Buffer.alloc(32, 0xab);
    const bytes = Buffer.from(
      sealSigningBytes({ agencyId: 'VN.X', position: 7n, chainHead: head, count: 9 }),
    );
    const tag = Buffer.from('xborder/audit-seal/v1');
    const expected = Buffer.concat([
      Buffer.from([0, 0, 0, tag.length]),
      tag,
      Buffer.from('00000004564e2e58', 'hex'), // "VN.X"
      Buffer.from('0000000000000007', 'hex'),
      Buffer.from('00000020', 'hex'),
      head,
      Buffer.from('0000000000000009', 'hex'),
    ]);
    expect(bytes.toString('hex')).toBe(expected.toString('hex'));
  });

  it('refuse a head that is not 32 bytes', () => {
    expect(() =>
      sealSigningBytes({ agencyId: 'VN.X', position: 1n, chainHead: new Uint8Array(31), count: 1 }),
    ).toThrow(RangeError);
  });

  it('parse heads only from 64 hex digits', () => {
    expect(headFromHex('ab'.repeat(32))).toHaveLength(32);
    expect(headFromHex('ab'.repeat(31))).toBeUndefined();
    expect(headFromHex('zz'.repeat(32))).toBeUndefined();
    expect(headFromHex(42)).toBeUndefined();
  });
});
