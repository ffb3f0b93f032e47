import type { TFunction } from 'i18next';

/** A field's or column's label: its translation, else its name made readable (`borderGate` → `Border gate`). */
export function labelOf(t: TFunction, name: string): string {
  const readable = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return t(`field.${name}`, { defaultValue: readable.charAt(0).toUpperCase() + readable.slice(1) });
}

/** A status or other code value: its translation, else the code made readable. */
export function codeLabel(t: TFunction, group: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value);
  return t(`${group}.${text}`, { defaultValue: text.replace(/_/g, ' ') });
}
