/**
 * Personal particulars of victims, children and suspects are withheld from API answers unless asked for,
 * and every showing is recorded in the audit trail. A particulars record is recognised by its shape
 * (a `name` with `original` or `romanised`), so new processes are covered without a list of fields.
 * Phone numbers a family gave for a missing person lie outside her particulars record (they are the
 * request's, not the person's): a `phoneNumbers` list is withheld the same way.
 */
const PARTICULARS_LISTS = new Set(['phoneNumbers']);
const isParticulars = (value: unknown): value is { name: unknown } => {
  if (typeof value !== 'object' || value === null || !('name' in value)) return false;
  const name = (value as { name: unknown }).name;
  return typeof name === 'object' && name !== null && ('original' in name || 'romanised' in name);
};

export const WITHHELD = '[withheld: ask with ?particulars=true, which is recorded]';

/** A copy of `value` with every particulars record replaced; `found` gets the path of each one. */
export function withholdParticulars(value: unknown, found: string[] = [], path = ''): unknown {
  if (isParticulars(value)) {
    found.push(path || '(root)');
    return WITHHELD;
  }
  if (Array.isArray(value)) return value.map((item, i) => withholdParticulars(item, found, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const at = path ? `${path}.${key}` : key;
        if (PARTICULARS_LISTS.has(key) && Array.isArray(item) && item.length > 0) {
          found.push(at);
          return [key, WITHHELD];
        }
        return [key, withholdParticulars(item, found, at)];
      }),
    );
  }
  return value;
}

/** The paths of the particulars records in `value` (what a view shows), without copying it. */
export function particularsPaths(value: unknown): string[] {
  const found: string[] = [];
  withholdParticulars(value, found);
  return found;
}
