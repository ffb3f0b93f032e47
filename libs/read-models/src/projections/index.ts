import {
  jointOperationDecider,
  liaisonMeetingDecider,
  missionDecider,
  noticeDecider,
  processDecider,
  repatriationDecider,
  suspectHandoverDecider,
  verificationDecider,
} from '@xb/domain';
import { caseProjection } from './case-projection';
import { liaisonMeetingRows, missionRows } from './cooperation';
import { jointOperationRows } from './joint-operation';
import { noticeRows } from './notice';
import { repatriationRows } from './repatriation';
import { suspectHandoverRows } from './suspect-handover';
import { verificationRows } from './verification';
import { CaseProjection } from '../projector';
import { withReportFacts } from '../report/facts-projection';

export { canonicalProvince, provinceOfGate } from './border-gates';
export { caseProjection, type RowWriter } from './case-projection';

// Every projection also keeps the facts the periodic reports count, in the same transaction as its rows.
export const verificationProjection = withReportFacts(
  caseProjection(processDecider(verificationDecider), verificationRows),
);
export const repatriationProjection = withReportFacts(
  caseProjection(processDecider(repatriationDecider), repatriationRows),
);
export const suspectHandoverProjection = withReportFacts(
  caseProjection(processDecider(suspectHandoverDecider), suspectHandoverRows),
);
export const jointOperationProjection = withReportFacts(
  caseProjection(processDecider(jointOperationDecider), jointOperationRows),
);
export const noticeProjection = withReportFacts(caseProjection(processDecider(noticeDecider), noticeRows));
export const liaisonMeetingProjection = withReportFacts(
  caseProjection(processDecider(liaisonMeetingDecider), liaisonMeetingRows),
);
export const missionProjection = withReportFacts(caseProjection(processDecider(missionDecider), missionRows));

/** Every read model of the node, one per process, each also keeping the facts the reports count. */
export const ALL_PROJECTIONS: readonly CaseProjection[] = [
  verificationProjection,
  repatriationProjection,
  suspectHandoverProjection,
  jointOperationProjection,
  noticeProjection,
  liaisonMeetingProjection,
  missionProjection,
];
