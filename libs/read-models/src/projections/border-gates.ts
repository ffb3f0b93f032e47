/**
 * Vietnam's international border gates with China and Laos and their provinces, so the repatriation
 * board can be filtered by province. The domain keeps the gate as free text (`Ma Lu Thang - Jinshuihe`);
 * the Vietnamese name is matched without diacritics or case. Unknown gates have no province.
 */
const GATES: ReadonlyArray<readonly [string, string]> = [
  ['mong cai', 'Quang Ninh'],
  ['bac luan', 'Quang Ninh'],
  ['huu nghi', 'Lang Son'],
  ['dong dang', 'Lang Son'],
  ['chi ma', 'Lang Son'],
  ['tra linh', 'Cao Bang'],
  ['ta lung', 'Cao Bang'],
  ['thanh thuy', 'Ha Giang'],
  ['lao cai', 'Lao Cai'],
  ['ma lu thang', 'Lai Chau'],
  ['tay trang', 'Dien Bien'],
  ['huoi puoc', 'Dien Bien'],
  ['pa hang', 'Son La'],
  ['chieng khuong', 'Son La'],
  ['na meo', 'Thanh Hoa'],
  ['nam can', 'Nghe An'],
  ['cau treo', 'Ha Tinh'],
  ['cha lo', 'Quang Binh'],
  ['lao bao', 'Quang Tri'],
  ['la lay', 'Quang Tri'],
  ['nam giang', 'Quang Nam'],
  ['bo y', 'Kon Tum'],
];

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

export function provinceOfGate(gate: string | undefined): string | null {
  if (!gate) return null;
  const name = plain(gate);
  return GATES.find(([key]) => name.includes(key))?.[1] ?? null;
}
