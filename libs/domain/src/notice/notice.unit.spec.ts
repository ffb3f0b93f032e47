import { commandsOf, given } from '../testing/given';
import { applied, fromThem, NOW, OTHER, PERSON, queued, queuing, THEM, US } from '../testing/fixtures';
import { NoticeCommand } from './decide';
import { noticeDecider as decider } from './decider';
import { describeNoticeEvent, NoticeEvent } from './events';
import { isUnprocessed, noticeDeadlineStatus, noticeStatusAt } from './state';

const cmd = commandsOf<NoticeCommand>();
const fold = (events: NoticeEvent[]) => events.reduce(decider.evolve, decider.initialState());

const DUE = '2026-11-25T04:00:00Z';
const content = {
  caseId: '0193a7b2-0000-7000-8000-000000000501',
  category: 'criminal_method' as const,
  title: 'Fake job offers',
  content: 'Recruiters offer factory work, then sell brides',
  persons: [PERSON],
};
const tip = {
  caseId: '0193a7b2-0000-7000-8000-000000000502',
  title: 'Girl missing',
  content: 'caller reports a girl taken across',
  channel: 'phone' as const,
  callerKind: 'relative' as const,
  urgency: 'immediate' as const,
  receivedAt: '2026-11-23T03:00:00Z',
  processingDeadline: DUE,
};

const sent: NoticeEvent = {
  type: 'InformationNoticeSent',
  data: { ...content, sender: US, recipient: THEM, ...queued('m-n', 'InformationNotice') },
};
const received: NoticeEvent = {
  type: 'InformationNoticeReceived',
  data: { ...content, sender: THEM, recipient: US, processingDeadline: DUE, ...applied('in-n') },
};
const tipRecorded: NoticeEvent = {
  type: 'HotlineTipRecorded',
  data: {
    caseId: '0193a7b2-0000-7000-8000-000000000502',
    category: 'hotline_tip',
    title: tip.title,
    content: tip.content,
    channel: 'phone',
    callerKind: 'relative',
    urgency: 'immediate',
    receivedAt: tip.receivedAt,
    processingDeadline: DUE,
  },
};
/** The tip passed on as the same case, its call facts in the annex. */
const tipForwarded: NoticeEvent = {
  type: 'HotlineTipForwarded',
  data: {
    caseId: tip.caseId,
    category: 'hotline_tip',
    title: tip.title,
    content: tip.content,
    annex: { receivedAt: tip.receivedAt, callerKind: 'relative', urgency: 'immediate' },
    sender: US,
    recipient: THEM,
    ...queued('m-f', 'InformationNotice'),
  },
};
const classified: NoticeEvent = {
  type: 'InformationNoticeClassified',
  data: { category: 'hotline_tip', priority: 'urgent', topics: ['cross-border abduction'] },
};
const processed: NoticeEvent = {
  type: 'InformationNoticeProcessed',
  data: {
    outcome: 'linked_to_case',
    note: 'opened repatriation case',
    linkedCaseId: '0193a7b2-0000-7000-8000-000000000201',
  },
};

