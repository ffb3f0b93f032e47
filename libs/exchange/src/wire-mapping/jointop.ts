/** Joint crackdown period ↔ `joint_operation.proto` (proposal, agreement, case links, result report). */
import { JointOperationTerms, LinkableProcess } from '@xb/domain';
import { v1 } from '@xb/envelope';
import {
  calendarDateOf,
  compact,
  countOf,
  deadlineOf,
  enumMap,
  isoDateOf,
  listOf,
  text,
  timestampOf,
  wordListOf,
} from './convert';
import { WireTable } from './types';
import { TRAFFICKING_FORM } from './verification';

const termsToWire = (terms: JointOperationTerms): v1.IJointOperationTerms =>
  compact({
    name: terms.name,
    startsOn: calendarDateOf(terms.startDate),
    endsOn: calendarDateOf(terms.endDate),
    units: terms.units.map((unit) =>
      compact({ agencyId: unit.agencyId, unitName: unit.name, role: unit.role }),
    ),
    targets: [...terms.targets],
    areas: terms.areas && [...terms.areas],
    forms: terms.forms?.map(TRAFFICKING_FORM.toWire),
  });

const termsFromWire = (terms: v1.IJointOperationTerms): JointOperationTerms => ({
  name: terms.name ?? '',
  startDate: isoDateOf(terms.startsOn) ?? '',
  endDate: isoDateOf(terms.endsOn) ?? '',
  units: (terms.units ?? []).map((unit) =>
    compact({ agencyId: unit.agencyId ?? '', name: unit.unitName ?? '', role: text(unit.role) }),
  ),
  targets: [...(terms.targets ?? [])],
  ...compact({ areas: listOf(terms.areas), forms: listOf(wordListOf(TRAFFICKING_FORM, terms.forms)) }),
});

/** CASE_KIND_CRIMINAL_CASE has no process here: refused inbound (docs/protocol.md, section 5). */
const CASE_KIND = enumMap<LinkableProcess>({
  verification: v1.CaseKind.CASE_KIND_VERIFICATION,
  repatriation: v1.CaseKind.CASE_KIND_REPATRIATION,
  handover: v1.CaseKind.CASE_KIND_SUSPECT_HANDOVER,
  notice: v1.CaseKind.CASE_KIND_INFORMATION_NOTICE,
});

export const JOINTOP_WIRE: Pick<
  WireTable,
  'JointOperationProposal' | 'JointOperationAgreement' | 'JointOperationCaseLink' | 'JointOperationReport'
> = {
  JointOperationProposal: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.JointOperationProposal',
      payload: compact({
        terms: termsToWire(data.terms),
        remarks: data.annex?.remarks,
        respondBy: timestampOf(data.deadline),
      }),
    }),
    fromWire: {
      'xborder.v1.JointOperationProposal': (message, context) =>
        message.terms
          ? {
              caseId: context.caseId,
              terms: termsFromWire(message.terms),
              deadline: deadlineOf(
                message.respondBy,
                context.now,
                context.policy.jointOperationAnswerWithinMs,
              ),
              annex: compact({ remarks: text(message.remarks) }),
            }
          : { invalid: 'terms' },
    },
  },
  JointOperationAgreement: {
    toWire: (event) =>
      event.type === 'JointOperationAgreed'
        ? {
            payloadType: 'xborder.v1.JointOperationAgreement',
            payload: compact({
              terms: termsToWire(event.data.terms),
              minutesReference: event.data.annex?.minutesReference,
            }),
          }
        : { payloadType: 'xborder.v1.JointOperationDeclined', payload: { reason: event.data.reason } },
    fromWire: {
      'xborder.v1.JointOperationAgreement': (message) =>
        message.terms
          ? {
              decision: 'agreed',
              terms: termsFromWire(message.terms),
              annex: compact({ minutesReference: text(message.minutesReference) }),
            }
          : { invalid: 'terms' },
      'xborder.v1.JointOperationDeclined': (message) => ({ decision: 'declined', reason: message.reason }),
    },
  },
  /** A notice link uses CASE_KIND_INFORMATION_NOTICE (schema version 2; older receivers refuse it). */
  JointOperationCaseLink: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.JointOperationCaseLinked',
      payload: compact({
        caseKind: CASE_KIND.toWire(data.process),
        caseId: data.linkedCaseId,
        fileReference: data.annex?.fileReference,
        summary: data.annex?.summary,
      }),
    }),
    fromWire: {
      'xborder.v1.JointOperationCaseLinked': (message) => {
        const process = CASE_KIND.fromWire(message.caseKind);
        if (!process) return { invalid: 'case_kind (no process here for this kind of case)' };
        const linkedCaseId = text(message.caseId);
        if (!linkedCaseId) return { invalid: 'case_id' };
        const annex = compact({ fileReference: text(message.fileReference), summary: text(message.summary) });
        return { process, linkedCaseId, annex };
      },
    },
  },
  JointOperationReport: {
    toWire: ({ data }) => {
      const { report, annex } = data;
      return {
        payloadType: 'xborder.v1.JointOperationResultReport',
        payload: compact({
          results: compact({
            casesDetected: report.casesInvestigated,
            suspectsArrested: report.suspectsArrested,
            suspectsHandedOver: report.suspectsHandedOver,
            victimsRescued: report.victimsRescued,
            victimsRepatriated: report.victimsRepatriated,
            childVictims: report.childVictims,
          }),
          linkedCaseIds: annex?.linkedCaseIds && [...annex.linkedCaseIds],
          assessment: report.summary,
          proposals: annex?.proposals,
        }),
      };
    },
    fromWire: {
      'xborder.v1.JointOperationResultReport': (message) => {
        const results = message.results;
        if (!results) return { invalid: 'results' };
        return {
          report: compact({
            summary: message.assessment,
            victimsRescued: results.victimsRescued ?? 0,
            suspectsArrested: results.suspectsArrested ?? 0,
            casesInvestigated: results.casesDetected ?? 0,
            suspectsHandedOver: countOf(results.suspectsHandedOver),
            victimsRepatriated: countOf(results.victimsRepatriated),
            childVictims: countOf(results.childVictims),
          }),
          annex: compact({
            linkedCaseIds: listOf(message.linkedCaseIds),
            proposals: text(message.proposals),
          }),
        };
      },
    },
  },
};
