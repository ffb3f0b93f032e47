// Lao script to Latin, for matching only (docs/persons.md, "Lao"). No npm package we could find romanises Lao
// properly: the general transliterators (any-ascii, transliteration, unidecode) map code point by code point, so
// the vowels written BEFORE the consonant (ເ ແ ໂ ໄ ໃ) come out in front of it (ໄຊ -> "aix"). This is a table
// after the BGN/PCGN 1966 romanisation of Lao (the one on Lao maps and, in its French-style spellings, in Lao
// documents: ou for ຸ/ູ, x for ຊ), read one syllable at a time so that pre-posed vowels, the silent ຫ/ອ leads,
// the medial ວ and the final consonants land where they are heard. Tone marks are dropped: Latin renderings
// written by officers never carry them.

const CONSONANT: Readonly<Record<string, string>> = {
  ກ: 'k',
  ຂ: 'kh',
  ຄ: 'kh',
  ງ: 'ng',
  ຈ: 'ch',
  ສ: 's',
  ຊ: 'x',
  ຍ: 'y',
  ດ: 'd',
  ຕ: 't',
  ຖ: 'th',
  ທ: 'th',
  ນ: 'n',
  ບ: 'b',
  ປ: 'p',
  ຜ: 'ph',
  ຝ: 'f',
  ພ: 'ph',
  ຟ: 'f',
  ມ: 'm',
  ຢ: 'y',
  ຣ: 'r',
  ລ: 'l',
  ວ: 'v',
  ຫ: 'h',
  ອ: '',
  ຮ: 'h',
  ໜ: 'n',
  ໝ: 'm',
};
/** How a consonant sounds at the end of a syllable (BGN/PCGN finals). */
const FINAL: Readonly<Record<string, string>> = {
  ກ: 'k',
  ງ: 'ng',
  ດ: 't',
  ນ: 'n',
  ບ: 'p',
  ມ: 'm',
  ຍ: 'y',
  ວ: 'w',
  ຊ: 't',
  ສ: 't',
  ລ: 'n',
  ຕ: 't',
  ທ: 't',
  ຈ: 't',
  ພ: 'p',
  ຟ: 'p',
  ຣ: 'n',
};
/** Consonants that ຫ only leads (it sets the tone and is not heard): ຫງ ຫຍ ຫນ ຫມ ຫລ ຫວ ຫຣ. */
const LED_BY_HO = new Set(['ງ', 'ຍ', 'ນ', 'ມ', 'ລ', 'ວ', 'ຣ']);
const PRE_VOWELS = new Set(['ເ', 'ແ', 'ໂ', 'ໄ', 'ໃ']);
const ABOVE_BELOW = new Set(['ັ', 'ິ', 'ີ', 'ຶ', 'ື', 'ຸ', 'ູ', 'ົ', 'ໍ', 'ຳ']);
const FOLLOWING = new Set(['ະ', 'າ', 'ຽ']);
const TONE_AND_SIGNS = new Set(['່', '້', '໊', '໋', '໌', 'ໆ']);
const SUBSCRIPT_L = 'ຼ';

const isConsonant = (ch: string | undefined): ch is string => ch !== undefined && ch in CONSONANT;
const isVowelSign = (ch: string | undefined): boolean =>
  ch !== undefined && (ABOVE_BELOW.has(ch) || FOLLOWING.has(ch));

/** The vowel of a syllable from its pre-posed vowel and the signs after the consonant (BGN/PCGN vowels). */
function vowelOf(pre: string, signs: string, closed: boolean): string | readonly string[] {
  const s = signs;
  if (pre === 'ເ') {
    if (s.includes('ົ') && s.includes('າ')) return 'ao';
    if (s.includes('ື') && s.includes('ອ')) return 'eua';
    // ເ◌ີ is /ɤː/: Vietnamese ơ or â (folded to o, a) heard by a Lao officer (Trần -> ເຈີນ).
    if (s.includes('ີ') && s.includes('ຍ')) return ['oei', 'ei'];
    if (s.includes('ິ') || s.includes('ີ')) return ['oe', 'a', 'o'];
    if (s.includes('ຍ')) return 'ia';
    return 'e';
  }
  if (pre === 'ແ') return 'ae';
  if (pre === 'ໂ') return 'o';
  if (pre === 'ໄ' || pre === 'ໃ') return 'ai';
  if (s.includes('ຳ')) return 'am';
  if (s.includes('ົ') && s.includes('ວ')) return 'oua';
  if (s.includes('ັ') && s.includes('ວ')) return 'oua';
  if (s.includes('ຽ')) return 'ia';
  if (s.includes('ິ') || s.includes('ີ')) return 'i';
  if (s.includes('ຶ') || s.includes('ື')) return 'eu';
  if (s.includes('ຸ') || s.includes('ູ')) return 'ou';
  if (s.includes('ົ') || s.includes('ໍ') || s.includes('ອ')) return 'o';
  if (s.includes('ັ') || s.includes('າ') || s.includes('ະ')) return 'a';
  if (s.includes('ວ')) return 'oua';
  // No vowel written: a closed syllable carries an inherent o (ຄົນ is also spelt ຄນ), an open one an a.
  return closed ? 'o' : 'a';
}

