import { TEXT_LIMITS, textKindOf } from '@xb/domain';
import { contractTextFields } from '@xb/envelope';

/**
 * The contract's `(xborder.v1.max_length)` and the text rules every command passes (libs/domain text.ts)
 * are one rule told twice: a field the domain treats as a name or free text carries that bound on the
 * wire, and no field carries a bound the domain does not know.
 */
describe('text bounds: contract and command boundary agree', () => {
  const fields = contractTextFields();

  it('finds the contract’s string fields', () => {
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.filter((f) => f.maxLength > 0).length).toBeGreaterThan(20);
  });

  it.each(fields.map((f) => [`${f.message}.${f.field}`, f] as const))('%s', (_, field) => {
    const kind = textKindOf(field.field);
    expect(field.maxLength).toBe(kind === 'other' ? 0 : TEXT_LIMITS[kind]);
  });
});
