import { jointOperationProjection } from './joint-operation';
import { noticeProjection } from './notice';
import { repatriationProjection } from './repatriation';
import { suspectHandoverProjection } from './suspect-handover';
import { verificationProjection } from './verification';

export { canonicalProvince, provinceOfGate } from './border-gates';

/** Every read model of the node, one per process. */
export const ALL_PROJECTIONS = [
  verificationProjection,
  repatriationProjection,
  suspectHandoverProjection,
  jointOperationProjection,
  noticeProjection,
] as const;
