/**
 * Masks personal particulars in a case state before it is shown: whole person records (victims,
 * children, suspects, verification subjects and findings) and the free-text fields that may describe a
 * person. What was masked is listed by path, never by value.
 */

/** Free-text fields of the processes' states that may hold particulars of a person. */
export const PARTICULAR_TEXT_FIELDS = ['details', 'circumstances', 'findings', 'information', 'content'];

export const WITHHELD = '[withheld]';

export interface Masked<T> {
  readonly value: T;
  /** Paths of the values withheld, e.g. `victim`, `children[0].person`, `details`. */
  readonly paths: readonly string[];
}

/** Recognises a PersonParticulars record by its shape (libs/domain/src/shared/person.ts). */
export const isPerson = (value: unknown): boolean => {
  const v = value as { name?: { original?: unknown; romanised?: unknown }; sex?: unknown } | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name?.original === 'string' &&
    typeof v.name?.romanised === 'string' &&
    typeof v.sex === 'string'
  );
};

export function maskParticulars<T>(value: T): Masked<T> {
  const paths: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (isPerson(node)) {
      paths.push(path);
      return WITHHELD;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        if (PARTICULAR_TEXT_FIELDS.includes(key) && typeof child === 'string') {
          paths.push(at);
          return [key, WITHHELD];
        }
        return [key, walk(child, at)];
      }),
    );
  };
  return { value: walk(value, '') as T, paths };
}
