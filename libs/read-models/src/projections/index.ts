import {
  jointOperationDecider,
  locateRescueDecider,
  liaisonMeetingDecider,
  missionDecider,
  noticeDecider,
  processDecider,
  repatriationDecider,
  suspectHandoverDecider,
  verificationDecider,
  wantedPersonDecider,
} from '@xb/domain';
import { caseProjection } from './case-projection';
import { liaisonMeetingRows, missionRows } from './cooperation';
import { jointOperationRows } from './joint-operation';
import { inboundMessageProjection, outboundMessageProjection, refusedEnvelopeProjection } from './messages';
import { locateRescueRows } from './locate-rescue';
import { noticeRows } from './notice';
import { repatriationRows } from './repatriation';
import { suspectHandoverRows } from './suspect-handover';
import { verificationRows } from './verification';
import { wantedPersonRows } from './wanted-person';
import { CaseProjection } from '../projector';
import { deadlineEscalationProjection } from '../escalation';
import { receivedErasureNoticeProjection } from '../erasure-notices';
import { withReportFacts } from '../report/facts-projection';

export { canonicalProvince, provinceOfGate } from './border-gates';
export { caseProjection, type RowWriter } from './case-projection';
export {
  inboundMessageProjection,
  outboundMessageProjection,
  refusedEnvelopeProjection,
  refusedRowId,
} from './messages';

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
export const locateRescueProjection = withReportFacts(
  caseProjection(processDecider(locateRescueDecider), locateRescueRows),
);
export const wantedPersonProjection = withReportFacts(
  caseProjection(processDecider(wantedPersonDecider), wantedPersonRows),
);
export const liaisonMeetingProjection = withReportFacts(
  caseProjection(processDecider(liaisonMeetingDecider), liaisonMeetingRows),
);
export const missionProjection = withReportFacts(caseProjection(processDecider(missionDecider), missionRows));

/**
 * Every read model of the node: one per process, each also keeping the facts the reports count, the
 * messages in and out, the escalated deadlines and the counterparts' erasure notices received.
 */
export const ALL_PROJECTIONS: readonly CaseProjection[] = [
  verificationProjection,
  repatriationProjection,
  suspectHandoverProjection,
  jointOperationProjection,
  noticeProjection,
  outboundMessageProjection,
  inboundMessageProjection,
  refusedEnvelopeProjection,
  locateRescueProjection,
  wantedPersonProjection,
  liaisonMeetingProjection,
  missionProjection,
  deadlineEscalationProjection,
  receivedErasureNoticeProjection,
];