describe('information notice: transitions', () => {
  it.each<[string, NoticeEvent[], NoticeCommand, NoticeEvent[], string]>([
    [
      'send a notice',
      [],
      cmd('SendInformationNotice', { ...content, counterpart: THEM }, queuing('m-n')),
      [sent],
      'sent',
    ],
    [
      'receive a notice',
      [],
      cmd('ReceiveInformationNotice', { ...content, processingDeadline: DUE }, fromThem('in-n')),
      [received],
      'received',
    ],
    ['record a hotline tip', [], cmd('RecordHotlineTip', tip), [tipRecorded], 'received'],
    [
      'classify',
      [tipRecorded],
      cmd('ClassifyInformationNotice', {
        category: 'hotline_tip',
        priority: 'urgent',
        topics: ['cross-border abduction'],
      }),
      [classified],
      'classified',
    ],
    [
      'reclassify',
      [tipRecorded, classified],
      cmd('ClassifyInformationNotice', { category: 'case_information', priority: 'routine' }),
      [
        {
          type: 'InformationNoticeClassified',
          data: { category: 'case_information', priority: 'routine', topics: [] },
        },
      ],
      'classified',
    ],
    [
      'process',
      [tipRecorded, classified],
      cmd('ProcessInformationNotice', {
        outcome: 'linked_to_case',
        note: 'opened repatriation case',
        linkedCaseId: '0193a7b2-0000-7000-8000-000000000201',
      }),
      [processed],
      'processed',
    ],
    [
      'close a processed notice',
      [tipRecorded, classified, processed],
      cmd('CloseInformationNotice', {}),
      [{ type: 'InformationNoticeClosed', data: {} }],
      'closed',
    ],
    [
      'close a sent notice',
      [sent],
      cmd('CloseInformationNotice', { note: 'acknowledged' }),
      [{ type: 'InformationNoticeClosed', data: { note: 'acknowledged' } }],
      'closed',
    ],
    [
      'record delivery',
      [sent],
      cmd('RecordDelivery', { messageId: 'm-n' }),
      [{ type: 'InformationNoticeMessageDelivered', data: { messageId: 'm-n', kind: 'InformationNotice' } }],
      'sent',
    ],
    [
      'record rejection',
      [sent],
      cmd('RecordRejection', { messageId: 'm-n', reason: 'PAYLOAD_INVALID' }),
      [
        {
          type: 'InformationNoticeMessageRejected',
          data: { messageId: 'm-n', kind: 'InformationNotice', reason: 'PAYLOAD_INVALID' },
        },
      ],
      'sent',
    ],
    [
      'forward a tip to the counterpart as the same case, its urgency kept',
      [tipRecorded],
      cmd('ForwardHotlineTip', { counterpart: THEM }, queuing('m-f')),
      [tipForwarded],
      'received',
    ],
    [
      'forward a processed tip',
      [tipRecorded, classified, processed],
      cmd('ForwardHotlineTip', { counterpart: THEM }, queuing('m-f')),
      [{ ...tipForwarded }],
      'processed',
    ],
    [
      'record delivery of a forwarded tip',
      [tipRecorded, tipForwarded],
      cmd('RecordDelivery', { messageId: 'm-f' }, fromThem('r-f')),
      [{ type: 'InformationNoticeMessageDelivered', data: { messageId: 'm-f', kind: 'InformationNotice' } }],
      'received',
    ],
    [
      'ignore the same notice twice',
      [received],
      cmd('ReceiveInformationNotice', { ...content, processingDeadline: DUE }, fromThem('in-n')),
      [],
      'received',
    ],
  ])('%s', (_label, history, command, events, status) => {
    expect(given(decider, history).when(command).then(events).status).toBe(status);
  });

  it('keeps only content fields from the command', () => {
    const result = decider.decide(
      cmd('SendInformationNotice', { ...content, counterpart: THEM, extra: 'x' } as never, queuing('m-n')),
      decider.initialState(),
    );
    expect(result).toEqual([sent]);
  });
});

