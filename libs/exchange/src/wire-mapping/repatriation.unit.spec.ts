import { Agency, CHILD, CN, contentOf, deliver, typesOf, VN, WOMAN } from './wire-conversation';

const caseId = '0193a7e2-0000-4000-8000-0000000000a1';
const childId = '0193a7e2-0000-4000-8000-0000000000c1';
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

  it('goes requested → accepted → scheduled → rescheduled → handed over → received → referred', () => {
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
    const { deadline: _ours, ...sentContent } = contentOf(requested[0]);
    const { deadline, ...receivedContent } = contentOf(received[0]);
    expect(receivedContent).toEqual(sentContent);
    // The contract carries no decision deadline: the receiving node's policy (30 days) sets it.
    expect(deadline).toBe('2026-12-23T04:00:00Z');

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
    const handedOver = vn.act(
      'repatriation',
      caseId,
      'RecordRepatriationHandover',
      { handedOverAt: '2026-12-02T07:05:00Z', childIds: [childId] },
      later,
    );
    const applied = deliver(vn, home, handedOver, later);
    expect(applied.map(contentOf)).toEqual([{ handedOverAt: '2026-12-02T07:05:00Z', childIds: [childId] }]);

    const evening = '2026-12-02T10:00:00Z';
    const confirmed = home.act(
      'repatriation',
      caseId,
      'ConfirmRepatriationReception',
      {
        facility: 'Lai Chau social protection centre',
        receivedAt: '2026-12-02T09:00:00Z',
        childIds: [childId],
      },
      evening,
    );
    const recorded = deliver(home, vn, confirmed, evening);
    // Gap of xborder.v1: the reception names no children, so the requesting side records none.
    expect(recorded.map(contentOf)).toEqual([
      { facility: 'Lai Chau social protection centre', receivedAt: '2026-12-02T09:00:00Z', childIds: [] },
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
    const withoutReception = (children: unknown) =>
      (children as { received: boolean }[]).map(({ received: _r, ...child }) => child);
    expect(withoutReception(receiving.children)).toEqual(withoutReception(requesting.children));
    // The same gap: the requesting side cannot tell that the child was received too.
    expect((receiving.children as { received: boolean }[])[0].received).toBe(true);
    expect((requesting.children as { received: boolean }[])[0].received).toBe(false);
    for (const side of [requesting, receiving])
      expect(new Set(Object.values(side.trail.messages).map((m) => m.delivery))).toEqual(
        new Set(['delivered']),
      );
  });
});
