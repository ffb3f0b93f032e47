import { caseDecide } from '../case-process';
import { DomainError, isDomainError } from '../decider';
import {
  annexOf,
  annexProblems,
  decideDelivery,
  inboundOf,
  instant,
  isAgencyId,
  isIsoDateTime,
  isNonEmptyText,
  isUuid,
  outboundOf,
  personProblems,
  prefixed,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
  CALLER_KINDS,
  URGENCIES,
  invalidTransition,
  notPermitted,
  validationFailed,
  disseminationRefusal,
  forwardedHandling,
  HandlingCode,
  Outbound,
  Origin,
} from '../shared';
import {
  ForwardInformationNotice,
  NOTICE_RULES,
  NoticeCommand,
  NoticeOpeningCommand,
  NoticeStepCommand,
} from './commands';
import {
  HOTLINE_CHANNELS,
  NOTICE_CATEGORIES,
  NOTICE_PRIORITIES,
  NoticeContent,
  NoticeEvent,
  PROCESSING_OUTCOMES,
} from './events';
import { disseminationGrants, Notice, NoticeState } from './state';

export * from './commands';

type Decision = readonly NoticeEvent[] | DomainError;

const text = (value: unknown, max = 2000) => isNonEmptyText(value, max);
const optionalText = (value: unknown, max = 2000) => value === undefined || text(value, max);

const contentProblems = (data: Partial<NoticeContent> | undefined): Problems => [
  ...problems({
    caseId: isUuid(data?.caseId),
    category: NOTICE_CATEGORIES.includes(data?.category as never),
    title: text(data?.title, 300),
    content: text(data?.content, 50_000),
    relatedCaseId: optionalText(data?.relatedCaseId, 100),
    persons: data?.persons === undefined || Array.isArray(data.persons),
  }),
  ...(Array.isArray(data?.persons)
    ? data.persons.flatMap((person, index) => prefixed(`persons[${index}]`, personProblems(person)))
    : []),
  ...annexProblems(data),
];

/** Only the content fields, in a fixed shape, so nothing else in the command reaches the event. */
const contentOf = (data: NoticeContent): NoticeContent => ({
  caseId: data.caseId,
  category: data.category,
  title: data.title,
  content: data.content,
  ...(data.relatedCaseId === undefined ? {} : { relatedCaseId: data.relatedCaseId }),
  ...(data.persons === undefined ? {} : { persons: data.persons }),
  ...annexOf(data),
});

const open = (command: NoticeOpeningCommand): Decision => {
  const us = command.metadata.agencyId;
  const now = command.metadata.now;
  switch (command.type) {
    case 'SendInformationNotice': {
      const { counterpart } = command.data;
      const invalid =
        refuseUnlessLocal(command) ??
        refuseIf([
          ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
          ...contentProblems(command.data),
        ]);
      if (invalid) return invalid;
      const outbound = outboundOf(command, counterpart, 'InformationNotice');
      if (isDomainError(outbound)) return outbound;
      return [
        {
          type: 'InformationNoticeSent',
          data: { ...contentOf(command.data), sender: us, recipient: counterpart, outbound },
        },
      ];
    }
    case 'ReceiveInformationNotice': {
      const inbound = inboundOf(command);
      if (isDomainError(inbound)) return inbound;
      const { processingDeadline } = command.data;
      const invalid = refuseIf([
        ...contentProblems(command.data),
        ...problems({ processingDeadline: isIsoDateTime(processingDeadline) }),
      ]);
      if (invalid) return invalid;
      const data = {
        ...contentOf(command.data),
        sender: inbound.counterpart,
        recipient: us,
        processingDeadline,
        inbound,
      };
      return [{ type: 'InformationNoticeReceived', data }];
    }
    case 'RecordHotlineTip': {
      const { channel, callerKind, urgency, receivedAt, processingDeadline } = command.data;
      const content = { ...command.data, category: 'hotline_tip' as const };
      const invalid =
        refuseUnlessLocal(command) ??
        refuseIf([
          ...contentProblems(content),
          ...problems({
            channel: HOTLINE_CHANNELS.includes(channel),
            callerKind: CALLER_KINDS.includes(callerKind),
            urgency: URGENCIES.includes(urgency),
            receivedAt: isIsoDateTime(receivedAt) && instant(receivedAt) <= instant(now),
            processingDeadline:
              isIsoDateTime(processingDeadline) && instant(processingDeadline) > instant(receivedAt),
          }),
        ]);
      if (invalid) return invalid;
      return [
        {
          type: 'HotlineTipRecorded',
          data: { ...contentOf(content), channel, callerKind, urgency, receivedAt, processingDeadline },
        },
      ];
    }
  }
};

