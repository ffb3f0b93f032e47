/**
 * Locate and rescue ↔ `locate_rescue.proto` (request, acknowledgement, progress, outcome, link to the
 * verification or repatriation case the rescue led to).
 */
import { PhotoDigest, RescueFollowOnProcess } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { calendarDateOf, compact, enumMap, isoDateOf, isoOf, text, timestampOf } from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { WireTable } from './types';

/** The missing person's wire id when her particulars carry none (the same person once rescued). */
const missingId = (caseId: string) => personIdOf(caseId, 'missing');

export const photosToWire = (photos: readonly PhotoDigest[]): v1.IPhotoDigest[] =>
  photos.map((photo) => ({
    sha256: Uint8Array.from(Buffer.from(photo.sha256, 'hex')),
    mediaType: photo.mediaType,
  }));

export const photosFromWire = (photos: v1.IPhotoDigest[] | null | undefined): PhotoDigest[] =>
  (photos ?? []).map((photo) => ({
    sha256: Buffer.from(photo.sha256 ?? []).toString('hex'),
    mediaType: photo.mediaType ?? '',
  }));

/** The follow-on process of a link, both processes' links (rescue and wanted person). */
export const FOLLOW_ON_KIND = enumMap<RescueFollowOnProcess | 'handover'>({
  verification: v1.FollowOnCaseKind.FOLLOW_ON_CASE_KIND_VERIFICATION,
  repatriation: v1.FollowOnCaseKind.FOLLOW_ON_CASE_KIND_REPATRIATION,
  handover: v1.FollowOnCaseKind.FOLLOW_ON_CASE_KIND_SUSPECT_HANDOVER,
});

const RESULT = v1.LocateRescueResult;

export const RESCUE_WIRE: Pick<
  WireTable,
  | 'LocateRescueRequest'
  | 'LocateRescueAcknowledgement'
  | 'LocateRescueProgress'
  | 'LocateRescueOutcome'
  | 'LocateRescueCaseLink'
> = {
  LocateRescueRequest: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.LocateRescueRequest',
      payload: compact({
        missingPerson: personToWire(
          data.missingPerson,
          missingId(context.caseId),
          countryOf(data.requestingAgency),
        ),
        lastContact: compact({
          date: calendarDateOf(data.lastContact.date),
          place: data.lastContact.place,
          means: data.lastContact.means,
        }),
        phoneNumbers: [...data.phoneNumbers],
        suspectedPlace: data.suspectedPlace,
        photos: photosToWire(data.photos),
        circumstances: data.circumstances,
        respondBy: timestampOf(data.deadline),
      }),
    }),
    fromWire: {
      'xborder.v1.LocateRescueRequest': (message, context) => {
        const { missingPerson, lastContact } = message;
        if (!missingPerson || !lastContact)
          return { invalid: missingPerson ? 'last_contact' : 'missing_person' };
        const deadline = isoOf(message.respondBy);
        if (!deadline) return { invalid: 'respond_by' };
        return {
          ...compact({
            caseId: context.caseId,
            missingPerson: personFromWire(missingPerson, {
              personId: missingId(context.caseId),
              addressCountry: countryOf(context.header.sender),
            }),
            lastContact: compact({
              date: isoDateOf(lastContact.date) ?? '',
              place: lastContact.place ?? '',
              means: text(lastContact.means),
            }),
            suspectedPlace: text(message.suspectedPlace),
            circumstances: message.circumstances ?? '',
            deadline,
          }),
          // Lists stay, even empty: the domain records that none were given.
          phoneNumbers: [...(message.phoneNumbers ?? [])],
          photos: photosFromWire(message.photos),
        };
      },
    },
  },
  LocateRescueAcknowledgement: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LocateRescueAcknowledgement',
      payload: compact({ assignedUnit: data.assignedUnit, remarks: data.note }),
    }),
    fromWire: {
      'xborder.v1.LocateRescueAcknowledgement': (message) =>
        compact({ assignedUnit: text(message.assignedUnit), note: text(message.remarks) }),
    },
  },
  LocateRescueProgress: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LocateRescueProgress',
      payload: { summary: data.summary },
    }),
    fromWire: { 'xborder.v1.LocateRescueProgress': (message) => ({ summary: message.summary }) },
  },
  LocateRescueOutcome: {
    toWire: ({ data }, context) => {
      switch (data.outcome) {
        case 'located':
          return {
            payloadType: 'xborder.v1.LocateRescueOutcome',
            payload: compact({
              result: RESULT.LOCATE_RESCUE_RESULT_LOCATED,
              at: timestampOf(data.at),
              place: data.place,
              remarks: data.note,
            }),
          };
        case 'rescued':
          return {
            payloadType: 'xborder.v1.LocateRescueOutcome',
            payload: compact({
              result: RESULT.LOCATE_RESCUE_RESULT_RESCUED,
              at: timestampOf(data.at),
              place: data.place,
              person: personToWire(data.person, missingId(context.caseId), countryOf(context.counterpart)),
              heldAt: data.heldAt,
              remarks: data.note,
            }),
          };
        case 'not_found':
          return {
            payloadType: 'xborder.v1.LocateRescueOutcome',
            payload: { result: RESULT.LOCATE_RESCUE_RESULT_NOT_FOUND, remarks: data.note },
          };
      }
    },
    fromWire: {
      'xborder.v1.LocateRescueOutcome': (message, context) => {
        if (message.result === RESULT.LOCATE_RESCUE_RESULT_NOT_FOUND)
          return { outcome: 'not_found', note: message.remarks ?? '' };
        const at = isoOf(message.at);
        if (!at) return { invalid: 'at' };
        const common = { at, place: message.place ?? '', note: text(message.remarks) };
        if (message.result === RESULT.LOCATE_RESCUE_RESULT_LOCATED)
          return compact({ outcome: 'located' as const, ...common });
        if (message.result !== RESULT.LOCATE_RESCUE_RESULT_RESCUED) return { invalid: 'result' };
        if (!message.person) return { invalid: 'person' };
        return compact({
          outcome: 'rescued' as const,
          ...common,
          person: personFromWire(message.person, {
            personId: missingId(context.caseId),
            addressCountry: countryOf(context.header.recipient),
          }),
          heldAt: text(message.heldAt),
        });
      },
    },
  },
  LocateRescueCaseLink: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LocateRescueCaseLinked',
      payload: { caseKind: FOLLOW_ON_KIND.toWire(data.process), caseId: data.linkedCaseId },
    }),
    fromWire: {
      'xborder.v1.LocateRescueCaseLinked': (message) => {
        const process = FOLLOW_ON_KIND.fromWire(message.caseKind);
        if (process !== 'verification' && process !== 'repatriation')
          return { invalid: 'case_kind (a rescue leads into a verification or a repatriation)' };
        return { process, linkedCaseId: message.caseId };
      },
    },
  },
};
