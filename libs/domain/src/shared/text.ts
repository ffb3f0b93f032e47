/**
 * What text may be a name or a note (docs/protocol.md, "Text in payloads"). Every command's data passes
 * `checkCommandText` before it is decided (libs/event-store handleCommand), so the API, the gateway and
 * any later caller get the same rules without each decider repeating them. Problems name the field and
 * the rule, never the value: text here is often a victim's particulars.
 */

/** Longest text in Unicode code points after NFC: the contract's `(xborder.v1.max_length)` bounds. */
export const TEXT_LIMITS = {
  /** A person's, unit's or operation's name: one line. */
  name: 200,
  /** Free text (details, remarks, reasons): line breaks and tabs allowed. */
  text: 10_000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS | 'other';

export type TextRule =
  | 'CONTROL_CHARACTER'
  | 'BIDI_CONTROL'
  | 'INVISIBLE_CHARACTER'
  | 'INVISIBLE_ONLY'
  | 'TOO_LONG'
  | 'NESTED_TOO_DEEP';

const RULE_TEXT: Record<TextRule, string> = {
  CONTROL_CHARACTER: 'contains a control character, noncharacter or unpaired surrogate',
  BIDI_CONTROL: 'contains a bidirectional control character (e.g. U+202E)',
  INVISIBLE_CHARACTER: 'contains an invisible character where no script needs one',
  INVISIBLE_ONLY: 'has no visible character',
  TOO_LONG: 'is too long',
  NESTED_TOO_DEEP: 'is nested too deeply',
};

/** Why a rule refused a field, in words for a person (no value). */
export const describeTextRule = (rule: TextRule, kind?: TextKind): string =>
  rule === 'TOO_LONG' && kind && kind !== 'other'
    ? `is longer than ${TEXT_LIMITS[kind]} characters`
    : RULE_TEXT[rule];

const NAME_KEY = /^(name|original|romanised)$|[a-z](Name|Romanised)$/;
/** Free-text fields of the domain's vocabulary; other strings (ids, dates, codes, bytes) get the character rules only. */
const TEXT_KEY =
  /^(details|findings|information|circumstances|content|remarks|note|reason|description|summary|assessment|proposals|body|offences|conditions|purpose|grounds)$/;

/** The kind of text a data field holds, from its key (the last part of its path). */
export const textKindOf = (key: string): TextKind =>
  NAME_KEY.test(key) ? 'name' : TEXT_KEY.test(key) ? 'text' : 'other';

// C0 and C1 controls, DEL, line/paragraph separators, noncharacters and unpaired surrogates. TAB, LF and
// CR are handled apart: free text may hold them, a name may not.
/* eslint-disable no-control-regex -- finding control characters is this rule's job */
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF]|\p{Cs}/u;
/* eslint-enable no-control-regex */
const LINE = /[\t\n\r]/;
// Trojan Source's list (CVE-2021-42574) plus the Arabic letter mark: the region's scripts (Vietnamese,
// Hán, Lao, Thai, Hmong, Uyghur) all lay out without them.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const JOINER = /[\u200B\u200C\u200D]/;
// Scripts where a joiner between two letters changes nothing a reader sees, so it could only make one
// name look like another.
const NO_JOINING =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI_TAIL = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const BLACK_FLAG = 0x1f3f4;
const FORMAT = /\p{Cf}/u;
// Variation selectors and the grapheme joiner are marks, not format characters, but just as invisible:
// kept only right after a visible character (an emoji's VS16, a Hán ideographic variation sequence).
const SELECTOR = /[\u034F\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
// A visible character, less the letters and symbols that render as nothing (Hangul fillers, Braille blank).
const VISIBLE_GLYPH = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;
const HIDDEN = new RegExp(`${FORMAT.source}|${SELECTOR.source}`, 'u');

/**
 * The first rule `text` (already NFC) breaks as a field of `kind`, or undefined. Zero-width space and
 * joiners (U+200B-U+200D) are kept only between two letters or marks where the one before is of a script
 * that shapes with them (Lao, Thai, Khmer, Myanmar, the Indic scripts, Arabic...), and ZWJ inside an
 * emoji sequence; emoji tag characters only inside a flag's tag sequence. Other format characters
 * (soft hyphen, word joiner, BOM...) are refused.
 */
export function textProblem(text: string, kind: TextKind): TextRule | undefined {
  if (CONTROL.test(text) || (kind === 'name' && LINE.test(text))) return 'CONTROL_CHARACTER';
  if (BIDI.test(text)) return 'BIDI_CONTROL';
  if (kind !== 'other' && codePointsOver(text, TEXT_LIMITS[kind])) return 'TOO_LONG';
  // Whole-string scans first: ids, dates and sealed bytes (up to a megabyte of base64) pass untouched.
  if (HIDDEN.test(text) && misplacedInvisible([...text])) return 'INVISIBLE_CHARACTER';
  return text.length > 0 && !VISIBLE_GLYPH.test(text) ? 'INVISIBLE_ONLY' : undefined;
}

const codePointsOver = (text: string, limit: number): boolean => {
  if (text.length <= limit) return false;
  let count = 0;
  for (const _ of text) if (++count > limit) return true;
  return false;
};

function misplacedInvisible(chars: readonly string[]): boolean {
  return chars.some(
    (char, i) =>
      (FORMAT.test(char) && !formatAllowed(chars, i)) ||
      (SELECTOR.test(char) && !VISIBLE.test(chars[i - 1] ?? '')),
  );
}

function formatAllowed(chars: readonly string[], i: number): boolean {
  const [before, char, after] = [chars[i - 1] ?? '', chars[i], chars[i + 1] ?? ''];
  if (TAG.test(char)) return before.codePointAt(0) === BLACK_FLAG || TAG.test(before);
  if (!JOINER.test(char)) return false;
  if (char === '\u200D' && EMOJI_TAIL.test(before) && PICTOGRAPH.test(after)) return true;
  return LETTER_OR_MARK.test(before) && !NO_JOINING.test(baseBefore(chars, i)) && LETTER_OR_MARK.test(after);
}

/** The character the marks before position `i` sit on: a Latin `é` typed as `e` + U+0301 is still Latin. */
function baseBefore(chars: readonly string[], i: number): string {
  let j = i - 1;
  while (j > 0 && MARK.test(chars[j])) j--;
  return chars[j] ?? '';
}

/** A refused field: its path (e.g. `victim.name.original`) and the rule. */
export interface TextRefusal {
  readonly field: string;
  readonly rule: TextRule;
  readonly kind: TextKind;
}

const MAX_DEPTH = 32;

/**
 * `data` with every string in NFC (so precomposed and combining Vietnamese are one string), or the
 * first field that breaks a text rule. Object keys are kept as they are; only values are text.
 */
export function checkCommandText(data: unknown): { readonly data: unknown } | TextRefusal {
  try {
    return { data: normalised(data, '', 'other', 0) };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

class Refused extends Error {
  constructor(readonly refusal: TextRefusal) {
    super(`${refusal.field}: ${refusal.rule}`);
  }
}

function normalised(value: unknown, path: string, kind: TextKind, depth: number): unknown {
  if (typeof value === 'string') {
    const text = value.normalize('NFC');
    const rule = textProblem(text, kind);
    if (rule) throw new Refused({ field: path || '(data)', rule, kind });
    return text;
  }
  if (!isPlainData(value)) return value;
  // Named by its top-level field: a path 32 keys deep would be mostly the sender's own words again.
  if (depth >= MAX_DEPTH)
    throw new Refused({ field: path.split(/[.[]/)[0] || '(data)', rule: 'NESTED_TOO_DEEP', kind });
  if (Array.isArray(value)) return value.map((item, i) => normalised(item, `${path}[${i}]`, kind, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      normalised(item, join(path, key), textKindOf(key), depth + 1),
    ]),
  );
}

// Decoded bytes, dates and the like are not text; only JSON-like arrays and objects are walked.
const isPlainData = (value: unknown): value is object =>
  Array.isArray(value) ||
  (typeof value === 'object' &&
    value !== null &&
    [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null));

// A key that is not a plain identifier is input too, so a refusal names it `?` rather than echo it.
const join = (path: string, key: string): string => {
  const name = /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(key) ? key : '?';
  return path ? `${path}.${name}` : name;
};
