/** Identification of the victim and the co-signed hand-over minutes, given/when/then. */
import { isDomainError } from '../decider';
import { draftMinutes, HandoverMinutes } from '../shared';
import { commandsOf, given } from '../testing/given';
import { OUR_SIGNATURE, THEIR_SIGNATURE } from '../testing/minutes-histories';
import { applied as inb, fromThem, OFFICER, queued as out, THEM, US } from '../testing/fixtures';
import { RepatriationCommand } from './decide';
import { repatriationDecider as decider } from './decider';
import { describeRepatriationEvent, RepatriationEvent } from './events';
import {
  acceptedByThem,
  acceptedByUs,
  agreed,
  agreedByUs,
  CHILD_ID,
  coSignedByThem,
  countersignedByUs,
  MINUTES_ID,
  officers,
  ours,
  persons,
  proposal,
  proposed,
  received,
  receivedTheirs,
  request,
  requested,
  scheduledByThem,
  scheduledByUs,
  signedByUs,
  theirs,
} from './repatriation.histories';

const cmd = commandsOf<RepatriationCommand>();
const weRequested = [requested, acceptedByThem, scheduledByUs];
const weReceived = [received, acceptedByUs, scheduledByThem];

/** The refusal's code and fields, for refusals whose field matters. */
const refusal = (history: RepatriationEvent[], command: RepatriationCommand) => {
  const result = decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
  return isDomainError(result) ? { code: result.code, fields: result.fields } : result;
};
const system = { ...OFFICER, actor: 'system:minutes-signer' };

