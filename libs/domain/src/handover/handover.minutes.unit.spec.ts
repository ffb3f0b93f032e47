/** The co-signed hand-over minutes of a suspect hand-over, given/when/then (shared/minutes-steps). */
import { isDomainError } from '../decider';
import { draftMinutes, HandoverMinutes, minutesShapeProblems } from '../shared';
import { commandsOf, given } from '../testing/given';
import { minutesHistory, OUR_SIGNATURE, THEIR_SIGNATURE } from '../testing/minutes-histories';
import { applied as inb, fromThem, OFFICER, PERSON, queued as out, THEM, US } from '../testing/fixtures';
import { SuspectHandoverCommand } from './decide';
import { suspectHandoverDecider as decider } from './decider';
import { describeSuspectHandoverEvent, SuspectHandoverEvent } from './events';

const cmd = commandsOf<SuspectHandoverCommand>();
const CASE = '0193a7b2-0000-7000-8000-000000000301';
const SUSPECT_ID = '0193a7b2-0000-7000-8000-0000000003b1';
const MINUTES_ID = '0193a7b2-0000-7000-8000-0000000003a1';
const request = {
  caseId: CASE,
  suspect: { ...PERSON, personId: SUSPECT_ID },
  warrantReference: 'LC-2026-0042',
  warrantIssuedBy: 'Investigation Police Agency, Lai Chau Provincial Police',
  warrantIssuedOn: '2026-11-02',
  offences: 'trafficking in persons',
  deadline: '2026-11-30T10:00:00Z',
};
const warrant = { reference: 'LC-2026-0042', issuedBy: request.warrantIssuedBy, issuedOn: '2026-11-02' };
const gate = {
  borderGate: 'Ma Lu Thang',
  date: '2026-11-23',
  time: '09:30',
  receivingUnit: 'Lai Chau police',
};
const officers = [
  { agency: US, name: 'Nguyen Van An', position: 'Captain' },
  { agency: THEM, name: 'Li Wei', position: 'Inspector' },
];
const proposal = {
  minutesId: MINUTES_ID,
  handedOverAt: '2026-11-23T02:30:00.000Z',
  documents: ['Warrant LC-2026-0042 (certified copy)'],
  belongings: ['One mobile phone (exhibit 1)'],
  officers,
};

// They hold the suspect and hand over; we requested and take custody.
const weRequested: SuspectHandoverEvent[] = [
  {
    type: 'SuspectHandoverRequested',
    data: {
      ...request,
      requestingAgency: US,
      holdingAgency: THEM,
      ...out('m-req', 'SuspectHandoverRequest'),
    },
  },
  { type: 'SuspectHandoverAccepted', data: { decision: 'accepted', ...inb('in-dec') } },
  {
    type: 'SuspectHandoverScheduled',
    data: { schedule: { ...gate, revision: 1, proposedBy: THEM }, ...inb('in-s1') },
  },
];
// We hold the suspect and hand over.
const weHold: SuspectHandoverEvent[] = [
  {
    type: 'SuspectHandoverRequestReceived',
    data: { ...request, requestingAgency: THEM, holdingAgency: US, ...inb('in-req') },
  },
  {
    type: 'SuspectHandoverAccepted',
    data: { decision: 'accepted', ...out('m-dec', 'SuspectHandoverDecision', 'in-req') },
  },
  {
    type: 'SuspectHandoverScheduled',
    data: { schedule: { ...gate, revision: 1, proposedBy: US }, ...out('m-s1', 'SuspectHandoverScheduling') },
  },
];
const handedOverByUs: SuspectHandoverEvent = {
  type: 'SuspectHandedOver',
  data: {
    handedOverAt: '2026-11-23T02:30:00Z',
    annex: { personId: SUSPECT_ID },
    ...out('m-done', 'SuspectHandoverCompleted'),
  },
};

const agreed = (handing: string, receiving: string) => ({
  caseId: CASE,
  process: 'suspect_handover' as const,
  handingOverAgency: handing,
  receivingAgency: receiving,
  borderGate: 'Ma Lu Thang',
  persons: [{ personId: SUSPECT_ID, role: 'suspect' as const }],
  warrant,
});
const persons = agreed(US, THEM).persons;
/** Ours, as the holding side. */
const ours: HandoverMinutes = draftMinutes({ ...proposal, persons }, agreed(US, THEM));
/** Theirs, when they hand the suspect over to us. */
const theirs: HandoverMinutes = draftMinutes({ ...proposal, persons }, agreed(THEM, US));

