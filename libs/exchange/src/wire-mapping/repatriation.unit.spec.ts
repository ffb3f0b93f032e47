import {
  Agency,
  CHILD,
  CN,
  coSignMinutes,
  contentOf,
  deliver,
  typesOf,
  VN,
  WOMAN,
} from '../testing/wire-conversation';

const caseId = '0193a7e2-0000-4000-8000-0000000000a1';
const childId = '0193a7e2-0000-4000-8000-0000000000c1';
const babyId = '0193a7e2-0000-4000-8000-0000000000c2';
const gate = { borderGate: 'Ma Lu Thang', date: '2026-12-02', time: '09:30', receivingUnit: 'Lai Chau BGC' };

type View = {
  status: string;
  children: unknown;
  schedule: unknown;
  trail: { messages: Record<string, { delivery: string }> };
};

describe('repatriation of a woman and her child over the wire', () => {
  const vn = new Agency(CN); // requesting side: where she was rescued (named for readability below)
  const home = new Agency(VN); // receiving side: her home side

  it('goes requested (+ a child) → accepted → scheduled → rescheduled → handed over → received → referred', () => {
    const requested = vn.act('repatriation', caseId, 'RequestRepatriation', {
      caseId,
      counterpart: VN,
      victim: WOMAN,
      children: [{ childId, person: CHILD }],
      circumstances: 'Rescued from a forced marriage in Jinping county',
      deadline: '2026-12-20T00:00:00Z',
    });
    const received = deliver(vn, home, requested);
    expect(typesOf(received)).toEqual(['RepatriationRequestReceived']);
    // Everything arrives as it left, the decision deadline (respond_by) included.
    expect(contentOf(received[0])).toEqual(contentOf(requested[0]));

    // A baby found with her after the request went: added on both sides under the same child id.
    const added = vn.act('repatriation', caseId, 'AddAccompanyingChild', { childId: babyId, person: CHILD });
    const addedThere = deliver(vn, home, added);
    expect(typesOf(addedThere)).toEqual(['RepatriationChildAdded']);
    expect(contentOf(addedThere[0])).toEqual(contentOf(added[0]));

    const accepted = deliver(
      home,
      vn,
      home.act('repatriation', caseId, 'AcceptRepatriation', { note: 'Identity confirmed' }),
    );
    expect(accepted.map((e) => e.data)).toMatchObject([{ decision: 'accepted', note: 'Identity confirmed' }]);

    const scheduled = deliver(
      home,
      vn,
      home.act('repatriation', caseId, 'ScheduleRepatriationHandover', gate),
    );
    expect(typesOf(scheduled)).toEqual(['RepatriationHandoverScheduled']);
    const moved = { ...gate, time: '14:00' };
    const rescheduled = deliver(
      vn,
      home,
      vn.act('repatriation', caseId, 'ScheduleRepatriationHandover', moved),
    );
    expect(typesOf(rescheduled)).toEqual(['RepatriationHandoverRescheduled']);
    expect(rescheduled[0].data).toMatchObject({ schedule: { ...moved, revision: 2, proposedBy: CN } });
    expect(home.state<View>('repatriation', caseId).schedule).toEqual(
      vn.state<View>('repatriation', caseId).schedule,
    );

    const later = '2026-12-02T08:00:00Z';
    // Recorded only once both sides signed the minutes at the gate.
    coSignMinutes(vn, home, 'repatriation', caseId, '2026-12-02T07:05:00Z', later);
    const handedOver = vn.act(
      'repatriation',
      caseId,
      'RecordRepatriationHandover',
      { handedOverAt: '2026-12-02T07:05:00Z', childIds: [childId, babyId] },
      later,
    );
    const applied = deliver(vn, home, handedOver, later);
    expect(applied.map(contentOf)).toEqual([
      { handedOverAt: '2026-12-02T07:05:00Z', childIds: [childId, babyId] },
    ]);

    const evening = '2026-12-02T10:00:00Z';
    const confirmed = home.act(
      'repatriation',
      caseId,
      'ConfirmRepatriationReception',
      {
        facility: 'Lai Chau social protection centre',
        receivedAt: '2026-12-02T09:00:00Z',
        childIds: [childId, babyId],
      },
      evening,
    );
    const recorded = deliver(home, vn, confirmed, evening);
    // The reception names everyone received (person_ids), so the requesting side records the children.
    expect(recorded.map(contentOf)).toEqual([
      {
        facility: 'Lai Chau social protection centre',
        receivedAt: '2026-12-02T09:00:00Z',
        childIds: [childId, babyId],
      },
    ]);
    home.act(
      'repatriation',
      caseId,
      'ReferRepatriatedVictim',
      { services: ['shelter'], referredTo: 'Family' },
      evening,
    );

    const requesting = vn.state<View>('repatriation', caseId);
    const receiving = home.state<View>('repatriation', caseId);
    expect([requesting.status, receiving.status]).toEqual(['received', 'referred']);
    // Both sides know the same children, each handed over and received.
    expect(receiving.children).toEqual(requesting.children);
    expect(requesting.children).toMatchObject([
      { childId, handedOver: true, received: true },
      { childId: babyId, handedOver: true, received: true },
    ]);
    for (const side of [requesting, receiving])
      expect(new Set(Object.values(side.trail.messages).map((m) => m.delivery))).toEqual(
        new Set(['delivered']),
      );
  });

  it('is cancelled by either side before the hand-over, on both sides', () => {
    const other = '0193a7e2-0000-4000-8000-0000000000a2';
    deliver(
      vn,
      home,
      vn.act('repatriation', other, 'RequestRepatriation', {
        caseId: other,
        counterpart: VN,
        victim: WOMAN,
        children: [],
        circumstances: 'Rescued in Hekou',
        deadline: '2026-12-20T00:00:00Z',
      }),
    );
    const cancelled = home.act('repatriation', other, 'CancelRepatriation', {
      reason: 'She chose to stay with relatives abroad',
    });
    const applied = deliver(home, vn, cancelled);
    expect(applied.map(contentOf)).toEqual([{ reason: 'She chose to stay with relatives abroad' }]);
    expect([vn.state('repatriation', other).status, home.state('repatriation', other).status]).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });
});