describe('hand-over minutes: the side that hands over proposes', () => {
  it('drafts the minutes with the agreed gate and both local times', () => {
    const state = given(decider, weRequested)
      .when(cmd('ProposeRepatriationMinutes', proposal))
      .then([proposed]);
    expect(ours).toMatchObject({
      format: 'xborder.v1.minutes/1',
      handingOverAgency: US,
      receivingAgency: THEM,
      borderGate: 'Ma Lu Thang',
      handedOverAt: '2026-11-23T02:30:00Z',
      localTimes: [
        { agency: US, zone: 'Asia/Ho_Chi_Minh', local: '2026-11-23T09:30:00+07:00' },
        { agency: THEM, zone: 'Asia/Shanghai', local: '2026-11-23T10:30:00+08:00' },
      ],
      persons: [
        { personId: request.caseId, role: 'victim' },
        { personId: CHILD_ID, role: 'child' },
      ],
    });
    expect(state).toMatchObject({
      minutes: { status: 'awaiting_our_signature', proposedBy: US, signatures: [] },
    });
  });

  it('signs them (the node holding the key), queuing the proposal with the minutes', () => {
    const state = given(decider, [...weRequested, proposed])
      .when(
        cmd(
          'SignRepatriationMinutes',
          { minutesId: MINUTES_ID, signature: OUR_SIGNATURE },
          { ...system, newIds: ['m-min'] },
        ),
      )
      .then([signedByUs]);
    expect(state).toMatchObject({ minutes: { status: 'awaiting_their_signature' } });
  });

  it('keeps the countersignature over the same minutes: co-signed', () => {
    const state = given(decider, [...weRequested, proposed, signedByUs])
      .when(
        cmd(
          'ReceiveRepatriationMinutesCountersignature',
          { minutes: ours, signature: THEIR_SIGNATURE },
          fromThem('in-cs'),
        ),
      )
      .then([coSignedByThem]);
    expect(state).toMatchObject({
      minutes: { status: 'co_signed', signatures: [{ agency: US }, { agency: THEM }] },
    });
  });

  it.each<[string, RepatriationEvent[], RepatriationCommand, { code: string; fields?: string[] }]>([
    [
      'before the hand-over is scheduled',
      [requested, acceptedByThem],
      cmd('ProposeRepatriationMinutes', proposal),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'twice',
      [...weRequested, proposed],
      cmd('ProposeRepatriationMinutes', proposal),
      { code: 'ALREADY_EXISTS' },
    ],
    [
      'a person not of the case',
      weRequested,
      cmd('ProposeRepatriationMinutes', { ...proposal, personIds: ['someone'] }),
      { code: 'VALIDATION_FAILED', fields: ['personIds'] },
    ],
    [
      'a hand-over in the future',
      weRequested,
      cmd('ProposeRepatriationMinutes', { ...proposal, handedOverAt: '2026-11-24T00:00:00Z' }),
      { code: 'VALIDATION_FAILED', fields: ['handedOverAt'] },
    ],
    [
      'officers of one side only',
      weRequested,
      cmd('ProposeRepatriationMinutes', { ...proposal, officers: [officers[0]] }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.officers'] },
    ],
    [
      'an empty list of documents entry',
      weRequested,
      cmd('ProposeRepatriationMinutes', { ...proposal, documents: [' '] }),
      { code: 'VALIDATION_FAILED', fields: ['minutes.documents'] },
    ],
    [
      'a signature before the minutes',
      weRequested,
      cmd('SignRepatriationMinutes', { minutesId: MINUTES_ID, signature: 'c2ln' }, system),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'a signature of other minutes',
      [...weRequested, proposed],
      cmd('SignRepatriationMinutes', { minutesId: request.caseId, signature: 'c2ln' }, system),
      { code: 'VALIDATION_FAILED', fields: ['minutesId'] },
    ],
    [
      'a signature that is not base64',
      [...weRequested, proposed],
      cmd('SignRepatriationMinutes', { minutesId: MINUTES_ID, signature: 'not base64!' }, system),
      { code: 'VALIDATION_FAILED', fields: ['signature'] },
    ],
    [
      'a second signature',
      [...weRequested, proposed, signedByUs],
      cmd('SignRepatriationMinutes', { minutesId: MINUTES_ID, signature: 'c2ln' }, system),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'a countersignature over changed minutes',
      [...weRequested, proposed, signedByUs],
      cmd(
        'ReceiveRepatriationMinutesCountersignature',
        { minutes: { ...ours, belongings: ['one bag'] }, signature: 'c2ln' },
        fromThem('in-cs'),
      ),
      { code: 'MINUTES_DIFFER', fields: ['minutes.belongings'] },
    ],
    [
      'a countersignature before ours',
      [...weRequested, proposed],
      cmd(
        'ReceiveRepatriationMinutesCountersignature',
        { minutes: ours, signature: 'c2ln' },
        fromThem('in-cs'),
      ),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'a countersignature without a signature',
      [...weRequested, proposed, signedByUs],
      cmd('ReceiveRepatriationMinutesCountersignature', { minutes: ours, signature: '' }, fromThem('in-cs')),
      { code: 'VALIDATION_FAILED', fields: ['signature'] },
    ],
  ])('refuses %s', (_name, history, command, expected) => {
    expect(refusal(history, command)).toEqual(
      expected.fields ? expected : { code: expected.code, fields: undefined },
    );
  });
});

describe('hand-over minutes: the side that takes over countersigns', () => {
  it('receives the proposed minutes with the signature', () => {
    given(decider, weReceived)
      .when(
        cmd(
          'ReceiveRepatriationMinutesProposal',
          { minutes: theirs, signature: THEIR_SIGNATURE },
          fromThem('in-min'),
        ),
      )
      .then([receivedTheirs]);
  });

  it('agrees them as they are, then countersigns with the key', () => {
    const agreedState = given(decider, [...weReceived, receivedTheirs])
      .when(cmd('CountersignRepatriationMinutes', { minutes: theirs }))
      .then([agreedByUs]);
    expect(agreedState).toMatchObject({ minutes: { status: 'awaiting_our_signature', proposedBy: THEM } });
    const state = given(decider, [...weReceived, receivedTheirs, agreedByUs])
      .when(
        cmd(
          'SignRepatriationMinutes',
          { minutesId: MINUTES_ID, signature: OUR_SIGNATURE },
          { ...system, newIds: ['m-cs'] },
        ),
      )
      .then([countersignedByUs]);
    expect(state).toMatchObject({
      minutes: { status: 'co_signed', signatures: [{ agency: THEM }, { agency: US }] },
    });
  });

  const inbound = (minutes: unknown, messageId = 'in-min') =>
    cmd(
      'ReceiveRepatriationMinutesProposal',
      { minutes: minutes as HandoverMinutes, signature: 'c2ln' },
      fromThem(messageId),
    );
  it.each<[string, RepatriationEvent[], RepatriationCommand, { code: string; fields?: string[] }]>([
    [
      'minutes at another gate',
      weReceived,
      inbound({ ...theirs, borderGate: 'Lao Cai' }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.borderGate'] },
    ],
    [
      'minutes naming a person not of the case',
      weReceived,
      inbound({ ...theirs, persons: [{ personId: 'x-1', role: 'child' }] }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.persons'] },
    ],
    [
      'minutes with the sides swapped',
      weReceived,
      inbound(draftMinutes({ ...proposal, persons }, agreed(US, THEM))),
      { code: 'MINUTES_DIFFER', fields: ['minutes.handingOverAgency', 'minutes.receivingAgency'] },
    ],
    [
      'local times that are not the instant',
      weReceived,
      inbound({ ...theirs, localTimes: [...theirs.localTimes].reverse() }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.localTimes'] },
    ],
    [
      'malformed minutes',
      weReceived,
      inbound({ ...theirs, handedOverAt: 'tomorrow' }),
      { code: 'VALIDATION_FAILED', fields: ['minutes.handedOverAt'] },
    ],
    [
      'minutes of another format',
      weReceived,
      inbound({ ...theirs, format: 'v0' }),
      { code: 'VALIDATION_FAILED', fields: ['minutes.format'] },
    ],
    [
      'a second set of minutes',
      [...weReceived, receivedTheirs],
      inbound(theirs, 'in-min-2'),
      { code: 'ALREADY_EXISTS' },
    ],
    [
      'agreeing to other minutes than received',
      [...weReceived, receivedTheirs],
      cmd('CountersignRepatriationMinutes', { minutes: { ...theirs, documents: [] } }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.documents'] },
    ],
    [
      'agreeing before any minutes came',
      weReceived,
      cmd('CountersignRepatriationMinutes', { minutes: theirs }),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'the countersignature before agreeing',
      [...weReceived, receivedTheirs],
      cmd('SignRepatriationMinutes', { minutesId: MINUTES_ID, signature: 'c2ln' }, system),
      { code: 'INVALID_TRANSITION' },
    ],
  ])('refuses %s', (_name, history, command, expected) => {
    expect(refusal(history, command)).toEqual(
      expected.fields ? expected : { code: expected.code, fields: undefined },
    );
  });
});

describe('identification of the victim (not the verification of identity)', () => {
  const identify = (data: object) => cmd('IdentifyRepatriationVictim', data as never, { newIds: ['m-id'] });
  const TODAY = OFFICER.now.slice(0, 10);
  it.each([[['act', 'means', 'purpose']], [['act', 'purpose', 'child']]])('identifies on %j', (criteria) => {
    const state = given(decider, weReceived)
      .when(identify({ decision: 'identified', criteria, grounds: 'testimony and medical report' }))
      .then([
        {
          type: 'RepatriationVictimIdentified',
          data: {
            decision: 'identified',
            criteria: criteria as never,
            grounds: 'testimony and medical report',
            decidedBy: US,
            // Unless the officer names them, the authority is our agency and the day is today.
            authority: US,
            identifiedOn: TODAY,
            ...out('m-id', 'VictimIdentification'),
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'scheduled', identification: { decision: 'identified' } });
    expect(state).not.toHaveProperty('identification.outbound');
  });

  it('records that the person was not identified as a victim, and tells the counterpart', () => {
    given(decider, weReceived)
      .when(
        identify({
          decision: 'not_identified',
          criteria: ['act'],
          grounds: 'left of her own will',
          authority: 'Ma Lu Thang border post',
          identifiedOn: '2026-11-20',
        }),
      )
      .then([
        {
          type: 'RepatriationVictimIdentified',
          data: {
            decision: 'not_identified',
            criteria: ['act'],
            grounds: 'left of her own will',
            decidedBy: US,
            authority: 'Ma Lu Thang border post',
            identifiedOn: '2026-11-20',
            ...out('m-id', 'VictimIdentification'),
          },
        },
      ]);
  });

  it("records the counterpart's identification notice on our side, as they decided it", () => {
    const notice = {
      decision: 'identified',
      criteria: ['act', 'purpose', 'child'],
      grounds: 'sold at 15',
    } as const;
    const state = given(decider, weRequested)
      .when(
        cmd(
          'ReceiveVictimIdentification',
          { ...notice, authority: 'Hekou public security bureau', identifiedOn: '2026-11-22' },
          fromThem('in-id'),
        ),
      )
      .then([
        {
          type: 'RepatriationVictimIdentified',
          data: {
            ...notice,
            decidedBy: THEM,
            authority: 'Hekou public security bureau',
            identifiedOn: '2026-11-22',
            ...inb('in-id'),
          },
        },
      ]);
    expect(state).toMatchObject({
      identification: { decision: 'identified', decidedBy: THEM, identifiedOn: '2026-11-22' },
    });
  });

  it("takes a counterpart's notice without an authority (the contract does not require ours)", () => {
    given(decider, weRequested)
      .when(
        cmd(
          'ReceiveVictimIdentification',
          { decision: 'not_identified', criteria: [], grounds: 'g', identifiedOn: '2026-12-30' },
          fromThem('in-id'),
        ),
      )
      .then([
        {
          type: 'RepatriationVictimIdentified',
          data: {
            decision: 'not_identified',
            criteria: [],
            grounds: 'g',
            decidedBy: THEM,
            identifiedOn: '2026-12-30',
            ...inb('in-id'),
          },
        },
      ]);
  });

  it('reads an identification stored before it travelled (no marker, authority or date)', () => {
    const old: RepatriationEvent = {
      type: 'RepatriationVictimIdentified',
      data: { decision: 'identified', criteria: ['act', 'means', 'purpose'], grounds: 'g', decidedBy: US },
    };
    expect([...weReceived, old].reduce(decider.evolve, decider.initialState())).toMatchObject({
      identification: { decision: 'identified', decidedBy: US },
    });
  });

  it.each<[string, object, string[]]>([
    [
      'identified without the means (an adult)',
      { decision: 'identified', criteria: ['act', 'purpose'], grounds: 'g' },
      ['criteria'],
    ],
    [
      'an unknown criterion',
      { decision: 'identified', criteria: ['act', 'purpose', 'means', 'rumour'], grounds: 'g' },
      ['criteria'],
    ],
    [
      'a criterion twice',
      { decision: 'not_identified', criteria: ['act', 'act'], grounds: 'g' },
      ['criteria'],
    ],
    [
      'no grounds',
      { decision: 'identified', criteria: ['act', 'means', 'purpose'], grounds: ' ' },
      ['grounds'],
    ],
    ['no decision', { criteria: [], grounds: 'g' }, ['decision']],
    [
      'a day still to come',
      { decision: 'not_identified', criteria: [], grounds: 'g', identifiedOn: '2026-11-24' },
      ['identifiedOn'],
    ],
    [
      'a malformed day and an empty authority',
      { decision: 'not_identified', criteria: [], grounds: 'g', identifiedOn: '2026-11-31', authority: ' ' },
      ['authority', 'identifiedOn'],
    ],
  ])('refuses %s', (_name, data, fields) => {
    expect(refusal(weReceived, identify(data))).toEqual({ code: 'VALIDATION_FAILED', fields });
  });

  it('refuses once the case is cancelled', () => {
    const cancelled: RepatriationEvent = {
      type: 'RepatriationCancelled',
      data: { reason: 'r', ...inb('in-c') },
    };
    expect(
      refusal([received, cancelled], identify({ decision: 'not_identified', criteria: [], grounds: 'g' })),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});

describe('timeline lines show both local times, without particulars', () => {
  it('shows the schedule in both local times', () => {
    expect(describeRepatriationEvent(scheduledByUs)).toBe(
      'Hand-over scheduled at Ma Lu Thang on 2026-12-02 09:30 Asia/Ho_Chi_Minh / 2026-12-02 10:30 Asia/Shanghai',
    );
    expect(describeRepatriationEvent(scheduledByThem)).toBe(
      'Hand-over scheduled at Ma Lu Thang on 2026-12-02 09:30 Asia/Shanghai / 2026-12-02 08:30 Asia/Ho_Chi_Minh',
    );
  });

  it('shows the minutes in both local times and who signed', () => {
    expect(describeRepatriationEvent(receivedTheirs)).toBe(
      `Hand-over minutes signed by ${THEM} received at Ma Lu Thang on 2026-11-23 10:30 Asia/Shanghai / 2026-11-23 09:30 Asia/Ho_Chi_Minh`,
    );
    const lines = [proposed, signedByUs, receivedTheirs, agreedByUs]
      .map(describeRepatriationEvent)
      .join('\n');
    for (const secret of ['Nguyen Van An', 'passport', 'one bag']) expect(lines).not.toContain(secret);
  });
});