describe('information notice: refusals', () => {
  it.each<[string, NoticeEvent[], NoticeCommand, string]>([
    [
      'a step on no case',
      [],
      cmd('ClassifyInformationNotice', { category: 'hotline_tip', priority: 'urgent' }),
      'NOT_FOUND',
    ],
    ['a receipt for a hotline tip', [tipRecorded], cmd('RecordDelivery', { messageId: 'm' }), 'NOT_FOUND'],
    [
      'a second notice on a case',
      [sent],
      cmd('SendInformationNotice', { ...content, counterpart: THEM }, queuing('m2')),
      'ALREADY_EXISTS',
    ],
    [
      'a notice of unknown category',
      [],
      cmd(
        'SendInformationNotice',
        { ...content, category: 'gossip' as never, counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a notice naming a malformed person',
      [],
      cmd(
        'SendInformationNotice',
        {
          ...content,
          persons: [
            // The contract's rule: an issuing country is an ISO 3166 code (an unknown number is fine).
            { ...PERSON, identityDocuments: [{ type: 'passport', number: '', issuingCountry: 'Viet Nam' }] },
          ],
          counterpart: THEM,
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a notice without a message id',
      [],
      cmd('SendInformationNotice', { ...content, counterpart: THEM }),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound notice without a processing deadline',
      [],
      cmd('ReceiveInformationNotice', content as never, fromThem('in')),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound notice from an officer',
      [],
      cmd('ReceiveInformationNotice', { ...content, processingDeadline: DUE }),
      'NOT_PERMITTED',
    ],
    [
      'a hotline tip recorded by a counterpart',
      [],
      cmd('RecordHotlineTip', tip, fromThem('in')),
      'NOT_PERMITTED',
    ],
    [
      'a hotline tip without its urgency',
      [],
      cmd('RecordHotlineTip', { ...tip, urgency: undefined as never }),
      'VALIDATION_FAILED',
    ],
    [
      'a hotline tip with an unknown caller kind',
      [],
      cmd('RecordHotlineTip', { ...tip, callerKind: 'neighbour' as never }),
      'VALIDATION_FAILED',
    ],
    [
      'forwarding a notice that did not come from our hotline',
      [received],
      cmd('ForwardHotlineTip', { counterpart: OTHER }, queuing('m-f')),
      'NOT_PERMITTED',
    ],
    [
      'forwarding a tip twice',
      [tipRecorded, tipForwarded],
      cmd('ForwardHotlineTip', { counterpart: OTHER }, queuing('m-g')),
      'INVALID_TRANSITION',
    ],
    [
      'forwarding a tip to ourselves',
      [tipRecorded],
      cmd('ForwardHotlineTip', { counterpart: US }, queuing('m-f')),
      'VALIDATION_FAILED',
    ],
    [
      'forwarding a tip without a message id',
      [tipRecorded],
      cmd('ForwardHotlineTip', { counterpart: THEM }),
      'VALIDATION_FAILED',
    ],
    [
      'forwarding a closed tip',
      [tipRecorded, classified, processed, { type: 'InformationNoticeClosed', data: {} }],
      cmd('ForwardHotlineTip', { counterpart: THEM }, queuing('m-f')),
      'INVALID_TRANSITION',
    ],
    [
      'a hotline tip from the future',
      [],
      cmd('RecordHotlineTip', { ...tip, receivedAt: '2026-11-24T00:00:00Z' }),
      'VALIDATION_FAILED',
    ],
    [
      'a hotline tip due before it came',
      [],
      cmd('RecordHotlineTip', { ...tip, processingDeadline: '2026-11-22T00:00:00Z' }),
      'VALIDATION_FAILED',
    ],
    [
      'classifying a notice we sent',
      [sent],
      cmd('ClassifyInformationNotice', { category: 'hotline_tip', priority: 'urgent' }),
      'NOT_PERMITTED',
    ],
    [
      'classifying with an unknown priority',
      [received],
      cmd('ClassifyInformationNotice', { category: 'hotline_tip', priority: 'asap' as never }),
      'VALIDATION_FAILED',
    ],
    [
      'classifying after processing',
      [tipRecorded, classified, processed],
      cmd('ClassifyInformationNotice', { category: 'hotline_tip', priority: 'urgent' }),
      'INVALID_TRANSITION',
    ],
    [
      'processing before classification',
      [received],
      cmd('ProcessInformationNotice', { outcome: 'no_action', note: 'x' }),
      'INVALID_TRANSITION',
    ],
    [
      'linking to a case without naming it',
      [received, classified],
      cmd('ProcessInformationNotice', { outcome: 'linked_to_case', note: 'x' }),
      'VALIDATION_FAILED',
    ],
    [
      'closing an unprocessed notice',
      [received, classified],
      cmd('CloseInformationNotice', {}),
      'INVALID_TRANSITION',
    ],
    [
      'a receipt from a third agency',
      [sent],
      cmd('RecordDelivery', { messageId: 'm-n' }, fromThem('r', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'an officer step sent by a counterpart',
      [received],
      cmd('ClassifyInformationNotice', { category: 'hotline_tip', priority: 'urgent' }, fromThem('in-c')),
      'NOT_PERMITTED',
    ],
  ])('refuses %s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });
});

describe('information notice: nothing left unprocessed', () => {
  it.each<[string, NoticeEvent[], string, boolean, string, string]>([
    ['received', [received], NOW, true, 'on_time', 'unprocessed'],
    [
      'classified, due soon',
      [tipRecorded, classified],
      '2026-11-24T12:00:00Z',
      true,
      'due_soon',
      'unprocessed',
    ],
    ['classified, late', [tipRecorded, classified], '2026-11-26T00:00:00Z', true, 'overdue', 'overdue'],
    [
      'processed, late',
      [tipRecorded, classified, processed],
      '2026-11-26T00:00:00Z',
      false,
      'met',
      'processed',
    ],
    ['sent by us', [sent], '2026-11-26T00:00:00Z', false, 'none', 'sent'],
  ])('%s', (_label, events, now, unprocessed, deadline, shown) => {
    const state = fold(events);
    expect(isUnprocessed(state)).toBe(unprocessed);
    expect(noticeDeadlineStatus(state, now)).toBe(deadline);
    expect(noticeStatusAt(state, now)).toBe(shown);
  });

  it("keeps the tip's caller kind and urgency, and whom it was forwarded to", () => {
    expect(fold([tipRecorded, tipForwarded])).toMatchObject({
      source: 'hotline',
      urgency: 'immediate',
      tip: { channel: 'phone', callerKind: 'relative', receivedAt: tip.receivedAt },
      forwardedTo: THEM,
      counterpart: THEM,
    });
  });

  it("keeps the urgency a counterpart's tip-off came with", () => {
    const tipOff: NoticeEvent = {
      type: 'InformationNoticeReceived',
      data: {
        ...content,
        category: 'hotline_tip',
        annex: { urgency: 'priority', callerKind: 'witness' },
        sender: THEM,
        recipient: US,
        processingDeadline: DUE,
        ...applied('in-t'),
      },
    };
    expect(fold([tipOff])).toMatchObject({ source: 'counterpart', urgency: 'priority' });
  });

  it.each([sent, received, tipRecorded, tipForwarded, classified, processed])(
    'describes $type without particulars or free text',
    (event) => {
      expect(describeNoticeEvent(event)).not.toMatch(/Lo Thi|Lò|Girl missing|Fake job/);
    },
  );
});
