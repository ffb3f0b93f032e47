import {
  jointOperationDecider,
  noticeDecider,
  processDecider,
  repatriationDecider,
  suspectHandoverDecider,
  verificationDecider,
} from '@xb/domain';
import { caseProjection } from './case-projection';
import { jointOperationRows } from './joint-operation';
import { noticeRows } from './notice';
import { repatriationRows } from './repatriation';
import { suspectHandoverRows } from './suspect-handover';
import { verificationRows } from './verification';
import { CaseProjection } from '../projector';
import { withReportFacts } from '../report/facts-projection';

export { canonicalProvince, provinceOfGate } from './border-gates';
export { caseProjection, type RowWriter } from './case-projection';

export const verificationProjection = caseProjection(processDecider(verificationDecider), verificationRows);
export const repatriationProjection = caseProjection(processDecider(repatriationDecider), repatriationRows);
export const suspectHandoverProjection = caseProjection(
  processDecider(suspectHandoverDecider),
  suspectHandoverRows,
);
export const jointOperationProjection = caseProjection(
  processDecider(jointOperationDecider),
  jointOperationRows,
);
export const noticeProjection = caseProjection(processDecider(noticeDecider), noticeRows);

/** Every read model of the node, one per process, each also keeping the facts the reports count. */
export const ALL_PROJECTIONS: readonly CaseProjection[] = [
  verificationProjection,
  repatriationProjection,
  suspectHandoverProjection,
  jointOperationProjection,
  noticeProjection,
].map((projection: CaseProjection) => withReportFacts(projection));