/** The tip as it goes to the counterpart: its content, with the call's facts in the annex. */
const forwardedContent = (tip: Notice & { readonly tip: NonNullable<Notice['tip']> }): NoticeContent => ({
  ...contentOf({ ...tip, persons: tip.persons.length > 0 ? tip.persons : undefined }),
  annex: {
    ...tip.annex,
    receivedAt: tip.tip.receivedAt,
    ...(tip.tip.callerKind === undefined ? {} : { callerKind: tip.tip.callerKind }),
    urgency: tip.urgency ?? tip.annex?.urgency ?? 'routine',
  },
});

/**
 * A counterpart's notice passed on to a third agency: only what its originator's code allows, or has
 * granted; the message carries the originator's code and conditions, never a laxer one.
 */
const forwardNotice = (command: ForwardInformationNotice, state: Notice): Decision => {
  const us = command.metadata.agencyId;
  const { counterpart } = command.data ?? {};
  if (state.source !== 'counterpart')
    return notPermitted("only a counterpart's notice is passed on; forward a tip or send a notice instead");
  const invalid = refuseIf(
    problems({
      counterpart: isAgencyId(counterpart) && counterpart !== us && counterpart !== state.counterpart,
    }),
  );
  if (invalid) return invalid;
  if (state.passedOn?.some((p) => p.recipient === counterpart))
    return invalidTransition(command.type, 'forwarded');
  const grants = disseminationGrants(state);
  const refusal = disseminationRefusal(state.handling, us, counterpart, grants);
  if (refusal) return refusal;
  const outbound = outboundOf(command, counterpart, 'InformationNotice');
  if (isDomainError(outbound)) return outbound;
  const grant = grants.find((g) => g.granted && g.recipient === counterpart);
  const handling: HandlingCode = forwardedHandling(state.handling, grant, outbound.handling);
  const carried: Outbound = { ...outbound, handling };
  return [
    {
      type: 'InformationNoticeForwarded',
      data: {
        ...contentOf({ ...state, persons: state.persons.length > 0 ? state.persons : undefined }),
        sender: us,
        recipient: counterpart,
        outbound: carried,
      },
    },
  ];
};

