import {
  Agency,
  CN,
  coSignMinutes,
  contentOf,
  deliver,
  typesOf,
  VN,
  WOMAN,
} from '../testing/wire-conversation';

const caseId = '0193a7e2-0000-4000-8000-0000000000b1';
const warrant = {
  warrantIssuedBy: 'Investigation Police Agency, Lai Chau Provincial Police',
  warrantIssuedOn: '2026-10-30',
};
const gate = {
  borderGate: 'Lao Cai - Hekou',
  date: '2026-12-05',
  time: '08:00',
  receivingUnit: 'Lao Cai police',
};

describe('suspect hand-over over the wire', () => {
  const requesting = new Agency(VN); // holds the warrant
  const holding = new Agency(CN); // located the suspect

  it('goes requested → accepted → scheduled → handed over on both sides', () => {
    const requested = requesting.act('handover', caseId, 'RequestSuspectHandover', {
      caseId,
      counterpart: CN,
      suspect: WOMAN,
      warrantReference: '123/QD-CSHS',
      ...warrant,
      offences: 'Art. 150 Criminal Code: trafficking in persons',
      deadline: '2026-12-20T00:00:00Z',
    });
    const received = deliver(requesting, holding, requested);
    expect(typesOf(received)).toEqual(['SuspectHandoverRequestReceived']);
    // The warrant (reference, authority, date of issue) and the decision deadline arrive as they left.
    expect(contentOf(received[0])).toEqual(contentOf(requested[0]));
    expect(holding.state('handover', caseId)).toMatchObject({ ...warrant, deadline: '2026-12-20T00:00:00Z' });

    const decided = deliver(
      holding,
      requesting,
      holding.act('handover', caseId, 'AcceptSuspectHandover', {}),
    );
    expect(decided.map(contentOf)).toEqual([{ decision: 'accepted' }]);

    const scheduled = deliver(
      requesting,
      holding,
      requesting.act('handover', caseId, 'ScheduleSuspectHandover', gate),
    );
    // The exact instant travels with the received schedule (its annex), so it goes back out unchanged.
    expect(scheduled.map(contentOf)).toEqual([
      {
        schedule: { ...gate, revision: 1, proposedBy: VN },
        // Agreed as 08:00 in Vietnam: 09:00 on the Chinese side (UTC+8), shown in both (holding side first).
        localTimes: [
          { agency: CN, zone: 'Asia/Shanghai', local: '2026-12-05T09:00:00+08:00' },
          { agency: VN, zone: 'Asia/Ho_Chi_Minh', local: '2026-12-05T08:00:00+07:00' },
        ],
        annex: { scheduledAt: '2026-12-05T01:00:00Z' },
      },
    ]);

    const day = '2026-12-05T03:00:00Z';
    // Recorded only once both sides signed the minutes at the gate.
    coSignMinutes(holding, requesting, 'handover', caseId, '2026-12-05T01:10:00Z', day);
    const done = holding.act(
      'handover',
      caseId,
      'RecordSuspectHandover',
      { handedOverAt: '2026-12-05T01:10:00Z' },
      day,
    );
    expect(deliver(holding, requesting, done, day).map(contentOf)).toEqual([
      { handedOverAt: '2026-12-05T01:10:00Z' },
    ]);

    expect([requesting.state('handover', caseId).status, holding.state('handover', caseId).status]).toEqual([
      'handed_over',
      'handed_over',
    ]);
  });

  it('carries a refusal as remarks under "another ground"', () => {
    const other = '0193a7e2-0000-4000-8000-0000000000b2';
    deliver(
      requesting,
      holding,
      requesting.act('handover', other, 'RequestSuspectHandover', {
        caseId: other,
        counterpart: CN,
        suspect: WOMAN,
        warrantReference: '124/QD-CSHS',
        ...warrant,
        offences: 'Art. 150',
        deadline: '2026-12-20T00:00:00Z',
      }),
    );
    const refused = holding.act('handover', other, 'RefuseSuspectHandover', {
      reason: 'Under proceedings here',
    });
    expect(deliver(holding, requesting, refused).map(contentOf)).toEqual([
      { decision: 'refused', reason: 'Under proceedings here' },
    ]);
    expect(requesting.state('handover', other).status).toBe('refused');
  });

  it('is cancelled before the hand-over, on both sides', () => {
    const third = '0193a7e2-0000-4000-8000-0000000000b3';
    deliver(
      requesting,
      holding,
      requesting.act('handover', third, 'RequestSuspectHandover', {
        caseId: third,
        counterpart: CN,
        suspect: WOMAN,
        warrantReference: '125/QD-CSHS',
        ...warrant,
        offences: 'Art. 150',
        deadline: '2026-12-20T00:00:00Z',
      }),
    );
    const cancelled = requesting.act('handover', third, 'CancelSuspectHandover', {
      reason: 'Warrant lifted',
    });
    expect(deliver(requesting, holding, cancelled).map(contentOf)).toEqual([{ reason: 'Warrant lifted' }]);
    expect([requesting.state('handover', third).status, holding.state('handover', third).status]).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });
});
