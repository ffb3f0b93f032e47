import { answersFor, DEFAULT_RESPONDER_POLICY, reactionsTo } from './policy';

const inbound = { messageId: '0193a7b2-0000-7000-8000-0000000000aa', counterpart: 'VN.BGC.LAICHAU' };
const types = (event: { type: string; data: unknown }, policy = DEFAULT_RESPONDER_POLICY) =>
  reactionsTo(event, policy).map((r) => r.type);

describe('responder policy', () => {
  it.each([
    ['VerificationRequestReceived', ['AnswerVerificationRequest']],
    ['RepatriationRequestReceived', ['AcceptRepatriation']],
    ['RepatriationHandedOver', ['ConfirmRepatriationReception', 'ReferRepatriatedVictim']],
    ['SuspectHandoverRequestReceived', ['AcceptSuspectHandover']],
    ['SuspectHandoverMinutesCoSigned', ['RecordSuspectHandover']],
    ['SuspectHandoverScheduled', []],
    ['JointOperationProposalReceived', ['AgreeJointOperation']],
    ['InformationNoticeReceived', ['ClassifyInformationNotice', 'ProcessInformationNotice']],
    ['LocateRescueRequestReceived', ['AcknowledgeLocateRescue']],
    ['WantedPersonRequestReceived', ['AcknowledgeWantedPerson']],
    ['VerificationClosed', []],
  ])('answers %s from the counterpart with %j', (type, expected) => {
    expect(types({ type, data: { inbound } })).toEqual(expected);
  });

  it('never answers its own agency\u2019s events (no loop)', () => {
    expect(types({ type: 'RepatriationHandedOver', data: { childIds: [] } })).toEqual([]);
    expect(types({ type: 'SuspectHandoverMinutesSigned', data: { minutesId: 'm' } })).toEqual([]);
  });

  it('records the suspect hand-over at the time the co-signed minutes give', () => {
    const [record] = reactionsTo(
      { type: 'SuspectHandoverMinutesCoSigned', data: { inbound } },
      DEFAULT_RESPONDER_POLICY,
    );
    const state = { minutes: { status: 'co_signed', minutes: { handedOverAt: '2026-11-23T02:30:00Z' } } };
    expect(record.data(state, '2026-11-23T05:00:00Z')).toEqual({ handedOverAt: '2026-11-23T02:30:00Z' });
  });

  it('refuses or declines when its policy says so', () => {
    const refusing = {
      ...DEFAULT_RESPONDER_POLICY,
      acceptRepatriations: false,
      acceptSuspectHandovers: false,
      agreeJointOperations: false,
    };
    expect(types({ type: 'RepatriationRequestReceived', data: { inbound } }, refusing)).toEqual([
      'RefuseRepatriation',
    ]);
    expect(types({ type: 'SuspectHandoverRequestReceived', data: { inbound } }, refusing)).toEqual([
      'RefuseSuspectHandover',
    ]);
    expect(types({ type: 'JointOperationProposalReceived', data: { inbound } }, refusing)).toEqual([
      'DeclineJointOperation',
    ]);
  });

  it('builds the reception from the case: every child travelling with the victim', () => {
    const [confirm] = reactionsTo(
      { type: 'RepatriationHandedOver', data: { inbound } },
      DEFAULT_RESPONDER_POLICY,
    );
    expect(
      confirm.data({ children: [{ childId: 'c-1' }, { childId: 'c-2' }] }, '2026-11-23T05:00:00Z'),
    ).toMatchObject({ childIds: ['c-1', 'c-2'], receivedAt: '2026-11-23T05:00:00Z' });
  });

  it('answers each purpose the round asks, as its outcome says', () => {
    const [answer] = reactionsTo(
      { type: 'VerificationRequestReceived', data: { inbound } },
      DEFAULT_RESPONDER_POLICY,
    );
    expect(
      answer.data({ purposes: ['identity', 'nationality', 'family'] }, '2026-11-23T05:00:00Z'),
    ).toMatchObject({
      outcome: 'confirmed',
      answers: { identity: 'confirmed', nationality: 'confirmed', family: 'traced' },
    });
    expect(answersFor('not_found', ['documents', 'criminal_record'])).toEqual({
      documents: 'not_genuine',
      criminal_record: 'none',
    });
    expect(answersFor('partial', ['nationality', 'identity'])).toEqual({
      identity: 'confirmed',
      nationality: 'not_confirmed',
    });
    expect(answersFor('more_information_needed', ['identity'])).toEqual({});
  });
});
