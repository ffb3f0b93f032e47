/** Liaison meetings ↔ `liaison_meeting.proto` (proposal, answer, held, minutes, action item done). */
import { ActionItem, MECHANISM_LEVELS, MEETING_KINDS } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { compact, isoOf, text, timestampOf, wordsOf } from './convert';
import { WireTable } from './types';

const MEETING_KIND = wordsOf(MEETING_KINDS, v1.MeetingKind, 'MEETING_KIND_');
const LEVEL = wordsOf(MECHANISM_LEVELS, v1.MechanismLevel, 'MECHANISM_LEVEL_');

const itemToWire = (item: ActionItem): v1.ILiaisonActionItem => ({
  number: item.number,
  description: item.description,
  ownerAgencyId: item.owner,
  dueBy: timestampOf(item.deadline),
});

const itemFromWire = (item: v1.ILiaisonActionItem): ActionItem => ({
  number: item.number ?? 0,
  description: item.description ?? '',
  owner: item.ownerAgencyId ?? '',
  deadline: isoOf(item.dueBy) ?? '',
});

export const LIAISON_WIRE: Pick<
  WireTable,
  | 'LiaisonMeetingProposal'
  | 'LiaisonMeetingAnswer'
  | 'LiaisonMeetingHeld'
  | 'LiaisonMeetingMinutes'
  | 'LiaisonActionItemDone'
> = {
  LiaisonMeetingProposal: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LiaisonMeetingProposal',
      payload: {
        kind: MEETING_KIND.toWire(data.kind),
        level: LEVEL.toWire(data.level),
        agenda: [...data.agenda],
        place: data.place,
        startsAt: timestampOf(data.startsAt),
        respondBy: timestampOf(data.deadline),
        hostAgencyId: data.host,
      },
    }),
    fromWire: {
      'xborder.v1.LiaisonMeetingProposal': (message, context) => {
        const kind = MEETING_KIND.fromWire(message.kind);
        const level = LEVEL.fromWire(message.level);
        if (!kind) return { invalid: 'kind' };
        if (!level) return { invalid: 'level' };
        return {
          caseId: context.caseId,
          kind,
          level,
          agenda: [...(message.agenda ?? [])],
          place: message.place ?? '',
          startsAt: isoOf(message.startsAt) ?? '',
          deadline: isoOf(message.respondBy) ?? '',
          host: message.hostAgencyId ?? '',
        };
      },
    },
  },
  LiaisonMeetingAnswer: {
    toWire: (event) =>
      event.type === 'LiaisonMeetingAgreed'
        ? {
            payloadType: 'xborder.v1.LiaisonMeetingAgreement',
            payload: { place: event.data.place, startsAt: timestampOf(event.data.startsAt) },
          }
        : {
            payloadType: 'xborder.v1.LiaisonMeetingCounterProposal',
            payload: compact({
              place: event.data.place,
              startsAt: timestampOf(event.data.startsAt),
              reason: event.data.reason,
              respondBy: timestampOf(event.data.deadline),
            }),
          },
    fromWire: {
      'xborder.v1.LiaisonMeetingAgreement': (message) => ({
        decision: 'agreed',
        place: message.place ?? '',
        startsAt: isoOf(message.startsAt) ?? '',
      }),
      'xborder.v1.LiaisonMeetingCounterProposal': (message) =>
        compact({
          decision: 'counter_proposed' as const,
          place: message.place ?? '',
          startsAt: isoOf(message.startsAt) ?? '',
          reason: text(message.reason),
          deadline: isoOf(message.respondBy) ?? '',
        }),
    },
  },
  LiaisonMeetingHeld: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LiaisonMeetingHeld',
      payload: compact({ heldAt: timestampOf(data.heldAt), attendees: [...data.attendees] }),
    }),
    fromWire: {
      'xborder.v1.LiaisonMeetingHeld': (message) => ({
        heldAt: isoOf(message.heldAt) ?? '',
        attendees: [...(message.attendees ?? [])],
      }),
    },
  },
  LiaisonMeetingMinutes: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LiaisonMeetingMinutes',
      payload: compact({
        summary: data.summary,
        actionItems: data.actionItems.map(itemToWire),
        minutesReference: data.minutesReference,
      }),
    }),
    fromWire: {
      'xborder.v1.LiaisonMeetingMinutes': (message) =>
        compact({
          summary: message.summary ?? '',
          actionItems: (message.actionItems ?? []).map(itemFromWire),
          minutesReference: text(message.minutesReference),
        }),
    },
  },
  LiaisonActionItemDone: {
    toWire: ({ data }) => ({
      payloadType: 'xborder.v1.LiaisonActionItemDone',
      payload: compact({ number: data.number, doneAt: timestampOf(data.doneAt), remarks: data.remarks }),
    }),
    fromWire: {
      'xborder.v1.LiaisonActionItemDone': (message) =>
        compact({
          number: message.number ?? 0,
          doneAt: isoOf(message.doneAt) ?? '',
          remarks: text(message.remarks),
        }),
    },
  },
};
