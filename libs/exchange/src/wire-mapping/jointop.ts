/** Joint crackdown period ↔ `joint_operation.proto` (proposal, agreement, case links, result report). */
import {
  JointOperationAgreed,
  JointOperationCaseLinked,
  JointOperationDeclined,
  JointOperationClosed,
  JointOperationProposed,
  JointOperationTerms,
  LinkableProcess,
  OutboundKind,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { calendarDateOf, deadlineOf, enumMap, isoDateOf, text, timestampOf } from './convert';
import { InboundContext, InboundMapping, OutboundMapper } from './types';

const termsToWire = (terms: JointOperationTerms): v1.JointOperationTerms.$Properties => ({
  name: terms.name,
  startsOn: calendarDateOf(terms.startDate),
  endsOn: calendarDateOf(terms.endDate),
  units: terms.units.map((unit) => ({ agencyId: unit.agencyId, unitName: unit.name })),
  targets: [...terms.targets],
});

const termsFromWire = (terms: v1.JointOperationTerms.$Properties) => ({
  name: terms.name,
  startDate: isoDateOf(terms.startsOn) ?? '',
  endDate: isoDateOf(terms.endsOn) ?? '',
  units: (terms.units ?? []).map((unit) => ({ agencyId: unit.agencyId, name: unit.unitName ?? '' })),
  targets: [...(terms.targets ?? [])],
});

/** CASE_KIND_CRIMINAL_CASE has no process here: refused inbound (see `caseLinked`). */
const CASE_KIND = enumMap<LinkableProcess>({
  verification: v1.CaseKind.CASE_KIND_VERIFICATION,
  repatriation: v1.CaseKind.CASE_KIND_REPATRIATION,
  handover: v1.CaseKind.CASE_KIND_SUSPECT_HANDOVER,
  notice: v1.CaseKind.CASE_KIND_INFORMATION_NOTICE,
});

export const JOINTOP_OUTBOUND: Partial<Record<OutboundKind, OutboundMapper>> = {
  JointOperationProposal: (event) => {
    const { terms, deadline } = (event as JointOperationProposed).data;
    return {
      payloadType: 'xborder.v1.JointOperationProposal',
      payload: { terms: termsToWire(terms), respondBy: timestampOf(deadline) },
    };
  },
  JointOperationAgreement: (event) =>
    event.type === 'JointOperationAgreed'
      ? {
          payloadType: 'xborder.v1.JointOperationAgreement',
          payload: { terms: termsToWire((event as JointOperationAgreed).data.terms) },
        }
      : {
          payloadType: 'xborder.v1.JointOperationDeclined',
          payload: { reason: (event as JointOperationDeclined).data.reason },
        },
  /** A notice link uses CASE_KIND_INFORMATION_NOTICE (schema version 2; older receivers refuse it). */
  JointOperationCaseLink: (event) => {
    const { process, linkedCaseId } = (event as JointOperationCaseLinked).data;
    return {
      payloadType: 'xborder.v1.JointOperationCaseLinked',
      payload: { caseKind: CASE_KIND.toWire(process), caseId: linkedCaseId },
    };
  },
  JointOperationReport: (event) => {
    const { report } = (event as JointOperationClosed).data;
    return {
      payloadType: 'xborder.v1.JointOperationResultReport',
      payload: {
        results: {
          casesDetected: report.casesInvestigated,
          suspectsArrested: report.suspectsArrested,
          victimsRescued: report.victimsRescued,
        },
        assessment: report.summary,
      },
    };
  },
};

const proposal = (message: v1.JointOperationProposal, context: InboundContext): InboundMapping =>
  message.terms
    ? {
        kind: 'JointOperationProposal',
        data: {
          caseId: context.caseId,
          terms: termsFromWire(message.terms),
          deadline: deadlineOf(message.respondBy, context.now, context.policy.jointOperationAnswerWithinMs),
        },
      }
    : { invalid: 'terms' };

const agreement = (message: v1.JointOperationAgreement): InboundMapping =>
  message.terms
    ? { kind: 'JointOperationAgreement', data: { decision: 'agreed', terms: termsFromWire(message.terms) } }
    : { invalid: 'terms' };

const declined = (message: v1.JointOperationDeclined): InboundMapping => ({
  kind: 'JointOperationAgreement',
  data: { decision: 'declined', reason: message.reason },
});

const caseLinked = (message: v1.JointOperationCaseLinked): InboundMapping => {
  const process = CASE_KIND.fromWire(message.caseKind);
  if (!process) return { invalid: 'case_kind (no process here for this kind of case)' };
  const linkedCaseId = text(message.caseId);
  if (!linkedCaseId) return { invalid: 'case_id' };
  return { kind: 'JointOperationCaseLink', data: { process, linkedCaseId } };
};

const report = (message: v1.JointOperationResultReport): InboundMapping => {
  const results = message.results;
  if (!results) return { invalid: 'results' };
  return {
    kind: 'JointOperationReport',
    data: {
      report: {
        summary: message.assessment,
        victimsRescued: results.victimsRescued ?? 0,
        suspectsArrested: results.suspectsArrested ?? 0,
        casesInvestigated: results.casesDetected ?? 0,
      },
    },
  };
};

export const JOINTOP_INBOUND = {
  'xborder.v1.JointOperationProposal': proposal,
  'xborder.v1.JointOperationAgreement': agreement,
  'xborder.v1.JointOperationDeclined': declined,
  'xborder.v1.JointOperationCaseLinked': caseLinked,
  'xborder.v1.JointOperationResultReport': report,
} as const;
