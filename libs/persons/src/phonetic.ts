// Phonetic keys of syllables (docs/persons.md, "Phonetic keys"). Vietnamese, pinyin and Lao romanisations spell
// the same sounds differently (ph/f, x/s/sh, ou/u, tr/ch/zh/j, d/gi/y, -nh/-ng): a key keeps what survives a
// crossing of the border by ear, so that two renderings of one name meet on equal keys. Equal keys, never a
// distance between plain strings, because the keys are all the register keeps (as blind indexes, blind-index.ts).

/** Latin letters without diacritics, lower case; đ/Đ -> d (the one Vietnamese letter NFD does not decompose). */
export function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[ɨ]/g, 'i')
    .toLowerCase();
}

const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'gn',
  'ny',
  'ch',
  'kh',
  'ph',
  'th',
  'tr',
  'gh',
  'gi',
  'qu',
  'sh',
  'zh',
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'q',
  'r',
  's',
  't',
  'v',
  'w',
  'x',
  'y',
  'z',
];

/** Sound classes of onsets. Some letters stand for two sounds across the scripts: Vietnamese d is /z/ (Dương) or,
 * as đ with its stroke lost, /d/ (Đặng); y opens a syllable with /j/ or with nothing. */
const ONSET_CLASS: Readonly<Record<string, readonly string[]>> = {
  ngh: ['G'],
  ng: ['G'],
  nh: ['Y'],
  gn: ['Y'],
  ny: ['Y'],
  ch: ['C'],
  tr: ['C'],
  zh: ['C'],
  j: ['C'],
  q: ['C'],
  z: ['C'],
  kh: ['K'],
  k: ['K'],
  c: ['K'],
  g: ['K'],
  gh: ['K'],
  qu: ['K'],
  ph: ['P'],
  f: ['P'],
  b: ['P'],
  p: ['P'],
  th: ['T'],
  t: ['T'],
  d: ['T', 'Z'],
  gi: ['Z'],
  r: ['Z', 'L'],
  y: ['Z', ''],
  x: ['S'],
  s: ['S'],
  sh: ['S'],
  v: ['V'],
  w: ['V'],
  h: ['H'],
  l: ['L'],
  m: ['M'],
  n: ['N'],
};

/** Vowel groups, spelt in any of the romanisations, to one spelling. */
const VOWEL_GROUPS: ReadonlyArray<[RegExp, string]> = [
  [/^(ou|oo)$/, 'u'],
  [/^(eu|ue|ui|uy|oui)$/, 'ui'],
  [/^(aa)$/, 'a'],
  [/^(ae|ee|è)$/, 'e'],
  [/^(ai|ay|ei|ey)$/, 'ai'],
  [/^(ao|au|aw|ow)$/, 'ao'],
  [/^(ia|ie|ya|ye|iye|iu?e)$/, 'ie'],
  [/^(ua|uo|uoa|oua|ueu|eua|uea|eu?a)$/, 'uo'],
  [/^(oi|oy|uoi)$/, 'oi'],
  [/^(iu|iw|io|ieu|yeu|iou|eo|ew|uu)$/, 'iu'],
  [/^(y)$/, 'i'],
];

const CODAS: ReadonlyArray<[string, string]> = [
  ['nh', 'ng'],
  ['ng', 'ng'],
  ['ch', 'k'],
  ['c', 'k'],
  ['k', 'k'],
  ['n', 'n'],
  ['m', 'm'],
  ['p', 'p'],
  ['t', 't'],
  ['h', ''],
  ['y', 'i'],
  ['w', 'u'],
  ['r', ''],
];

function canonicalVowels(group: string): string {
  for (const [pattern, canonical] of VOWEL_GROUPS) if (pattern.test(group)) return canonical;
  return group;
}

/** One syllable (folded Latin) to its keys: exact ones ("fine") and ones that keep only the onset class and the
 * main vowel ("coarse", for -n/-ng/-nh and medial glides that each side writes its own way). */
