/**
 * The one masking rule (docs/confidentiality.md): what a view or a replay withholds is what the
 * particulars rule (libs/domain/src/shared/particulars.ts) names, whether stored sealed or met in plain
 * (a state opened for an authorised view, a store written before sealing). The node's API, the console
 * and the auditor's replay all mask with it. What was masked is listed by path, never by value.
 */
import { isParticularField, isPersonRecord } from '@xb/domain';
import { ERASED, isSealed } from './particulars-codec';

export const WITHHELD = '[withheld]';

export interface Masked<T> {
  readonly value: T;
  /** Paths of the values withheld, e.g. `victim`, `children[0].person`, `details`. */
  readonly paths: readonly string[];
  /** Paths of the particulars erased (their key destroyed), shown as ERASED. */
  readonly erased: readonly string[];
}

/** Whether `value` is a particular wherever it sits (a person record, plain or sealed). */
const isParticularValue = (value: unknown): boolean => isPersonRecord(value) || isSealed(value);

/**
 * `value` with every particular withheld; a sealed one whose key is in `erasedKeys` (the key ids of the
 * trail's AuditParticularsErased events) reads ERASED instead and is listed apart.
 */
export function maskParticulars<T>(
  value: T,
  withheld: string = WITHHELD,
  erasedKeys: ReadonlySet<string> = new Set(),
): Masked<T> {
  const paths: string[] = [];
  const erased: string[] = [];
  const hide = (node: unknown, path: string): string => {
    if (isSealed(node) && erasedKeys.has(node.$sealed)) {
      erased.push(path);
      return ERASED;
    }
    paths.push(path);
    return withheld;
  };
  const walk = (node: unknown, path: string): unknown => {
    if (isParticularValue(node)) return hide(node, path || '(root)');
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        if (isParticularField(key, child) || isSealed(child)) return [key, hide(child, at)];
        return [key, walk(child, at)];
      }),
    );
  };
  return { value: walk(value, '') as T, paths, erased };
}

/** The paths of the particulars in `value` (what an unmasked view shows), without keeping the copy. */
export const particularsPaths = (value: unknown): readonly string[] => maskParticulars(value).paths;