const { proposed, signedByUs, receivedTheirs, agreedByUs, coSignedByThem, countersignedByUs } =
  minutesHistory('SuspectHandover', ours, theirs);
const system = { ...OFFICER, actor: 'system:minutes-signer' };

const refusal = (history: SuspectHandoverEvent[], command: SuspectHandoverCommand) => {
  const result = decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
  return isDomainError(result) ? { code: result.code, fields: result.fields } : result;
};

describe('suspect hand-over minutes: the holding side proposes', () => {
  it('drafts them with the gate, both local times, the suspect by id and the warrant that names them', () => {
    const state = given(decider, weHold)
      .when(cmd('ProposeSuspectHandoverMinutes', proposal))
      .then([proposed]);
    expect(ours).toMatchObject({
      process: 'suspect_handover',
      handingOverAgency: US,
      receivingAgency: THEM,
      borderGate: 'Ma Lu Thang',
      handedOverAt: '2026-11-23T02:30:00Z',
      localTimes: [
        { agency: US, zone: 'Asia/Ho_Chi_Minh', local: '2026-11-23T09:30:00+07:00' },
        { agency: THEM, zone: 'Asia/Shanghai', local: '2026-11-23T10:30:00+08:00' },
      ],
      persons: [{ personId: SUSPECT_ID, role: 'suspect' }],
      warrant,
    });
    // No particulars: the suspect's name is nowhere in the record both sides sign.
    expect(JSON.stringify(ours)).not.toContain(PERSON.name.original);
    expect(state).toMatchObject({ minutes: { status: 'awaiting_our_signature', proposedBy: US } });
  });

  // A hand-over recorded before the rule that it waits for co-signed minutes: they may still follow.
  it('may draw them up after a hand-over recorded before them (cases from before the rule)', () => {
    given(decider, [...weHold, handedOverByUs])
      .when(cmd('ProposeSuspectHandoverMinutes', proposal))
      .then([proposed]);
  });

  it('signs them (the node holding the key), queuing the proposal with the minutes', () => {
    const state = given(decider, [...weHold, proposed])
      .when(
        cmd(
          'SignSuspectHandoverMinutes',
          { minutesId: MINUTES_ID, signature: OUR_SIGNATURE },
          { ...system, newIds: ['m-min'] },
        ),
      )
      .then([signedByUs]);
    expect(state).toMatchObject({ minutes: { status: 'awaiting_their_signature' } });
  });

  it('keeps the receiving side’s countersignature over the same minutes: co-signed', () => {
    const state = given(decider, [...weHold, proposed, signedByUs])
      .when(
        cmd(
          'ReceiveSuspectHandoverMinutesCountersignature',
          { minutes: ours, signature: THEIR_SIGNATURE },
          fromThem('in-cs'),
        ),
      )
      .then([
        {
          type: 'SuspectHandoverMinutesCoSigned',
          data: {
            minutesId: MINUTES_ID,
            minutes: ours,
            signature: { agency: THEM, signature: THEIR_SIGNATURE },
            ...inb('in-cs'),
          },
        },
      ]);
    expect(state).toMatchObject({
      minutes: { status: 'co_signed', signatures: [{ agency: US }, { agency: THEM }] },
    });
  });
});

describe('suspect hand-over minutes: the receiving side countersigns', () => {
  it('keeps their signed proposal, awaiting our agreement', () => {
    const state = given(decider, weRequested)
      .when(
        cmd(
          'ReceiveSuspectHandoverMinutesProposal',
          { minutes: theirs, signature: THEIR_SIGNATURE },
          fromThem('in-min'),
        ),
      )
      .then([receivedTheirs]);
    expect(state).toMatchObject({
      minutes: { status: 'awaiting_our_agreement', proposedBy: THEM, signatures: [{ agency: THEM }] },
    });
  });

  it('agrees them as received, then countersigns, queuing the countersignature', () => {
    given(decider, [...weRequested, receivedTheirs])
      .when(cmd('CountersignSuspectHandoverMinutes', { minutes: theirs }))
      .then([agreedByUs]);
    const state = given(decider, [...weRequested, receivedTheirs, agreedByUs])
      .when(
        cmd(
          'SignSuspectHandoverMinutes',
          { minutesId: MINUTES_ID, signature: OUR_SIGNATURE },
          { ...system, newIds: ['m-cs'] },
        ),
      )
      .then([
        {
          type: 'SuspectHandoverMinutesCountersigned',
          data: {
            minutesId: MINUTES_ID,
            minutes: theirs,
            signature: { agency: US, signature: OUR_SIGNATURE },
            ...out('m-cs', 'SuspectHandoverMinutesCountersignature'),
          },
        },
      ]);
    expect(state).toMatchObject({
      minutes: { status: 'co_signed', signatures: [{ agency: THEM }, { agency: US }] },
    });
  });
});

