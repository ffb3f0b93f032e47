import { repatriationDecider, type PersonParticulars, type RepatriationState } from '@xb/domain';
import { reportFactsOf, type FactEvent } from './facts';

const WOMAN: PersonParticulars = {
  name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' },
  dateOfBirth: { year: 2001 },
  sex: 'female',
  homeAddress: 'Ban Mau, Phong Tho',
  identityDocuments: [{ type: 'national_id', number: '000000000042', issuingCountry: 'VN' }],
};
const SON: PersonParticulars = {
  name: { original: 'Lò Văn Mẫu', romanised: 'Lo Van Mau' },
  sex: 'male',
  identityDocuments: [],
};
const inbound = { inbound: { messageId: 'm-in', counterpart: 'CN.YN.BORDERPOLICE' } };
const outbound = {
  outbound: { messageId: 'm-out', counterpart: 'CN.YN.BORDERPOLICE', kind: 'ReceptionConfirmed' },
};

/** Folds the events with the repatriation decider and returns the facts each made. */
function factsOf(events: { type: string; data: unknown; at: string }[]) {
  let state: RepatriationState = repatriationDecider.initialState();
  return events.map(({ type, data, at }) => {
    state = repatriationDecider.evolve(state, { type, data } as never);
    const event: FactEvent = { type, data, metadata: { occurredAt: at } };
    return reportFactsOf('repatriation', state, event);
  });
}

const opening = {
  type: 'RepatriationRequestReceived',
  at: '2026-03-01T03:00:00Z',
  data: {
    caseId: 'r-1',
    requestingAgency: 'CN.YN.BORDERPOLICE',
    receivingAgency: 'VN.BGC.LAICHAU',
    victim: WOMAN,
    children: [{ childId: 'c-1', person: SON }],
    circumstances: 'Rescued',
    deadline: '2026-03-09T00:00:00Z',
    ...inbound,
  },
};
const schedule = {
  type: 'RepatriationHandoverScheduled',
  at: '2026-03-02T03:00:00Z',
  data: {
    schedule: {
      borderGate: 'Ma Lù Thàng',
      date: '2026-03-05',
      time: '09:00',
      receivingUnit: 'Post',
      revision: 1,
    },
    ...inbound,
  },
};
const reception = {
  type: 'RepatriationReceptionConfirmed',
  at: '2026-03-05T05:00:00Z',
  data: { facility: 'Centre', receivedAt: '2026-03-05T04:00:00Z', childIds: ['c-1'], ...outbound },
};
const handover = {
  type: 'RepatriationHandedOver',
  at: '2026-03-05T06:00:00Z',
  data: { handedOverAt: '2026-03-05T02:00:00Z', childIds: ['c-1'], ...inbound },
};

describe('report facts of a repatriation we receive', () => {
  it('counts the crossing once when our confirmation of reception comes before their hand-over message', () => {
    const [, , atReception, atLateHandover] = factsOf([opening, schedule, reception, handover]);
    expect(atReception.map((f) => [f.fact, f.by, f.sex, f.ageGroup, f.at])).toEqual([
      ['victim.handover', 'counterpart', 'female', 'adult', '2026-03-05T04:00:00.000Z'],
      ['child.handover', 'counterpart', 'male', 'unknown', '2026-03-05T04:00:00.000Z'],
      ['victim.reception', 'us', 'female', 'adult', '2026-03-05T04:00:00.000Z'],
    ]);
    expect(atLateHandover).toEqual([]);
  });

  it('counts the crossing at the hand-over when its message comes first, and our reception apart', () => {
    const [first, , atHandover, atReception] = factsOf([opening, schedule, handover, reception]);
    expect(first.map((f) => [f.fact, f.by])).toEqual([['repatriation.request', 'counterpart']]);
    expect(atHandover.map((f) => [f.fact, f.by, f.borderGate, f.at])).toEqual([
      ['victim.handover', 'counterpart', 'Ma Lù Thàng', '2026-03-05T02:00:00.000Z'],
      ['child.handover', 'counterpart', 'Ma Lù Thàng', '2026-03-05T02:00:00.000Z'],
    ]);
    expect(atReception.map((f) => [f.fact, f.by])).toEqual([['victim.reception', 'us']]);
  });

  it('carries no particulars: a person is a sex and an age group', () => {
    const text = JSON.stringify(factsOf([opening, schedule, reception]));
    for (const particular of ['Lò Thị Mẫu', 'Lo Thi Mau', '000000000042', 'Ban Mau', '2001'])
      expect(text).not.toContain(particular);
  });
});
