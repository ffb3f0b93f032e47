import { CaseProjection } from '../projector';
import { withReportFacts } from '../report/facts-projection';
import { jointOperationProjection } from './joint-operation';
import { noticeProjection } from './notice';
import { repatriationProjection } from './repatriation';
import { suspectHandoverProjection } from './suspect-handover';
import { verificationProjection } from './verification';

export { canonicalProvince, provinceOfGate } from './border-gates';

/** Every read model of the node, one per process, each also keeping the facts the reports count. */
export const ALL_PROJECTIONS: readonly CaseProjection[] = [
  verificationProjection,
  repatriationProjection,
  suspectHandoverProjection,
  jointOperationProjection,
  noticeProjection,
].map((projection: CaseProjection) => withReportFacts(projection));
