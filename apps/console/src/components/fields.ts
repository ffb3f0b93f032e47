/**
 * A command's form is built from the example body that the API's route table gives for it: every leaf
 * of the example becomes an input of the kind its value shows. A new process gets its forms this way.
 */
export type FieldKind =
  'text' | 'long-text' | 'number' | 'boolean' | 'date' | 'date-time' | 'time' | 'lines' | 'json';

export interface FieldSpec {
  /** Dotted path in the body, e.g. `subject.person.name.original`. */
  readonly path: string;
  readonly name: string;
  readonly kind: FieldKind;
  readonly example: unknown;
}

export interface GroupSpec {
  readonly path: string;
  readonly name: string;
  readonly children: readonly (FieldSpec | GroupSpec)[];
}

export const isGroup = (spec: FieldSpec | GroupSpec): spec is GroupSpec => 'children' in spec;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function kindOf(value: unknown): FieldKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? 'lines' : 'json';
  if (typeof value === 'string') {
    if (ISO_DATE_TIME.test(value)) return 'date-time';
    if (ISO_DATE.test(value)) return 'date';
    if (TIME.test(value)) return 'time';
    return value.length > 60 ? 'long-text' : 'text';
  }
  return 'json';
}

export function specOf(example: Record<string, unknown>, prefix = ''): (FieldSpec | GroupSpec)[] {
  return Object.entries(example).map(([name, value]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return { path, name, children: specOf(value as Record<string, unknown>, path) };
    return { path, name, kind: kindOf(value), example: value };
  });
}

export const leaves = (specs: readonly (FieldSpec | GroupSpec)[]): FieldSpec[] =>
  specs.flatMap((s) => (isGroup(s) ? leaves(s.children) : [s]));

/** The text an input shows for a value of the example (what "fill from the example" puts in). */
export function textOf(spec: FieldSpec, value: unknown, toZoned: (iso: string) => string): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'date-time') return toZoned(String(value));
  if (spec.kind === 'lines') return (value as string[]).join('\n');
  if (spec.kind === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: 'number' | 'json' };

/** An input's text as the body's value; empty inputs are left out of the body. */
export function valueOf(
  spec: FieldSpec,
  text: string,
  fromZoned: (local: string) => string,
): Parsed | undefined {
  if (spec.kind === 'boolean') return { ok: true, value: text === 'true' };
  if (text.trim() === '') return undefined;
  switch (spec.kind) {
    case 'number':
      return Number.isFinite(Number(text))
        ? { ok: true, value: Number(text) }
        : { ok: false, problem: 'number' };
    case 'date-time':
      return { ok: true, value: fromZoned(text) };
    case 'lines':
      return {
        ok: true,
        value: text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: false, problem: 'json' };
      }
    default:
      return { ok: true, value: text };
  }
}

/** Puts `value` at a dotted path of `body`, making the objects on the way. */
export function setPath(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

export function getPath(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}
