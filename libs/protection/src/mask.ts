/**
 * The one masking rule (docs/confidentiality.md): what a view or a replay withholds is what the
 * particulars rule (libs/domain/src/shared/particulars.ts) names, whether stored sealed or met in plain
 * (a state opened for an authorised view, a store written before sealing). The node's API, the console
 * and the auditor's replay all mask with it. What was masked is listed by path, never by value.
 */
import { isParticularField, isPersonRecord } from '@xb/domain';
import { isSealed } from './particulars-codec';

export const WITHHELD = '[withheld]';

export interface Masked<T> {
  readonly value: T;
  /** Paths of the values withheld, e.g. `victim`, `children[0].person`, `details`. */
  readonly paths: readonly string[];
}

/** Whether `value` is a particular wherever it sits (a person record, plain or sealed). */
const isParticularValue = (value: unknown): boolean => isPersonRecord(value) || isSealed(value);

export function maskParticulars<T>(value: T, withheld: string = WITHHELD): Masked<T> {
  const paths: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (isParticularValue(node)) {
      paths.push(path || '(root)');
      return withheld;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        if (isParticularField(key, child) || isSealed(child)) {
          paths.push(at);
          return [key, withheld];
        }
        return [key, walk(child, at)];
      }),
    );
  };
  return { value: walk(value, '') as T, paths };
}

/** The paths of the particulars in `value` (what an unmasked view shows), without keeping the copy. */
export const particularsPaths = (value: unknown): readonly string[] => maskParticulars(value).paths;
