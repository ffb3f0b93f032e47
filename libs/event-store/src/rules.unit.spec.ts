import { EventTooLargeError, InvalidEventError, WrongExpectedRevisionError } from './errors';
import type { EventToAppend, ExpectedRevision } from './port';
import {
  assertCheckpointName,
  checkExpectedRevision,
  encodeBatch,
  firstRevisionAfter,
  isValidStreamName,
  revisionMatches,
} from './rules';

const metadata = {
  correlationId: 'c',
  actor: 'officer:1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};
const event = (data: unknown, extra: Partial<EventToAppend> = {}): EventToAppend => ({
  type: 'Happened',
  data,
  metadata,
  ...extra,
});

describe('stream names', () => {
  it.each([
    'verification-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    'exchange-VN.MPS.C02:42',
    'audit-seals',
    'jointop-2026_q1',
    'a1-x',
  ])('accepts %p', (name) => expect(isValidStreamName(name)).toBe(true));

  it.each([
    ['empty', ''],
    ['no id', 'verification-'],
    ['no dash', 'verification'],
    ['upper-case category', 'Verification-1'],
    ['category starting with a digit', '1abc-1'],
    ['system stream', '$all'],
    ['space', 'audit-a b'],
    ['slash', 'audit-a/b'],
    ['id starting with a dash', 'audit--x'],
    ['reserved category', 'xbcheckpoint-relay'],
    ['over 200 characters', `audit-${'x'.repeat(195)}`],
  ])('refuses %s', (_why, name) => expect(isValidStreamName(name)).toBe(false));
});

describe('checkpoint names', () => {
  it.each(['relay', 'projection.verifications', 'audit-sealer_2'])('accepts %p', (name) =>
    expect(() => assertCheckpointName(name)).not.toThrow(),
  );
  it.each(['', 'Relay', '.hidden', 'a b', 'x'.repeat(101)])('refuses %p', (name) =>
    expect(() => assertCheckpointName(name)).toThrow(
      expect.objectContaining({ code: 'INVALID_CHECKPOINT_NAME' }),
    ),
  );
});

describe('expected revision', () => {
  it.each<[ExpectedRevision, bigint | 'no_stream', boolean]>([
    ['any', 'no_stream', true],
    ['any', 3n, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0n, false],
    ['stream_exists', 'no_stream', false],
    ['stream_exists', 0n, true],
    [2n, 2n, true],
    [2n, 3n, false],
    [0n, 'no_stream', false],
  ])('expected %p, actual %p: %p', (expected, actual, ok) => {
    expect(revisionMatches(expected, actual)).toBe(ok);
    if (ok) expect(() => checkExpectedRevision('audit-1', expected, actual)).not.toThrow();
    else expect(() => checkExpectedRevision('audit-1', expected, actual)).toThrow(WrongExpectedRevisionError);
  });

  it('carries the stream, the expectation and the actual revision in the error', () => {
    expect(() => checkExpectedRevision('audit-1', 4n, 7n)).toThrow(
      expect.objectContaining({
        code: 'WRONG_EXPECTED_REVISION',
        stream: 'audit-1',
        expected: 4n,
        actual: 7n,
      }),
    );
  });

  it('places the first new event right after the actual revision', () => {
    expect(firstRevisionAfter('no_stream')).toBe(0n);
    expect(firstRevisionAfter(4n)).toBe(5n);
  });
});

describe('encoding a batch', () => {
  it('stores data and metadata as the exact JSON.stringify bytes and generates UUIDv7 ids', () => {
    const [encoded] = encodeBatch('audit-1', [event({ text: 'ສະບາຍດີ', n: 1.5 })]);
    expect(encoded.dataBytes.toString('utf8')).toBe('{"text":"ສະບາຍດີ","n":1.5}');
    expect(encoded.metadataBytes.toString('utf8')).toBe(JSON.stringify(metadata));
    expect(encoded.id[14]).toBe('7');
  });

  it('counts data and metadata bytes against the limit', () => {
    const metadataSize = Buffer.byteLength(JSON.stringify(metadata));
    const dataOf = (size: number) => 'x'.repeat(size - metadataSize - 2); // the quotes of the JSON string
    expect(() => encodeBatch('audit-1', [event(dataOf(1000))], 1000)).not.toThrow();
    expect(() => encodeBatch('audit-1', [event(dataOf(1001))], 1000)).toThrow(EventTooLargeError);
  });

  it.each<[string, EventToAppend[]]>([
    ['an empty batch', []],
    ['an undefined data', [event(undefined)]],
    ['a bigint in data', [event({ n: 1n })]],
    ['a bad event type', [event({}, { type: '$deleted' })]],
    ['an id that is not a UUID', [event({}, { id: 'not-a-uuid' })]],
    [
      'metadata without actor',
      [event({}, { metadata: { ...metadata, actor: undefined as unknown as string } })],
    ],
    [
      'the same id twice',
      [
        event({}, { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
        event({}, { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
      ],
    ],
  ])('refuses %s with INVALID_EVENT', (_why, events) => {
    expect(() => encodeBatch('audit-1', events)).toThrow(InvalidEventError);
  });
});

describe('metadata bytes read back from EventStoreDB (parsed by the client, serialised again)', () => {
  it.each([
    { correlationId: 'c', actor: 'a', occurredAt: 't', schemaVersion: 1 },
    { '10': 'integer-like keys first', b: 1, a: [1e21, -0.5, 1e-7], s: 'ký tự \u2028 "quoted" \\ \ud800' },
    { nested: { deep: { list: [null, true, false, {}] } }, emoji: '😀', n: 123456789012345680000 },
  ])('JSON.stringify(JSON.parse(text)) gives back the same text: %#', (value) => {
    const text = JSON.stringify(value);
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
  });
});
