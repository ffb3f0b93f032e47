/**
 * Keyed blind indexes of names: a name is found by the HMAC-SHA-256 of its normalised form, so a read
 * model can be searched for a name without holding it. A module of its own so a person register can
 * index its names with the same function (and so find the same persons).
 */
import { createHmac } from 'node:crypto';

/**
 * The form a name is indexed under: no diacritics (đ/Đ as d), lower case, letters and digits only, single
 * spaces. `Nguyễn Thị  Lan` and `nguyen thi lan` index alike.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The blind index of a name (hex), or undefined for a name with nothing to index. */
export function blindIndex(key: Buffer, name: string): string | undefined {
  const normal = normaliseName(name);
  if (normal === '') return undefined;
  return createHmac('sha256', key).update(normal, 'utf8').digest('hex').slice(0, 32);
}
