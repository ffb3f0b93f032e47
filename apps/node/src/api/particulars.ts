/**
 * Personal particulars of victims, children and suspects are withheld from API answers unless asked for,
 * and every showing is recorded in the audit trail. A particulars record is recognised by its shape
 * (a `name` with `original` or `romanised`), so new processes are covered without a list of fields.
 */
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
      Object.entries(value).map(([key, item]) => [
        key,
        withholdParticulars(item, found, path ? `${path}.${key}` : key),
      ]),
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
