// A name as written, in any of the three scripts and either name order, to its syllables and their phonetic keys
// (docs/persons.md, "Matching"). A name is a bag of syllables: the order of family and given names differs
// between the sides and between officers, so it is not used.
import { hanReadings, hanVietOfPinyin } from './han';
import { laoSyllables } from './lao';
import { foldLatin, syllabify, syllableKeys } from './phonetic';

export interface NameToken {
  readonly fine: readonly string[];
  readonly coarse: readonly string[];
  /** The syllable as spelt with its tone marks, when the name was written in Vietnamese with them: Mai and Mây,
   * Yến and Yên share their phonetic keys but are different names. */
  readonly tonal: readonly string[];
  /** Thị, Văn (氏, 文; ທິ, ວັນ): a middle name half of all Vietnamese names carry, worth little as evidence. */
  readonly generic: boolean;
}

const GENERIC_READINGS = new Set(['thi', 'van', 'shi', 'wen']);
/** Lao forms of address written before a name: ນາງ (Ms), ທ້າວ (Mr). */
const LAO_TITLES = new Set(['ນາງ', 'ທ້າວ', 'ທ່ານ']);
const SEGMENT = /(\p{Script=Han}+)|(\p{Script=Lao}+)|([\p{Script=Latin}\p{M}]+)/gu;

const VIETNAMESE_MARKS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

export interface Syllable {
  readonly readings: readonly string[];
  readonly tonal: string | null;
}

/** Syllables with their readings, in the order written. */
export function nameSyllables(name: string): Syllable[] {
  const syllables: Syllable[] = [];
  const tonal = VIETNAMESE_MARKS.test(name.normalize('NFC'));
  let hanWords = 0;
  for (const word of name.normalize('NFC').split(/[\s,.\-·•_/]+/u)) {
    if (!word || LAO_TITLES.has(word)) continue;
    for (const match of word.matchAll(SEGMENT)) {
      const [, han, lao, latin] = match;
      if (han) {
        // The first Han word of a name is the family name (Chinese order), read with surname readings.
        for (const readings of hanReadings(han, hanWords++ === 0)) syllables.push({ readings, tonal: null });
      } else if (lao) {
        for (const readings of laoSyllables(lao)) syllables.push({ readings, tonal: null });
      } else if (latin) {
        const parts = syllabify(foldLatin(latin));
        const spelt = latin.normalize('NFC').toLowerCase();
        for (const syllable of parts) {
          syllables.push({
            readings: [syllable, ...hanVietOfPinyin(syllable).filter((r) => r !== syllable)],
            tonal: tonal && parts.length === 1 ? spelt : null,
          });
        }
      }
    }
  }
  return syllables.filter((s) => s.readings.length > 0);
}

export function nameTokens(name: string): NameToken[] {
  return nameSyllables(name).map(({ readings, tonal }) => {
    const fine = new Set<string>();
    const coarse = new Set<string>();
    for (const reading of readings) {
      const keys = syllableKeys(reading);
      keys.fine.forEach((k) => fine.add(k));
      keys.coarse.forEach((k) => coarse.add(k));
    }
    return {
      fine: [...fine],
      coarse: [...coarse],
      tonal: tonal === null ? [] : [tonal],
      generic:
        GENERIC_READINGS.has(readings[0]!) &&
        readings.every((r) => GENERIC_READINGS.has(r) || r === 'shi' || r === 'thi'),
    };
  });
}
