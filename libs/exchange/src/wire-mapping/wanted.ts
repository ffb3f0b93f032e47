/**
 * Wanted person ↔ `wanted_person.proto` (request under a warrant, acknowledgement, progress, outcome,
 * link to the suspect hand-over the arrest led to).
 */
import { v1 } from '@xb/envelope';
import {
  calendarDateOf,
  compact,
  digestBytesOf,
  digestOf,
  isoDateOf,
  isoOf,
  text,
  timestampOf,
} from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { FOLLOW_ON_KIND, photosFromWire, photosToWire } from './rescue';
import { WireTable } from './types';

const suspectId = (caseId: string) => personIdOf(caseId, 'suspect');
const RESULT = v1.WantedPersonResult;

export const WANTED_WIRE: Pick<
  WireTable,
  | 'WantedPersonRequest'
  | 'WantedPersonAcknowledgement'
  | 'WantedPersonProgress'
  | 'WantedPersonOutcome'
  | 'WantedPersonCaseLink'
> = {
  WantedPersonRequest: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.WantedPersonRequest',
      payload: compact({
        suspect: personToWire(data.suspect, suspectId(context.caseId), countryOf(data.requestingAgency)),
        warrant: compact({
          issuingAuthority: data.warrantIssuedBy,
          number: data.warrantReference,
          issuedOn: calendarDateOf(data.warrantIssuedOn),
          offence: data.offences,
          documentSha256: data.warrantDocumentDigest ? digestBytesOf(data.warrantDocumentDigest) : undefined,
        }),
        lastKnownPlace: data.lastKnownPlace,
        photos: photosToWire(data.photos),
        respondBy: timestampOf(data.deadline),
      }),
    }),
    fromWire: {
      'xborder.v1.WantedPersonRequest': (message, context) => {
        const { suspect, warrant } = message;
        if (!suspect || !warrant) return { invalid: suspect ? 'warrant' : 'suspect' };
        const deadline = isoOf(message.respondBy);
        if (!deadline) return { invalid: 'respond_by' };
        return {
          ...compact({
            caseId: context.caseId,
            suspect: personFromWire(suspect, {
              personId: suspectId(context.caseId),
              addressCountry: countryOf(context.header.sender),
            }),
            warrantReference: warrant.number ?? '',
            warrantIssuedBy: warrant.issuingAuthority ?? '',
            warrantIssuedOn: isoDateOf(warrant.issuedOn) ?? '',
            offences: warrant.offence ?? '',
            warrantDocumentDigest: digestOf(warrant.documentSha256),
            lastKnownPlace: text(message.lastKnownPlace),
            deadline,
          }),
          // The list stays, even empty: the domain records that none were given.
          photos: photosFromWire(message.photos),
        };
      },
    },
  },
  WantedPersonAcknowledgement: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.WantedPersonAcknowledgement',
      payload: compact({ assignedUnit: data.assignedUnit, remarks: data.note }),
    }),
    fromWire: {
      'xborder.v1.WantedPersonAcknowledgement': (message) =>
        compact({ assignedUnit: text(message.assignedUnit), note: text(message.remarks) }),
    },
  },
  WantedPersonProgress: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.WantedPersonProgress',
      payload: { summary: data.summary },
    }),
    fromWire: { 'xborder.v1.WantedPersonProgress': (message) => ({ summary: message.summary }) },
  },
  WantedPersonOutcome: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.WantedPersonOutcome',
      payload:
        data.outcome === 'arrested'
          ? compact({
              result: RESULT.WANTED_PERSON_RESULT_ARRESTED,
              arrestedAt: timestampOf(data.at),
              place: data.place,
              heldAt: data.heldAt,
              remarks: data.note,
            })
          : { result: RESULT.WANTED_PERSON_RESULT_NOT_FOUND, remarks: data.note },
    }),
    fromWire: {
      'xborder.v1.WantedPersonOutcome': (message) => {
        if (message.result === RESULT.WANTED_PERSON_RESULT_NOT_FOUND)
          return { outcome: 'not_found', note: message.remarks ?? '' };
        if (message.result !== RESULT.WANTED_PERSON_RESULT_ARRESTED) return { invalid: 'result' };
        const at = isoOf(message.arrestedAt);
        if (!at) return { invalid: 'arrested_at' };
        return compact({
          outcome: 'arrested' as const,
          at,
          place: message.place ?? '',
          heldAt: text(message.heldAt),
          note: text(message.remarks),
        });
      },
    },
  },
  WantedPersonCaseLink: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.WantedPersonCaseLinked',
      payload: { caseKind: FOLLOW_ON_KIND.toWire(data.process), caseId: data.linkedCaseId },
    }),
    fromWire: {
      'xborder.v1.WantedPersonCaseLinked': (message) => {
        const process = FOLLOW_ON_KIND.fromWire(message.caseKind);
        if (process !== 'handover')
          return { invalid: 'case_kind (an arrest leads into a suspect hand-over)' };
        return { process, linkedCaseId: message.caseId };
      },
    },
  },
};
