import {
  DISSEMINATIONS,
  HandlingCode,
  HEADER_CODE_DEFAULTS,
  headerCodesOf,
  highestReceivedHandling,
  OUTBOUND_KINDS,
  stricterHandling,
} from '../shared';
import { commandsOf, given } from '../testing/given';
import { fromThem, NOW, OFFICER, PERSON, queuing, THEM, US } from '../testing/fixtures';
import { NoticeCommand } from './decide';
import { noticeDecider as decider } from './decider';
import { NoticeEvent } from './events';

const cmd = commandsOf<NoticeCommand>();
const LA = 'LA.PHONGSALY.POLICE';
const VN_PROVINCE = 'VN.CA.DIENBIEN';
const caseId = '0193a7b2-0000-7000-8000-000000000601';
const content = {
  caseId,
  category: 'case_information' as const,
  title: 'Network',
  content: 'A broker network recruits at the market',
  persons: [PERSON],
};

/** CN's notice received here under `handling` (as CN's envelope header set it). */
const receivedUnder = (handling?: HandlingCode): NoticeEvent => ({
  type: 'InformationNoticeReceived',
  data: {
    ...content,
    sender: THEM,
    recipient: US,
    processingDeadline: '2026-11-26T04:00:00Z',
    inbound: { messageId: 'in-1', counterpart: THEM, ...(handling ? { handling } : {}) },
  },
});
const code = (dissemination: HandlingCode['dissemination'], conditions?: string): HandlingCode => ({
  dissemination,
  evidentialUse: 'intelligence_only',
  ...(conditions ? { conditions } : {}),
});
const forwardTo = (counterpart: string, handling?: HandlingCode) =>
  cmd(
    'ForwardInformationNotice',
    { counterpart },
    { ...queuing('m-fwd'), ...(handling ? { handling } : {}) },
  );
const forwarded = (recipient: string, handling: HandlingCode): NoticeEvent => ({
  type: 'InformationNoticeForwarded',
  data: {
    ...content,
    sender: US,
    recipient,
    outbound: { messageId: 'm-fwd', counterpart: recipient, kind: 'InformationNotice', handling },
  },
});
const requested: NoticeEvent = {
  type: 'DisseminationRequested',
  data: {
    requestId: 'm-req',
    recipient: LA,
    purpose: 'The network operates in Phongsaly',
    outbound: { messageId: 'm-req', counterpart: THEM, kind: 'DisseminationRequest' },
  },
};
const answer = (granted: boolean, conditions?: string): NoticeEvent => ({
  type: 'DisseminationAnswerReceived',
  data: {
    requestId: 'm-req',
    recipient: LA,
    granted,
    ...(conditions ? { conditions } : {}),
    inbound: { messageId: 'in-ans', counterpart: THEM },
  },
});

describe('handling codes: the defaults table', () => {
  it('has a row for every kind of message', () => {
    expect(Object.keys(HEADER_CODE_DEFAULTS).sort()).toEqual([...OUTBOUND_KINDS].sort());
  });

  it.each([
    ['InformationNotice', 'law_enforcement', 'intelligence_only', true],
    ['VerificationAnswer', 'receiving_agency', 'after_formal_request', true],
    ['RepatriationRequest', 'receiving_agency', 'after_formal_request', false],
    ['HandoverScheduling', 'receiving_agency', 'permitted', false],
    ['WantedPersonRequest', 'law_enforcement', 'after_formal_request', false],
  ] as const)('%s goes as %s / %s (graded: %s)', (kind, dissemination, evidentialUse, graded) => {
    const codes = headerCodesOf(kind);
    expect(codes.handling).toEqual({ dissemination, evidentialUse });
    expect(codes.evaluation !== undefined).toBe(graded);
  });

  it("the officer's choice replaces the default, part by part", () => {
    const chosen = headerCodesOf('InformationNotice', { handling: code('receiving_agency') });
    expect(chosen).toEqual({
      handling: code('receiving_agency'),
      evaluation: HEADER_CODE_DEFAULTS.InformationNotice.evaluation,
    });
  });

  it('the highest restriction of two codes is the stricter part of each, with both conditions', () => {
    expect(
      stricterHandling(
        { dissemination: 'law_enforcement', evidentialUse: 'intelligence_only', conditions: 'a' },
        { dissemination: 'originator_consent', evidentialUse: 'permitted', conditions: 'b' },
      ),
    ).toEqual({
      dissemination: 'originator_consent',
      evidentialUse: 'intelligence_only',
      conditions: 'a; b',
    });
    expect(
      highestReceivedHandling({
        messages: {},
        inboundMessageIds: [],
        records: {
          a: { event: 'X', handling: code('law_enforcement') },
          b: { event: 'Y', handling: code('receiving_agency') },
          c: { event: 'Z' },
        },
      }),
    ).toEqual(code('receiving_agency'));
  });
});