/** One Lao word (no spaces) to its syllables in Latin letters, each with its readings (most have one). */
export function laoSyllables(word: string): string[][] {
  const chars = [...word.normalize('NFC')].filter((ch) => !TONE_AND_SIGNS.has(ch));
  const out: string[][] = [];
  let i = 0;
  while (i < chars.length) {
    let pre = '';
    if (PRE_VOWELS.has(chars[i]!)) pre = chars[i++]!;
    let onsetChar = chars[i];
    if (!isConsonant(onsetChar)) {
      // A stray sign (or a pre-vowel at the end): skip it rather than invent a sound.
      i++;
      continue;
    }
    i++;
    if (
      onsetChar === 'ຫ' &&
      LED_BY_HO.has(chars[i] ?? '') &&
      (isVowelSign(chars[i + 1]) ||
        PRE_VOWELS.has(pre) ||
        isConsonant(chars[i + 1]) ||
        chars[i + 1] === undefined)
    ) {
      onsetChar = chars[i++]!;
    }
    let onset = CONSONANT[onsetChar]!;
    if (chars[i] === SUBSCRIPT_L) {
      onset = 'l';
      i++;
    }
    let medial = '';
    let signs = '';
    // ວ after the onset: a glide before a written vowel (ຮວາ hwa, ຫງວຽນ nguian), or the vowel ua itself before a
    // final (ຕວນ tuan).
    if (chars[i] === 'ວ' && i + 1 < chars.length) {
      if (isVowelSign(chars[i + 1])) {
        medial = 'o';
        i++;
      } else if (isConsonant(chars[i + 1]) && !pre) {
        signs += 'ວ';
        i++;
      }
    }
    while (i < chars.length && (ABOVE_BELOW.has(chars[i]!) || FOLLOWING.has(chars[i]!))) signs += chars[i++];
    // The second part of a written-out vowel: ເ◌ືອ, ◌ົວ, ◌ັວ, ເ◌ີຍ, ເ◌ົາ.
    if (chars[i] === 'ອ' && (signs.includes('ື') || (!signs && !pre && isFinalHere(chars, i + 1)))) {
      signs += 'ອ';
      i++;
    } else if (chars[i] === 'ວ' && (signs.includes('ົ') || signs.includes('ັ')) && !isVowelSign(chars[i + 1])) {
      signs += 'ວ';
      i++;
    } else if (chars[i] === 'ຍ' && pre === 'ເ' && !isVowelSign(chars[i + 1])) {
      signs += 'ຍ';
      i++;
    }
    let final = '';
    if (isFinalHere(chars, i) && !signs.includes('ຳ') && !(pre === 'ໄ' || pre === 'ໃ') && !(signs === 'ະ')) {
      final = FINAL[chars[i]!]!;
      i++;
    }
    const vowel = vowelOf(pre, signs, final !== '');
    out.push((typeof vowel === 'string' ? [vowel] : vowel).map((v) => onset + medial + v + final));
  }
  return out;
}

/** Whether the consonant at i closes the syllable before it (and does not open the next one). */
function isFinalHere(chars: readonly string[], i: number): boolean {
  const ch = chars[i];
  if (ch === undefined || !(ch in FINAL)) return false;
  const next = chars[i + 1];
  if (next === undefined) return true;
  if (isVowelSign(next) || next === SUBSCRIPT_L) return false;
  // ວ or ອ after a consonant may be the vowel of that consonant (ຕວນ, ພອນ): then the consonant opens a syllable.
  if ((next === 'ວ' || next === 'ອ') && isConsonant(chars[i + 2]) && !isVowelSign(chars[i + 2])) return false;
  return true;
}

/** A Lao text (words separated by spaces) to Latin, syllables of a word joined. */
export function romaniseLao(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      laoSyllables(word)
        .map((readings) => readings[0])
        .join(''),
    )
    .join(' ');
}
