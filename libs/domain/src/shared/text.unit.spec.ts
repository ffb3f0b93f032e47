import { checkCommandText, TEXT_LIMITS, TextKind, textKindOf, textProblem, TextRule } from './text';

const PRECOMPOSED = 'Nguyễn Thị Hồng';
const COMBINING = PRECOMPOSED.normalize('NFD');

describe('text rules', () => {
  it.each<[string, string, TextKind]>([
    ['Vietnamese, precomposed', PRECOMPOSED, 'name'],
    ['Vietnamese, combining marks (normalised first)', COMBINING.normalize('NFC'), 'name'],
    ['Chinese', '王小红', 'name'],
    ['Chinese with an ideographic variation sequence', '葛\u{E0100}西', 'name'],
    ['Lao', 'ສົມພອນ ພົມມະວົງ', 'name'],
    ['Lao, ZWJ after the Pali virama', 'ສ\u0EBA\u200Dຕ', 'name'],
    ['Lao free text with zero-width spaces as word breaks', 'ບ້ານ\u200Bນາ\u200Bເລົາ', 'text'],
    ['Devanagari half form (virama + ZWJ)', 'क्\u200Dष', 'name'],
    ['Sinhala yansaya (al-lakuna + ZWJ)', 'ශ්\u200Dරී', 'name'],
    ['Hmong (Latin)', 'Vaj Tsawb', 'name'],
    ['Uyghur, right to left without controls', 'ئەخمەت', 'name'],
    ['emoji ZWJ sequence', '👩\u200D👧', 'text'],
    ['emoji with VS16 and ZWJ', '🏳️\u200D🌈', 'text'],
    ['emoji skin tone', '👍🏽', 'text'],
    ['flag tag sequence', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', 'text'],
    ['line breaks and tabs in free text', 'first line\n\tsecond\r\n', 'text'],
    ['200 astral ideographs (400 UTF-16 units)', '𠀀'.repeat(200), 'name'],
    ['an id or a date', '0193a0e8-4c5e-7000-8000-000000000001', 'other'],
    ['an address on two lines', 'Bản Pa Nậm Cúm\nxã Mường Khoa, Lai Châu', 'other'],
    ['a megabyte of base64', 'QUJD'.repeat(262_144), 'other'],
    ['empty text (required-ness is the decider’s)', '', 'name'],
  ])('allows %s', (_, text, kind) => {
    expect(textProblem(text, kind)).toBeUndefined();
  });

  it.each<[string, string, TextKind, TextRule]>([
    ['NUL', 'Nguyễn\u0000Hồng', 'name', 'CONTROL_CHARACTER'],
    ['NUL in any field', 'ref\u0000', 'other', 'CONTROL_CHARACTER'],
    ['BEL', 'a\u0007b', 'text', 'CONTROL_CHARACTER'],
    ['a C1 control', 'a\u0085b', 'text', 'CONTROL_CHARACTER'],
    ['a line break in a name', 'Nguyễn\nHồng', 'name', 'CONTROL_CHARACTER'],
    ['a line separator', 'a\u2028b', 'text', 'CONTROL_CHARACTER'],
    ['an unpaired surrogate', 'a\uD800b', 'text', 'CONTROL_CHARACTER'],
    ['a noncharacter', 'a\uFFFEb', 'text', 'CONTROL_CHARACTER'],
    ['right-to-left override', 'Nguyễn\u202EgnoH', 'name', 'BIDI_CONTROL'],
    ['right-to-left isolate', '\u2067abc\u2069', 'text', 'BIDI_CONTROL'],
    ['right-to-left mark', 'abc\u200F', 'other', 'BIDI_CONTROL'],
    ['zero-width spaces only', '\u200B\u200B\u200B', 'name', 'INVISIBLE_CHARACTER'],
    ['ZWJ between Latin letters', 'An\u200Dna', 'name', 'INVISIBLE_CHARACTER'],
    ['ZWJ after a combining mark on a Latin letter', 'Hoa\u0323\u200Dng', 'name', 'INVISIBLE_CHARACTER'],
    ['ZWSP between Chinese characters', '王\u200B小红', 'name', 'INVISIBLE_CHARACTER'],
    ['ZWJ at the end of a Lao name', 'ສົມພອນ\u200D', 'name', 'INVISIBLE_CHARACTER'],
    ['ZWJ after a space', 'ສົມ \u200Dພອນ', 'name', 'INVISIBLE_CHARACTER'],
    ['ZWJ dangling after an emoji', '👩\u200D', 'text', 'INVISIBLE_CHARACTER'],
    ['a tag character outside a flag', 'a\u{E0061}', 'text', 'INVISIBLE_CHARACTER'],
    ['soft hyphen', 'Hồ\u00ADng', 'name', 'INVISIBLE_CHARACTER'],
    ['byte order mark', '\uFEFFHồng', 'name', 'INVISIBLE_CHARACTER'],
    ['a variation selector with nothing before it', '\uFE0FAnna', 'name', 'INVISIBLE_CHARACTER'],
    ['spaces only', '   ', 'name', 'INVISIBLE_ONLY'],
    ['Hangul fillers only', '\u3164\u3164', 'name', 'INVISIBLE_ONLY'],
    ['Braille blanks only', '\u2800', 'text', 'INVISIBLE_ONLY'],
    ['combining marks only', '\u0301\u0303', 'name', 'INVISIBLE_ONLY'],
    ['a 201-character name', 'a'.repeat(TEXT_LIMITS.name + 1), 'name', 'TOO_LONG'],
    ['a 10,000-character name', '王'.repeat(10_000), 'name', 'TOO_LONG'],
    ['free text over its bound', 'x'.repeat(TEXT_LIMITS.text + 1), 'text', 'TOO_LONG'],
  ])('refuses %s', (_, text, kind, rule) => {
    expect(textProblem(text, kind)).toBe(rule);
  });

  it.each([
    ['original', 'name'],
    ['romanised', 'name'],
    ['familyNameRomanised', 'name'],
    ['unitName', 'name'],
    ['name', 'name'],
    ['remarks', 'text'],
    ['details', 'text'],
    ['reason', 'text'],
    ['caseId', 'other'],
  ])('knows %s as %s text', (key, kind) => {
    expect(textKindOf(key)).toBe(kind);
  });
});

describe('checkCommandText', () => {
  it('stores precomposed and combining Vietnamese as one string', () => {
    const a = checkCommandText({ victim: { name: { original: PRECOMPOSED } } });
    const b = checkCommandText({ victim: { name: { original: COMBINING } } });
    expect(COMBINING).not.toBe(PRECOMPOSED);
    expect(b).toEqual(a);
    expect(b).toEqual({ data: { victim: { name: { original: PRECOMPOSED } } } });
  });

  it('names the refused field and rule, never the value', () => {
    const refusal = checkCommandText({
      victim: { identityDocuments: [{ number: 'B1' }, { number: 'C\u0000Hồng' }] },
    });
    expect(refusal).toEqual({
      field: 'victim.identityDocuments[1].number',
      rule: 'CONTROL_CHARACTER',
      kind: 'other',
    });
    expect(JSON.stringify(refusal)).not.toContain('Hồng');
  });

  it('names a key that is not an identifier `?` rather than echo it', () => {
    expect(checkCommandText({ 'Nguyễn Hồng': '\u202E' })).toMatchObject({ field: '?' });
  });

  it('bounds names by their key wherever they are nested', () => {
    expect(checkCommandText({ terms: { name: 'x'.repeat(10_000) } })).toEqual({
      field: 'terms.name',
      rule: 'TOO_LONG',
      kind: 'name',
    });
  });

  it('refuses data nested deeper than any command', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(checkCommandText({ deep })).toMatchObject({ field: 'deep', rule: 'NESTED_TOO_DEEP' });
  });

  it('leaves numbers, booleans, null and bytes as they are', () => {
    const bytes = new Uint8Array([0, 1, 2]);
    const checked = checkCommandText({ n: 1, b: true, z: null, bytes });
    expect(checked).toEqual({ data: { n: 1, b: true, z: null, bytes } });
    expect((checked as { data: { bytes: unknown } }).data.bytes).toBe(bytes);
  });
});