describe('suspect hand-over minutes: refusals', () => {
  it.each<[string, SuspectHandoverEvent[], SuspectHandoverCommand, { code: string; fields?: string[] }]>([
    [
      'proposed before the hand-over is scheduled',
      weHold.slice(0, 2),
      cmd('ProposeSuspectHandoverMinutes', proposal),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'proposed by the side that receives the suspect',
      weRequested,
      cmd('ProposeSuspectHandoverMinutes', proposal),
      { code: 'NOT_PERMITTED' },
    ],
    [
      'proposed twice',
      [...weHold, proposed],
      cmd('ProposeSuspectHandoverMinutes', proposal),
      { code: 'ALREADY_EXISTS' },
    ],
    [
      'naming a person not of the case',
      weHold,
      cmd('ProposeSuspectHandoverMinutes', {
        ...proposal,
        personIds: ['0193a7b2-0000-7000-8000-0000000003ff'],
      }),
      { code: 'VALIDATION_FAILED', fields: ['personIds'] },
    ],
    [
      'a hand-over in the future',
      weHold,
      cmd('ProposeSuspectHandoverMinutes', { ...proposal, handedOverAt: '2026-11-24T00:00:00Z' }),
      { code: 'VALIDATION_FAILED', fields: ['handedOverAt'] },
    ],
    [
      'officers of one side only',
      weHold,
      cmd('ProposeSuspectHandoverMinutes', { ...proposal, officers: [officers[0]] }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.officers'] },
    ],
    [
      'a second signature',
      [...weHold, proposed, signedByUs],
      cmd('SignSuspectHandoverMinutes', { minutesId: MINUTES_ID, signature: 'c2ln' }, system),
      { code: 'INVALID_TRANSITION' },
    ],
    [
      'a proposal from the side that receives the suspect',
      weHold,
      cmd('ReceiveSuspectHandoverMinutesProposal', { minutes: ours, signature: 'c2ln' }, fromThem('in-x')),
      { code: 'NOT_PERMITTED' },
    ],
    [
      'a proposal under another warrant',
      weRequested,
      cmd(
        'ReceiveSuspectHandoverMinutesProposal',
        { minutes: { ...theirs, warrant: { ...warrant, reference: 'LC-2026-0099' } }, signature: 'c2ln' },
        fromThem('in-x'),
      ),
      { code: 'MINUTES_DIFFER', fields: ['minutes.warrant'] },
    ],
    [
      'a proposal without the warrant',
      weRequested,
      cmd(
        'ReceiveSuspectHandoverMinutesProposal',
        { minutes: { ...theirs, warrant: undefined }, signature: 'c2ln' },
        fromThem('in-x'),
      ),
      { code: 'VALIDATION_FAILED', fields: ['minutes.warrant'] },
    ],
    [
      'a proposal naming the suspect as a victim',
      weRequested,
      cmd(
        'ReceiveSuspectHandoverMinutesProposal',
        { minutes: { ...theirs, persons: [{ personId: SUSPECT_ID, role: 'victim' }] }, signature: 'c2ln' },
        fromThem('in-x'),
      ),
      { code: 'MINUTES_DIFFER', fields: ['minutes.persons'] },
    ],
    [
      'a proposal with the sides swapped',
      weRequested,
      cmd('ReceiveSuspectHandoverMinutesProposal', { minutes: ours, signature: 'c2ln' }, fromThem('in-x')),
      { code: 'MINUTES_DIFFER', fields: ['minutes.handingOverAgency', 'minutes.receivingAgency'] },
    ],
    [
      'agreeing other minutes than received',
      [...weRequested, receivedTheirs],
      cmd('CountersignSuspectHandoverMinutes', { minutes: { ...theirs, belongings: [] } }),
      { code: 'MINUTES_DIFFER', fields: ['minutes.belongings'] },
    ],
    [
      'a countersignature over other minutes',
      [...weHold, proposed, signedByUs],
      cmd(
        'ReceiveSuspectHandoverMinutesCountersignature',
        { minutes: { ...ours, documents: [] }, signature: 'c2ln' },
        fromThem('in-x'),
      ),
      { code: 'MINUTES_DIFFER', fields: ['minutes.documents'] },
    ],
    [
      'a countersignature before we signed',
      [...weHold, proposed],
      cmd(
        'ReceiveSuspectHandoverMinutesCountersignature',
        { minutes: ours, signature: 'c2ln' },
        fromThem('in-x'),
      ),
      { code: 'INVALID_TRANSITION' },
    ],
  ])('refuses %s', (_name, history, command, expected) => {
    expect(refusal(history, command)).toMatchObject(expected);
  });

  it('a repatriation’s minutes carry no warrant; a suspect hand-over’s always one', () => {
    expect(minutesShapeProblems({ ...ours, process: 'repatriation' })).toEqual(['minutes.warrant']);
    expect(minutesShapeProblems(ours)).toEqual([]);
  });

  it('describes each step without particulars', () => {
    expect(describeSuspectHandoverEvent(proposed)).toBe(
      'Hand-over minutes drafted at Ma Lu Thang on 2026-11-23 09:30 Asia/Ho_Chi_Minh / 2026-11-23 10:30 Asia/Shanghai',
    );
    expect(describeSuspectHandoverEvent(receivedTheirs)).toContain('signed by CN.YN.BORDERPOLICE received');
  });
});

describe('suspect hand-over: recorded only once the minutes are co-signed', () => {
  const record = cmd(
    'RecordSuspectHandover',
    { handedOverAt: '2026-11-23T02:30:00Z' },
    {
      ...OFFICER,
      newIds: ['m-done'],
    },
  );
  const completion = cmd(
    'ReceiveSuspectHandoverCompletion',
    { handedOverAt: '2026-11-23T02:30:00Z' },
    fromThem('in-done'),
  );

  it.each<[string, SuspectHandoverEvent[], SuspectHandoverCommand]>([
    ['ours, no minutes drawn up', weHold, record],
    ['ours, minutes drawn up, not signed', [...weHold, proposed], record],
    ['ours, minutes signed by us only', [...weHold, proposed, signedByUs], record],
    ['theirs, no minutes', weRequested, completion],
    ['theirs, their minutes not yet agreed', [...weRequested, receivedTheirs], completion],
    [
      'theirs, minutes agreed, our signature not yet made',
      [...weRequested, receivedTheirs, agreedByUs],
      completion,
    ],
  ])('refuses the hand-over (%s): MINUTES_NOT_COSIGNED on minutes', (_name, history, command) => {
    expect(refusal(history, command)).toMatchObject({ code: 'MINUTES_NOT_COSIGNED', fields: ['minutes'] });
  });

  it('records it once both signatures are in, on either side', () => {
    given(decider, [...weHold, proposed, signedByUs, coSignedByThem])
      .when(record)
      .then([handedOverByUs]);
    const state = given(decider, [...weRequested, receivedTheirs, agreedByUs, countersignedByUs])
      .when(completion)
      .then([
        {
          type: 'SuspectHandedOver',
          data: { handedOverAt: '2026-11-23T02:30:00Z', annex: { personId: SUSPECT_ID }, ...inb('in-done') },
        },
      ]);
    expect(state).toMatchObject({ status: 'handed_over', minutes: { status: 'co_signed' } });
  });

  // The rule holds while the case is scheduled, the one status in which nothing yet records the
  // hand-over; a case from before the rule that records one keeps its status rules, whatever its minutes.
  it('leaves a case already handed over with no minutes to its status rules (stores from before the rule)', () => {
    expect(refusal([...weHold, handedOverByUs], record)).toMatchObject({ code: 'INVALID_TRANSITION' });
    const handedOverToUs: SuspectHandoverEvent = {
      type: 'SuspectHandedOver',
      data: { handedOverAt: '2026-11-23T02:30:00Z', annex: { personId: SUSPECT_ID }, ...inb('in-done') },
    };
    // Their completion delivered again is the one already applied, not a hand-over to refuse.
    given(decider, [...weRequested, handedOverToUs])
      .when(completion)
      .then([]);
  });

  it('still folds a hand-over recorded before its minutes (stores from before the rule)', () => {
    const state = [...weHold, handedOverByUs, proposed, signedByUs, coSignedByThem].reduce(
      decider.evolve,
      decider.initialState(),
    );
    expect(state).toMatchObject({ status: 'handed_over', minutes: { status: 'co_signed' } });
  });
});
