/**
 * Vietnam's international border gates with China and Laos and their provinces, so the repatriation
 * board can be filtered by province. The domain keeps the gate as free text (`Ma Lù Thàng - Jinshuihe`):
 * a gate is recognised by its Vietnamese name or, for the gates facing China, the Chinese gate's pinyin
 * name, matched as whole words without diacritics or case. Unknown gates have no province.
 *
 * Provinces are those after the 2025 reorganisation (Ha Giang is part of Tuyen Quang, Quang Binh of
 * Quang Tri, Quang Nam of Da Nang, Kon Tum of Quang Ngai; Yen Bai joined Lao Cai).
 */
const GATES: ReadonlyArray<readonly [string, string]> = [
  ['mong cai', 'Quang Ninh'],
  ['dongxing', 'Quang Ninh'],
  ['bac luan', 'Quang Ninh'],
  ['hoanh mo', 'Quang Ninh'],
  ['huu nghi', 'Lang Son'],
  ['youyiguan', 'Lang Son'],
  ['dong dang', 'Lang Son'],
  ['pingxiang', 'Lang Son'],
  ['chi ma', 'Lang Son'],
  ['aidian', 'Lang Son'],
  ['tra linh', 'Cao Bang'],
  ['longbang', 'Cao Bang'],
  ['ta lung', 'Cao Bang'],
  ['shuikou', 'Cao Bang'],
  ['thanh thuy', 'Tuyen Quang'],
  ['tianbao', 'Tuyen Quang'],
  ['lao cai', 'Lao Cai'],
  ['kim thanh', 'Lao Cai'],
  ['hekou', 'Lao Cai'],
  ['ma lu thang', 'Lai Chau'],
  ['jinshuihe', 'Lai Chau'],
  ['tay trang', 'Dien Bien'],
  ['huoi puoc', 'Dien Bien'],
  ['pa hang', 'Son La'],
  ['chieng khuong', 'Son La'],
  ['na meo', 'Thanh Hoa'],
  ['nam can', 'Nghe An'],
  ['cau treo', 'Ha Tinh'],
  ['cha lo', 'Quang Tri'],
  ['lao bao', 'Quang Tri'],
  ['la lay', 'Quang Tri'],
  ['nam giang', 'Da Nang'],
  ['bo y', 'Quang Ngai'],
];

const PROVINCES = [...new Set(GATES.map(([, province]) => province))];

/** Lower case, no diacritics (đ → d), words separated by single spaces, padded for whole-word search. */
const words = (text: string) =>
  ` ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/** The province of a border gate named in free text, or null when no known gate is named. */
export function provinceOfGate(gate: string | undefined | null): string | null {
  if (!gate) return null;
  const name = words(gate);
  return GATES.find(([key]) => name.includes(` ${key} `))?.[1] ?? null;
}

/**
 * The gazetteer's spelling of a province typed by a person (`Lai Châu`, `lai chau`), so a board filter
 * matches the stored rows; the input unchanged when it names no province with a gate.
 */
export function canonicalProvince(province: string): string {
  const wanted = words(province);
  return PROVINCES.find((known) => words(known) === wanted) ?? province;
}
