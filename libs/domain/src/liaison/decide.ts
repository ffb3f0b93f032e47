import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  decideDelivery,
  inboundOf,
  instant,
  invalidTransition,
  isAgencyId,
  isIsoDateTime,
  isNonEmptyText,
  isUuid,
  messageMarker,
  notPermitted,
  Origin,
  outboundOf,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
} from '../shared';
import {
  LIAISON_MEETING_RULES,
  LiaisonMeetingCommand,
  LiaisonMeetingStepCommand,
  ProposeLiaisonMeeting,
  ReceiveLiaisonMeetingProposal,
  RecordLiaisonMeetingMinutes,
} from './commands';
import { ActionItem, LiaisonMeetingEvent, MECHANISM_LEVELS, MEETING_KINDS } from './events';
import { LiaisonMeeting, LiaisonMeetingState } from './state';

export * from './commands';

type Decision = readonly LiaisonMeetingEvent[] | DomainError;

const text = (value: unknown, max = 2000) => isNonEmptyText(value, max);
const optionalText = (value: unknown, max = 10_000) => value === undefined || text(value, max);
/** A date-time that, for a local command, lies ahead of `now`. */
const ahead = (value: unknown, now: string | undefined) =>
  isIsoDateTime(value) && (now === undefined || instant(value) > instant(now));

const openProblems = (
  data: ProposeLiaisonMeeting['data'] | ReceiveLiaisonMeetingProposal['data'],
  now: string | undefined,
): Problems =>
  problems({
    caseId: isUuid(data?.caseId),
    kind: MEETING_KINDS.includes(data?.kind),
    level: MECHANISM_LEVELS.includes(data?.level),
    agenda:
      Array.isArray(data?.agenda) && data.agenda.length > 0 && data.agenda.every((item) => text(item, 2000)),
    place: text(data?.place, 500),
    startsAt: ahead(data?.startsAt, now),
    // A local proposal wants the answer before the meeting; a counterpart's is taken as sent.
    deadline:
      ahead(data?.deadline, now) &&
      (now === undefined ||
        !isIsoDateTime(data?.startsAt) ||
        instant(data.deadline) <= instant(data.startsAt)),
  });

const open = (command: ProposeLiaisonMeeting | ReceiveLiaisonMeetingProposal): Decision => {
  const us = command.metadata.agencyId;
  const { caseId, kind, level, agenda, place, startsAt, deadline } = command.data ?? {};
  const content = { caseId, kind, level, agenda, place, startsAt, deadline };
  if (command.type === 'ReceiveLiaisonMeetingProposal') {
    const inbound = inboundOf(command);
    if (isDomainError(inbound)) return inbound;
    const host = command.data?.host;
    const invalid = refuseIf([
      ...openProblems(command.data, undefined),
      ...problems({ host: host === us || host === inbound.counterpart }),
    ]);
    if (invalid) return invalid;
    return [
      {
        type: 'LiaisonMeetingProposalReceived',
        data: { ...content, proposer: inbound.counterpart, partner: us, host, inbound },
      },
    ];
  }
  const { counterpart } = command.data ?? {};
  const host = command.data?.host ?? us;
  const invalid =
    refuseUnlessLocal(command) ??
    refuseIf([
      ...problems({
        counterpart: isAgencyId(counterpart) && counterpart !== us,
        host: host === us || host === counterpart,
      }),
      ...openProblems(command.data, command.metadata.now),
    ]);
  if (invalid) return invalid;
  const outbound = outboundOf(command, counterpart, 'LiaisonMeetingProposal');
  if (isDomainError(outbound)) return outbound;
  return [
    {
      type: 'LiaisonMeetingProposed',
      data: { ...content, proposer: us, partner: counterpart, host, outbound },
    },
  ];
};

/** The minutes' action items: numbered 1..n in order, each owned by one of the two sides. */
const itemProblems = (items: readonly ActionItem[] | undefined, state: LiaisonMeeting, local: boolean) => {
  if (items === undefined) return [];
  if (!Array.isArray(items)) return ['actionItems'];
  const sides = [state.proposer, state.partner];
  return items.flatMap((item, index) =>
    problems({
      number: item?.number === index + 1,
      description: text(item?.description, 10_000),
      owner: sides.includes(item?.owner),
      deadline:
        isIsoDateTime(item?.deadline) &&
        (!local || state.heldAt === undefined || instant(item.deadline) > instant(state.heldAt)),
    }).map((field) => `actionItems[${index}].${field}`),
  );
};

const minutes = (
  command: LiaisonMeetingStepCommand,
  data: RecordLiaisonMeetingMinutes['data'] | undefined,
  state: LiaisonMeeting,
  origin: Origin,
): Decision => {
  const local = 'local' in origin;
  const invalid = refuseIf([
    ...problems({
      summary: local ? text(data?.summary, 20_000) : typeof data?.summary === 'string',
      minutesReference: optionalText(data?.minutesReference, 200),
    }),
    ...itemProblems(data?.actionItems, state, local),
  ]);
  const marker = invalid ?? messageMarker(command, origin, state.counterpart, 'LiaisonMeetingMinutes');
  if (isDomainError(marker)) return marker;
  const actionItems = (data?.actionItems ?? []).map(({ number, description, owner, deadline }) => ({
    number,
    description,
    owner,
    deadline,
  }));
  const reference = data?.minutesReference === undefined ? {} : { minutesReference: data.minutesReference };
  return [
    {
      type: 'LiaisonMeetingMinutesRecorded',
      data: { summary: data!.summary, actionItems, ...reference, ...marker },
    },
  ];
};