export function syllableKeys(syllable: string): { fine: string[]; coarse: string[] } {
  let rest = syllable.replace(/[^a-z]/g, '');
  let onset = '';
  for (const candidate of ONSETS) {
    if (rest.startsWith(candidate) && rest.length > candidate.length) {
      // gi is the onset only when a vowel follows the i (Giang), not in gin.
      if (candidate === 'gi' && !/[aeiouy]/.test(rest[2] ?? '')) continue;
      if (candidate === 'qu' && !/[aeiouy]/.test(rest[2] ?? '')) continue;
      onset = candidate;
      break;
    }
  }
  rest = rest.slice(onset.length);
  // Vietnamese and pinyin: an onset y before a vowel is a glide (Yến yen = ien); a lone y is the vowel i.
  let coda = '';
  let codaClass = '';
  for (const [spelling, cls] of CODAS) {
    if (rest.endsWith(spelling) && rest.length > spelling.length) {
      coda = spelling;
      codaClass = cls;
      break;
    }
  }
  let vowels = rest.slice(0, rest.length - coda.length);
  if (codaClass === 'i' || codaClass === 'u') {
    vowels += codaClass;
    codaClass = '';
  }
  const nuclei = new Set<string>([canonicalVowels(vowels)]);
  // A medial glide (Hoa, Tuấn, huang, ຮວາ hoa) is heard as w, written o or u or not at all.
  const medial = /^[ouw](?=[aeiy])/.exec(vowels) ?? (vowels === 'uo' ? /^u/.exec(vowels) : null);
  if (medial) nuclei.add(canonicalVowels(vowels.slice(1)));
  // Vietnamese -anh, -ach sound close to eng, ec (Lao writes ແອັງ for Anh).
  if ((coda === 'nh' || coda === 'ch') && vowels === 'a') nuclei.add('e');
  const classes = ONSET_CLASS[onset] ?? [''];
  const fine: string[] = [];
  const coarse: string[] = [];
  for (const cls of classes) {
    for (const nucleus of nuclei) {
      fine.push(`${cls}${nucleus}${codaClass}`);
      coarse.push(
        `${cls}${COARSE_VOWEL[nucleus.charAt(0)] ?? nucleus.charAt(0)}${codaClass === '' ? '' : codaClass === 'ng' || codaClass === 'n' || codaClass === 'm' ? 'N' : 'K'}`,
      );
    }
  }
  return { fine: [...new Set(fine)], coarse: [...new Set(coarse)] };
}

/** Coarse vowel classes: open, front, back rounded (Sùng heard as 宋 song). */
const COARSE_VOWEL: Readonly<Record<string, string>> = { a: 'A', e: 'I', i: 'I', o: 'U', u: 'U' };

const VOWEL = /[aeiouy]/;

/** A Latin word of several syllables (Souksavanh, Phommachanh, Xiuying) split where a consonant opens the next
 * syllable; a Vietnamese word is one syllable and stays whole (nguyen, quynh: u-y and u-ye are one vowel). */
export function syllabify(word: string): string[] {
  let w = word;
  // French-style Lao spellings end closed syllables with a silent e (Somphone, Sengdeuane, Manivone).
  if (/[aeiouy][^aeiouy]*[aeiouy].*[nm]e$/.test(w) || /(one|ane|ene)$/.test(w)) w = w.replace(/e$/, '');
  const units: { text: string; vowel: boolean }[] = [];
  let i = 0;
  while (i < w.length) {
    const ch = w[i]!;
    const prev = units.at(-1);
    // y between vowels or after a consonant before a vowel opens a syllable (Xayavong, Xiuying); after u it
    // belongs to the vowel (nguyen, quynh, thuy).
    const isVowel =
      VOWEL.test(ch) && !(ch === 'y' && VOWEL.test(w[i + 1] ?? '') && !(prev?.vowel && prev.text === 'u'));
    if (prev && prev.vowel === isVowel) prev.text += ch;
    else units.push({ text: ch, vowel: isVowel });
    i++;
  }
  const syllables: string[] = [];
  let current = '';
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.vowel) {
      current += unit.text;
      continue;
    }
    const hasVowelBefore = VOWEL.test(current);
    const hasVowelAfter = u + 1 < units.length;
    if (!hasVowelBefore || !hasVowelAfter) {
      current += unit.text;
      continue;
    }
    // A consonant cluster between two vowels: the last onset-sized piece opens the next syllable.
    const cluster = unit.text;
    let onsetLength = 1;
    for (const onset of ONSETS) {
      if (onset.length > 1 && cluster.endsWith(onset) && cluster.length >= onset.length) {
        onsetLength = onset.length;
        break;
      }
    }
    // ng/nh at the end of a syllable before another consonant stay codas (Vongsavanh: vong|sa).
    if (cluster.length > onsetLength || cluster.length === onsetLength) {
      const coda = cluster.slice(0, cluster.length - onsetLength);
      syllables.push(current + coda);
      current = cluster.slice(cluster.length - onsetLength);
    }
  }
  if (current) syllables.push(current);
  return syllables.filter((s) => VOWEL.test(s));
}