describe('handling codes: passing a counterpart notice on, by code', () => {
  it.each<[HandlingCode['dissemination'], string, boolean]>([
    ['law_enforcement', LA, true],
    ['national_law_enforcement', VN_PROVINCE, true],
    ['national_law_enforcement', LA, false],
    ['receiving_agency', VN_PROVINCE, false],
    ['receiving_agency', LA, false],
    ['originator_consent', LA, false],
  ])('%s to %s: allowed %s', (dissemination, recipient, allowed) => {
    const when = given(decider, [receivedUnder(code(dissemination))]).when(forwardTo(recipient));
    if (allowed) when.then([forwarded(recipient, code(dissemination))]);
    else when.then({ code: 'HANDLING_RESTRICTED' });
  });

  it('every code is covered above', () => {
    expect([...DISSEMINATIONS].sort()).toEqual(
      ['law_enforcement', 'national_law_enforcement', 'originator_consent', 'receiving_agency'].sort(),
    );
  });

  it('a notice that came without a code is handled as for the receiving agency only', () => {
    given(decider, [receivedUnder()]).when(forwardTo(LA)).then({ code: 'HANDLING_RESTRICTED' });
  });

  it('the refusal names the field and leaves the case unchanged', () => {
    const result = decider.decide(forwardTo(LA), decider.evolve(decider.initialState(), receivedUnder()));
    expect(result).toMatchObject({
      code: 'HANDLING_RESTRICTED',
      field: 'counterpart',
      fields: ['counterpart'],
    });
  });

  it("a granted request lets it go to the named agency only, carrying the originator's conditions", () => {
    const history = [receivedUnder(code('receiving_agency', 'No contact with the family')), requested];
    given(decider, [...history, answer(true, 'Not for use in court')])
      .when(forwardTo(LA))
      .then([forwarded(LA, code('receiving_agency', 'No contact with the family; Not for use in court'))]);
    given(decider, [...history, answer(true)])
      .when(forwardTo('TH.RTP.CHIANGRAI'))
      .then({ code: 'HANDLING_RESTRICTED' });
  });

  it('a refused request leaves the restriction in force', () => {
    given(decider, [receivedUnder(code('originator_consent')), requested, answer(false)])
      .when(forwardTo(LA))
      .then({ code: 'HANDLING_RESTRICTED' });
  });

  it("an officer's laxer choice never loosens the originator's code; a stricter one tightens it", () => {
    given(decider, [receivedUnder(code('law_enforcement'))])
      .when(forwardTo(LA, { dissemination: 'law_enforcement', evidentialUse: 'permitted' }))
      .then([forwarded(LA, code('law_enforcement'))]);
    given(decider, [receivedUnder(code('law_enforcement'))])
      .when(forwardTo(LA, { dissemination: 'receiving_agency', evidentialUse: 'permitted' }))
      .then([forwarded(LA, code('receiving_agency'))]);
  });

  it('a notice goes to each agency once, and never back to its originator', () => {
    given(decider, [receivedUnder(code('law_enforcement')), forwarded(LA, code('law_enforcement'))])
      .when(forwardTo(LA))
      .then({ code: 'INVALID_TRANSITION' });
    given(decider, [receivedUnder(code('law_enforcement'))])
      .when(forwardTo(THEM))
      .then({ code: 'VALIDATION_FAILED' });
  });

  it('the receipt of a notice passed on comes from the agency it went to', () => {
    const history = [receivedUnder(code('law_enforcement')), forwarded(LA, code('law_enforcement'))];
    given(decider, history)
      .when(cmd('RecordDelivery', { messageId: 'm-fwd' }, { ...fromThem('r-1', LA) }))
      .then([
        {
          type: 'InformationNoticeMessageDelivered',
          data: { messageId: 'm-fwd', kind: 'InformationNotice' },
        },
      ]);
  });

  it('our own notice or tip is not passed on this way', () => {
    const sent: NoticeEvent = {
      type: 'InformationNoticeSent',
      data: {
        ...content,
        sender: US,
        recipient: THEM,
        outbound: { messageId: 'm-1', counterpart: THEM, kind: 'InformationNotice' },
      },
    };
    given(decider, [sent]).when(forwardTo(LA)).then({ code: 'NOT_PERMITTED' });
  });
});