const step = (command: NoticeStepCommand, state: Notice, origin: Origin): Decision => {
  switch (command.type) {
    case 'ForwardHotlineTip': {
      const us = command.metadata.agencyId;
      const { counterpart } = command.data ?? {};
      if (state.source !== 'hotline' || state.tip === undefined)
        return notPermitted('only a tip taken on our hotline is forwarded; send a notice instead');
      if (state.forwardedTo !== undefined) return invalidTransition(command.type, 'forwarded');
      const invalid = refuseIf(problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }));
      if (invalid) return invalid;
      const outbound = outboundOf(command, counterpart, 'InformationNotice');
      if (isDomainError(outbound)) return outbound;
      return [
        {
          type: 'HotlineTipForwarded',
          data: {
            ...forwardedContent({ ...state, tip: state.tip }),
            sender: us,
            recipient: counterpart,
            outbound,
          },
        },
      ];
    }
    case 'ForwardInformationNotice':
      return forwardNotice(command, state);
    case 'RequestDissemination':
    case 'ReceiveDisseminationRequest': {
      const { recipient, purpose } = command.data ?? {};
      const invalid = refuseIf(
        problems({ recipient: isAgencyId(recipient), purpose: text(purpose, 10_000) }),
      );
      if (invalid) return invalid;
      if (command.type === 'ReceiveDisseminationRequest') {
        const inbound = 'inbound' in origin ? origin.inbound : undefined;
        if (!inbound) return notPermitted('a dissemination request comes from the counterpart');
        return [
          {
            type: 'DisseminationRequestReceived',
            data: { requestId: inbound.messageId, recipient, purpose, inbound },
          },
        ];
      }
      if (state.source !== 'counterpart' || state.counterpart === undefined)
        return notPermitted("only a counterpart's notice needs its originator's grant");
      const outbound = outboundOf(command, state.counterpart, 'DisseminationRequest');
      if (isDomainError(outbound)) return outbound;
      return [
        {
          type: 'DisseminationRequested',
          data: { requestId: outbound.messageId, recipient, purpose, outbound },
        },
      ];
    }
    case 'AnswerDisseminationRequest':
    case 'RecordDisseminationAnswer': {
      const { requestId, granted, conditions, reason } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          requestId: typeof requestId === 'string' && requestId.length > 0,
          granted: typeof granted === 'boolean',
          conditions: optionalText(conditions, 10_000),
          reason: optionalText(reason, 10_000),
        }),
      );
      if (invalid) return invalid;
      const pending = (state.disseminationRequests ?? []).filter((r) => r.answer === undefined);
      if (pending.length === 0) return invalidTransition(command.type, 'without a request to answer');
      const request = pending.find((r) => r.requestId === requestId);
      if (!request) return validationFailed(['requestId']);
      // The originator answers for the agency we named, not another.
      if (
        'inbound' in origin &&
        command.type === 'RecordDisseminationAnswer' &&
        command.data.recipient !== request.recipient
      )
        return validationFailed(['recipient']);
      const reply = {
        requestId,
        recipient: request.recipient,
        granted,
        ...(conditions === undefined ? {} : { conditions }),
        ...(reason === undefined ? {} : { reason }),
      };
      if ('inbound' in origin)
        return [{ type: 'DisseminationAnswerReceived', data: { ...reply, inbound: origin.inbound } }];
      const outbound = outboundOf(command, state.counterpart ?? '', 'DisseminationAnswer', requestId);
      if (isDomainError(outbound)) return outbound;
      return [{ type: 'DisseminationAnswered', data: { ...reply, outbound } }];
    }
    case 'ClassifyInformationNotice': {
      const { category, priority, topics } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          category: NOTICE_CATEGORIES.includes(category),
          priority: NOTICE_PRIORITIES.includes(priority),
          topics:
            topics === undefined || (Array.isArray(topics) && topics.every((topic) => text(topic, 100))),
        }),
      );
      if (invalid) return invalid;
      return [{ type: 'InformationNoticeClassified', data: { category, priority, topics: topics ?? [] } }];
    }
    case 'ProcessInformationNotice': {
      const { outcome, note, linkedCaseId } = command.data ?? {};
      const invalid = refuseIf(
        problems({
          outcome: PROCESSING_OUTCOMES.includes(outcome),
          note: text(note),
          // A notice linked to a case must say which.
          linkedCaseId:
            outcome === 'linked_to_case' ? text(linkedCaseId, 100) : optionalText(linkedCaseId, 100),
        }),
      );
      if (invalid) return invalid;
      return [
        {
          type: 'InformationNoticeProcessed',
          data: { outcome, note, ...(linkedCaseId === undefined ? {} : { linkedCaseId }) },
        },
      ];
    }
    case 'CloseInformationNotice': {
      const note = command.data?.note;
      const invalid = refuseIf(problems({ note: optionalText(note) }));
      if (invalid) return invalid;
      return [{ type: 'InformationNoticeClosed', data: note === undefined ? {} : { note } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
};

/** Decides an information notice command on the current state (pure). */
export const decideNotice = caseDecide<NoticeCommand, NoticeEvent, NoticeState>()({
  opening: ['SendInformationNotice', 'ReceiveInformationNotice', 'RecordHotlineTip'],
  open,
  // A receipt for a notice passed on comes from the agency it was passed on to.
  deliver: (command, trail, counterpart, state) =>
    decideDelivery(
      'InformationNotice',
      command,
      trail,
      state.passedOn?.find((p) => p.messageId === command.data?.messageId)?.recipient ?? counterpart,
    ),
  rules: NOTICE_RULES,
  step,
});
