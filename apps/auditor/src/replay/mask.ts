/**
 * The replay masks with the one masking rule (libs/protection/src/mask.ts, over the particulars rule of
 * libs/domain/src/shared/particulars.ts), the same as the node's API and console.
 */
export { maskParticulars, WITHHELD, type Masked } from '@xb/protection';