describe('handling codes: the request/grant exchange', () => {
  const sent: NoticeEvent = {
    type: 'InformationNoticeSent',
    data: {
      ...content,
      sender: THEM,
      recipient: US,
      outbound: { messageId: 'm-1', counterpart: US, kind: 'InformationNotice' },
    },
  };
  const asOriginator = { ...OFFICER, agencyId: THEM };
  const requestReceived: NoticeEvent = {
    type: 'DisseminationRequestReceived',
    data: {
      requestId: 'in-req',
      recipient: LA,
      purpose: 'The network operates in Phongsaly',
      inbound: { messageId: 'in-req', counterpart: US },
    },
  };

  it('the receiver asks the originator, naming the agency and why', () => {
    given(decider, [receivedUnder(code('receiving_agency'))])
      .when(
        cmd(
          'RequestDissemination',
          { recipient: LA, purpose: 'The network operates in Phongsaly' },
          queuing('m-req'),
        ),
      )
      .then([requested]);
  });

  it('the request needs a recipient agency and a purpose', () => {
    given(decider, [receivedUnder(code('receiving_agency'))])
      .when(cmd('RequestDissemination', { recipient: 'Laos', purpose: ' ' }, queuing('m-req')))
      .then({ code: 'VALIDATION_FAILED' });
  });

  it('the originator records the request and grants it with conditions, answering the request', () => {
    given(decider, [sent])
      .when(
        cmd(
          'ReceiveDisseminationRequest',
          { recipient: LA, purpose: 'The network operates in Phongsaly' },
          { actor: `agency:${US}`, agencyId: THEM, now: NOW, messageId: 'in-req' },
        ),
      )
      .then([requestReceived]);
    given(decider, [sent, requestReceived])
      .when(
        cmd(
          'AnswerDisseminationRequest',
          { requestId: 'in-req', granted: true, conditions: 'Not for use in court' },
          { ...asOriginator, newIds: ['m-ans'] },
        ),
      )
      .then([
        {
          type: 'DisseminationAnswered',
          data: {
            requestId: 'in-req',
            recipient: LA,
            granted: true,
            conditions: 'Not for use in court',
            outbound: {
              messageId: 'm-ans',
              counterpart: US,
              kind: 'DisseminationAnswer',
              inReplyTo: 'in-req',
            },
          },
        },
      ]);
  });

  it('a request is answered once, and only a request the case holds (named by its id)', () => {
    const answered: NoticeEvent = {
      type: 'DisseminationAnswered',
      data: {
        requestId: 'in-req',
        recipient: LA,
        granted: false,
        outbound: { messageId: 'm-ans', counterpart: US, kind: 'DisseminationAnswer', inReplyTo: 'in-req' },
      },
    };
    const again = cmd(
      'AnswerDisseminationRequest',
      { requestId: 'in-req', granted: true },
      {
        ...asOriginator,
        newIds: ['m-2'],
      },
    );
    given(decider, [sent, requestReceived, answered]).when(again).then({ code: 'INVALID_TRANSITION' });
    given(decider, [sent]).when(again).then({ code: 'INVALID_TRANSITION' });
    given(decider, [sent, answered, requestReceived])
      .when(
        cmd(
          'AnswerDisseminationRequest',
          { requestId: 'other', granted: true },
          { ...asOriginator, newIds: ['m-3'] },
        ),
      )
      .then({ code: 'VALIDATION_FAILED' });
  });

  it("the originator's answer for another agency than the one asked for is refused", () => {
    given(decider, [receivedUnder(code('receiving_agency')), requested])
      .when(
        cmd(
          'RecordDisseminationAnswer',
          { requestId: 'm-req', recipient: 'TH.RTP.CHIANGRAI', granted: true },
          fromThem('in-ans'),
        ),
      )
      .then({ code: 'VALIDATION_FAILED' });
  });

  it('the receiver records the grant on its case', () => {
    const state = given(decider, [receivedUnder(code('receiving_agency')), requested])
      .when(
        cmd(
          'RecordDisseminationAnswer',
          { requestId: 'm-req', recipient: LA, granted: true },
          fromThem('in-ans'),
        ),
      )
      .then([answer(true)]);
    expect(state).toMatchObject({
      disseminationRequests: [{ requestId: 'm-req', recipient: LA, answer: { granted: true } }],
    });
  });
});