const step = (command: LiaisonMeetingStepCommand, state: LiaisonMeeting, origin: Origin): Decision => {
  const acting = 'local' in origin ? state.ourSide : state.theirSide;
  const now = 'local' in origin ? command.metadata.now : undefined;
  switch (command.type) {
    case 'AgreeLiaisonMeeting':
    case 'CounterProposeLiaisonMeeting':
    case 'RecordLiaisonMeetingAnswer': {
      if (acting !== state.awaiting) {
        return notPermitted(
          `${command.type} is taken by the ${state.awaiting} side, which answers the last proposal`,
        );
      }
      const decision =
        command.type === 'AgreeLiaisonMeeting'
          ? 'agreed'
          : command.type === 'CounterProposeLiaisonMeeting'
            ? 'counter_proposed'
            : command.data?.decision;
      if (decision === 'agreed') {
        // An inbound agreement names the date and place it agrees: they must be the ones proposed.
        const answer = command.type === 'RecordLiaisonMeetingAnswer' ? command.data : undefined;
        const invalid = refuseIf(
          answer === undefined
            ? []
            : problems({
                place: answer.place === state.place,
                // The same instant, however written (the wire drops zero milliseconds).
                startsAt:
                  isIsoDateTime(answer.startsAt) && instant(answer.startsAt) === instant(state.startsAt),
              }),
        );
        const marker =
          invalid ??
          messageMarker(
            command,
            origin,
            state.counterpart,
            'LiaisonMeetingAnswer',
            state.lastProposalMessageId,
          );
        if (isDomainError(marker)) return marker;
        return [
          {
            type: 'LiaisonMeetingAgreed',
            data: { decision: 'agreed', place: state.place, startsAt: state.startsAt, ...marker },
          },
        ];
      }
      const counter = command.data as {
        place?: string;
        startsAt?: string;
        reason?: string;
        deadline?: string;
      };
      const invalid = refuseIf(
        problems({
          decision: decision === 'counter_proposed',
          place: text(counter?.place, 500),
          startsAt: ahead(counter?.startsAt, now),
          reason: optionalText(counter?.reason),
          deadline:
            ahead(counter?.deadline, now) &&
            (now === undefined ||
              !isIsoDateTime(counter?.startsAt) ||
              instant(counter.deadline!) <= instant(counter.startsAt)),
        }),
      );
      const marker =
        invalid ??
        messageMarker(
          command,
          origin,
          state.counterpart,
          'LiaisonMeetingAnswer',
          state.lastProposalMessageId,
        );
      if (isDomainError(marker)) return marker;
      const { place, startsAt, deadline, reason } = counter as Required<typeof counter>;
      return [
        {
          type: 'LiaisonMeetingCounterProposed',
          data: {
            decision: 'counter_proposed',
            place,
            startsAt,
            deadline,
            ...(reason === undefined ? {} : { reason }),
            ...marker,
          },
        },
      ];
    }
    case 'RecordLiaisonMeetingHeld':
    case 'ReceiveLiaisonMeetingHeld': {
      if (state.status === 'held') return [];
      const { heldAt, attendees } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          heldAt: isIsoDateTime(heldAt) && (now === undefined || instant(heldAt) <= instant(now)),
          attendees:
            attendees === undefined || (Array.isArray(attendees) && attendees.every((a) => text(a, 500))),
        }),
      );
      const marker = invalid ?? messageMarker(command, origin, state.counterpart, 'LiaisonMeetingHeld');
      if (isDomainError(marker)) return marker;
      return [{ type: 'LiaisonMeetingHeld', data: { heldAt, attendees: [...(attendees ?? [])], ...marker } }];
    }
    case 'RecordLiaisonMeetingMinutes':
    case 'ReceiveLiaisonMeetingMinutes':
      return minutes(command, command.data, state, origin);
    case 'CompleteLiaisonActionItem':
    case 'ReceiveLiaisonActionItemDone': {
      const number = command.data?.number;
      const item = state.actionItems.find((candidate) => candidate.number === number);
      if (item === undefined) return refuseIf(['number'])!;
      const owner = acting === state.ourSide ? command.metadata.agencyId : state.counterpart;
      if (item.owner !== owner) {
        return notPermitted(`${command.type}: action item ${item.number} is owned by the other side`);
      }
      if (item.done) return invalidTransition(command.type, `action item ${item.number} done`);
      const doneAt =
        command.type === 'CompleteLiaisonActionItem' ? command.metadata.now : command.data?.doneAt;
      const remarks = command.data?.remarks;
      const invalid = refuseIf(problems({ doneAt: isIsoDateTime(doneAt), remarks: optionalText(remarks) }));
      const marker = invalid ?? messageMarker(command, origin, state.counterpart, 'LiaisonActionItemDone');
      if (isDomainError(marker)) return marker;
      return [
        {
          type: 'LiaisonActionItemDone',
          data: { number: item.number, doneAt, ...(remarks === undefined ? {} : { remarks }), ...marker },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides a liaison meeting command on the current state (pure). */
export const decideLiaisonMeeting = caseDecide<
  LiaisonMeetingCommand,
  LiaisonMeetingEvent,
  LiaisonMeetingState
>()({
  opening: ['ProposeLiaisonMeeting', 'ReceiveLiaisonMeetingProposal'],
  open,
  deliver: (command, trail, counterpart) => decideDelivery('LiaisonMeeting', command, trail, counterpart),
  rules: LIAISON_MEETING_RULES,
  step,
});
