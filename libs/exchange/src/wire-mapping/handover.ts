/** Suspect hand-over ↔ `handover.proto` (request with warrant, decision, schedule, completion, cancellation). */
import {
  calendarDateOf,
  compact,
  countOf,
  deadlineOf,
  digestBytesOf,
  digestOf,
  isoDateOf,
  isoOf,
  text,
  timestampOf,
  unlessDefault,
} from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import {
  completionAnnexOf,
  completionToWire,
  decisionFromWire,
  decisionToWire,
  gateFromWire,
  gateToWire,
  scheduleFromWire,
  scheduleToWire,
} from './steps';
import { WireTable } from './types';

const suspectId = (caseId: string) => personIdOf(caseId, 'suspect');

export const HANDOVER_WIRE: Pick<
  WireTable,
  | 'SuspectHandoverRequest'
  | 'SuspectHandoverDecision'
  | 'SuspectHandoverScheduling'
  | 'SuspectHandoverCompleted'
  | 'SuspectHandoverCancellation'
> = {
  /**
   * The warrant as the domain records it (reference, issuing authority, date of issue, offences). A
   * request stored before the authority and date were recorded lacks them, while the contract
   * requires both: such an event is sent with the requesting agency as the authority and the date
   * the request was recorded as the date of issue (the latest date the warrant can bear).
   */
  SuspectHandoverRequest: {
    toWire: ({ data }, context) => {
      const annex = data.annex ?? {};
      return {
        payloadType: 'xborder.v1.SuspectHandoverRequest',
        payload: compact({
          suspect: personToWire(data.suspect, suspectId(context.caseId), countryOf(data.requestingAgency)),
          warrant: compact({
            issuingAuthority: data.warrantIssuedBy ?? data.requestingAgency,
            number: data.warrantReference,
            issuedOn: calendarDateOf(data.warrantIssuedOn ?? context.recordedAt.slice(0, 10)),
            offence: data.offences,
            documentSha256: annex.warrantDocumentDigest
              ? digestBytesOf(annex.warrantDocumentDigest)
              : undefined,
          }),
          locatedAt: annex.locatedAt,
          proposedGate: annex.proposedGate && gateToWire(annex.proposedGate),
          verificationCaseId: annex.verificationCaseId,
          fileReference: annex.fileReference,
          remarks: annex.remarks,
          respondBy: timestampOf(data.deadline),
        }),
      };
    },
    fromWire: {
      'xborder.v1.SuspectHandoverRequest': (message, context) => {
        const { suspect, warrant } = message;
        if (!suspect || !warrant) return { invalid: suspect ? 'warrant' : 'suspect' };
        return {
          caseId: context.caseId,
          // The requester sends the address country of its own side when the address names none.
          suspect: personFromWire(suspect, {
            personId: suspectId(context.caseId),
            addressCountry: countryOf(context.header.sender),
          }),
          warrantReference: warrant.number ?? '',
          warrantIssuedBy: warrant.issuingAuthority ?? '',
          warrantIssuedOn: isoDateOf(warrant.issuedOn) ?? '',
          offences: warrant.offence ?? '',
          deadline: deadlineOf(
            message.respondBy,
            context.now,
            context.policy.suspectHandoverDecisionWithinMs,
          ),
          annex: compact({
            warrantDocumentDigest: digestOf(warrant.documentSha256),
            locatedAt: text(message.locatedAt),
            proposedGate: gateFromWire(message.proposedGate),
            verificationCaseId: text(message.verificationCaseId),
            fileReference: text(message.fileReference),
            remarks: text(message.remarks),
          }),
        };
      },
    },
  },
  SuspectHandoverDecision: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.SuspectHandoverDecision',
      payload: decisionToWire(data),
    }),
    fromWire: {
      'xborder.v1.SuspectHandoverDecision': (message) => decisionFromWire(message) ?? { invalid: 'decision' },
    },
  },
  SuspectHandoverScheduling: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.SuspectHandoverScheduled',
      payload: scheduleToWire(data, context.gateUtcOffsetMinutes),
    }),
    fromWire: {
      'xborder.v1.SuspectHandoverScheduled': (message, context) =>
        scheduleFromWire(message, context.policy.gateUtcOffsetMinutes, context.header.sender) ?? {
          invalid: 'scheduled_at',
        },
    },
  },
  SuspectHandoverCompleted: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.SuspectHandoverDone',
      payload: compact({
        ...completionToWire(data.handedOverAt, data.annex),
        personId: data.annex?.personId ?? suspectId(context.caseId),
        exhibitsCount: data.annex?.exhibitsCount,
      }),
    }),
    fromWire: {
      'xborder.v1.SuspectHandoverDone': (message, context) => {
        const handedOverAt = isoOf(message.handedOverAt);
        if (!handedOverAt) return { invalid: 'handed_over_at' };
        const annex = compact({
          ...completionAnnexOf(message),
          personId: unlessDefault(text(message.personId), suspectId(context.caseId)),
          exhibitsCount: countOf(message.exhibitsCount),
        });
        return { handedOverAt, annex };
      },
    },
  },
  SuspectHandoverCancellation: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.SuspectHandoverCancellation',
      payload: { reason: data.reason },
    }),
    fromWire: { 'xborder.v1.SuspectHandoverCancellation': (message) => ({ reason: message.reason }) },
  },
};
