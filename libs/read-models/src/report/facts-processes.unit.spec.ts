import { deciderOf, type PersonParticulars, type ProcessCategory } from '@xb/domain';
import { reportFactsOf, type FactEvent, type ReportFact } from './facts';
import { tallyFacts, sumFigures } from './figures';
import { indicatorResults } from './indicators';

const CN = 'CN.YN.BORDERPOLICE';
const US = 'VN.BGC.LAICHAU';
const GIRL: PersonParticulars = {
  name: { original: 'Giàng Thị Mẫu', romanised: 'Giang Thi Mau' },
  dateOfBirth: { year: 2011, month: 5, day: 1 },
  sex: 'female',
  homeAddress: 'Sin Ho',
  identityDocuments: [{ type: 'national_id', number: '000000000077', issuingCountry: 'VN' }],
};
const MAN: PersonParticulars = {
  name: { original: '王样本', romanised: 'Wang Yangben' },
  dateOfBirth: { year: 1975 },
  sex: 'male',
  identityDocuments: [],
};
const inbound = { inbound: { messageId: 'm-in', counterpart: CN } };
const outbound = (kind: string) => ({ outbound: { messageId: 'm-out', counterpart: CN, kind } });

type Step = { type: string; data: unknown; at: string };
/** Folds the events with the process's own decider and returns the facts each made. */
function factsOf(category: ProcessCategory, steps: Step[]): ReportFact[][] {
  const decider = deciderOf(category);
  let state = decider.initialState();
  return steps.map(({ type, data, at }) => {
    const event: FactEvent = { type, data, metadata: { occurredAt: at } };
    state = decider.evolve(state, event as never);
    return reportFactsOf(category, state, event);
  });
}
const brief = (facts: ReportFact[]) =>
  facts.map((f) => [f.fact, f.by, f.counterpart, f.borderGate, f.sex, f.ageGroup, f.detail, f.at]);

const rescueRequest = {
  caseId: 'lr-1',
  requestingAgency: CN,
  requestedAgency: US,
  missingPerson: GIRL,
  lastContact: { date: '2026-04-01', place: 'Hekou' },
  phoneNumbers: [],
  photos: [],
  circumstances: 'Called her mother',
  deadline: '2026-04-10T00:00:00.000Z',
};

describe('report facts of the processes added to the reports', () => {
  it('locate and rescue: requests each way, located, rescued (sex, age group, the stated time), not found', () => {
    const [asked, ack, located, rescued] = factsOf('rescue', [
      {
        type: 'LocateRescueRequestReceived',
        data: { ...rescueRequest, ...inbound },
        at: '2026-04-02T03:00:00Z',
      },
      { type: 'LocateRescueAcknowledged', data: { ...outbound('Ack') }, at: '2026-04-02T04:00:00Z' },
      {
        type: 'MissingPersonLocated',
        data: { outcome: 'located', at: '2026-04-05T01:00:00Z', place: 'Lao Cai', ...outbound('Outcome') },
        at: '2026-04-05T02:00:00Z',
      },
      {
        type: 'MissingPersonRescued',
        data: {
          outcome: 'rescued',
          at: '2026-04-06T01:00:00Z',
          place: 'Lao Cai',
          person: GIRL,
          ...outbound('Outcome'),
        },
        at: '2026-04-06T02:00:00Z',
      },
    ]);
    expect(brief(asked)).toEqual([
      ['rescue.request', 'counterpart', CN, '', '', '', '', '2026-04-02T03:00:00.000Z'],
    ]);
    expect(ack).toEqual([]);
    expect(brief(located)).toEqual([
      ['person.located', 'us', CN, '', 'female', 'under_16', '', '2026-04-05T01:00:00.000Z'],
    ]);
    expect(brief(rescued)).toEqual([
      ['victim.rescued', 'us', CN, '', 'female', 'under_16', '', '2026-04-06T01:00:00.000Z'],
    ]);
    const [ours, notFound] = factsOf('rescue', [
      {
        type: 'LocateRescueRequested',
        data: { ...rescueRequest, requestingAgency: US, requestedAgency: CN, ...outbound('Request') },
        at: '2026-04-02T03:00:00Z',
      },
      {
        type: 'MissingPersonNotFound',
        data: { outcome: 'not_found', note: 'Moved on', ...inbound },
        at: '2026-04-09T03:00:00Z',
      },
    ]);
    expect(brief(ours).map((f) => f.slice(0, 3))).toEqual([['rescue.request', 'us', CN]]);
    expect(brief(notFound).map((f) => f.slice(0, 3))).toEqual([['rescue.not_found', 'counterpart', CN]]);
  });

  it('wanted persons: the counterpart arrests the suspect we asked for, at the time it states', () => {
    const request = {
      caseId: 'wp-1',
      requestingAgency: US,
      requestedAgency: CN,
      suspect: MAN,
      warrantReference: 'W-1',
      warrantIssuedBy: 'Investigation agency',
      warrantIssuedOn: '2026-03-01',
      offences: 'Trafficking in persons',
      photos: [],
      deadline: '2026-04-10T00:00:00.000Z',
    };
    const [asked, arrested] = factsOf('wanted', [
      {
        type: 'WantedPersonRequested',
        data: { ...request, ...outbound('Request') },
        at: '2026-04-02T03:00:00Z',
      },
      {
        type: 'WantedPersonArrested',
        data: { outcome: 'arrested', at: '2026-04-07T13:00:00Z', place: 'Hekou', ...inbound },
        at: '2026-04-08T01:00:00Z',
      },
    ]);
    expect(brief(asked).map((f) => f.slice(0, 3))).toEqual([['wanted.request', 'us', CN]]);
    expect(brief(arrested)).toEqual([
      ['suspect.arrested', 'counterpart', CN, '', 'male', 'adult', '', '2026-04-07T13:00:00.000Z'],
    ]);
  });

  it('identification of a victim: identified with each criterion, or not identified', () => {
    const opening = {
      type: 'RepatriationRequestReceived',
      at: '2026-03-01T03:00:00Z',
      data: {
        caseId: 'r-1',
        requestingAgency: CN,
        receivingAgency: US,
        victim: GIRL,
        children: [],
        circumstances: 'Rescued',
        deadline: '2026-03-09T00:00:00Z',
        ...inbound,
      },
    };
    const identified = {
      type: 'RepatriationVictimIdentified',
      at: '2026-03-06T03:00:00Z',
      data: {
        decision: 'identified',
        criteria: ['act', 'purpose', 'child'],
        grounds: 'Sold',
        decidedBy: 'Border post',
      },
    };
    const [, facts] = factsOf('repatriation', [opening, identified]);
    expect(brief(facts).map(([fact, by, , , sex, age, detail]) => [fact, by, sex, age, detail])).toEqual([
      ['victim.identified', 'us', 'female', 'under_16', ''],
      ['victim.identification_criterion', 'us', 'female', 'under_16', 'act'],
      ['victim.identification_criterion', 'us', 'female', 'under_16', 'purpose'],
      ['victim.identification_criterion', 'us', 'female', 'under_16', 'child'],
    ]);
    const notIdentified = {
      ...identified,
      data: { ...identified.data, decision: 'not_identified', criteria: [] },
    };
    expect(factsOf('repatriation', [opening, notIdentified])[1].map((f) => f.fact)).toEqual([
      'victim.not_identified',
    ]);
  });

  it("the counterpart's identification notice counts as theirs", () => {
    const identified = {
      type: 'RepatriationVictimIdentified',
      at: '2026-03-06T03:00:00Z',
      data: {
        decision: 'identified',
        criteria: ['act', 'means', 'purpose'],
        grounds: 'Sold',
        decidedBy: CN,
        authority: 'Hekou public security bureau',
        identifiedOn: '2026-03-05',
        ...inbound,
      },
    };
    const opening = {
      type: 'RepatriationRequested',
      at: '2026-03-05T03:00:00Z',
      data: {
        caseId: 'r-2',
        requestingAgency: US,
        receivingAgency: CN,
        victim: GIRL,
        children: [],
        circumstances: 'Rescued',
        deadline: '2026-03-09T00:00:00Z',
        ...outbound('RepatriationRequest'),
      },
    };
    const [, facts] = factsOf('repatriation', [opening, identified]);
    expect(facts.map((f) => [f.fact, f.by, f.detail])).toEqual([
      ['victim.identified', 'counterpart', ''],
      ['victim.identification_criterion', 'counterpart', 'act'],
      ['victim.identification_criterion', 'counterpart', 'means'],
      ['victim.identification_criterion', 'counterpart', 'purpose'],
    ]);
  });

  it('each verification purpose asked and answered, on its own', () => {
    const request = {
      caseId: 'v-2',
      requester: CN,
      responder: US,
      subject: { role: 'victim', person: GIRL },
      purposes: ['identity', 'nationality', 'family'],
      details: 'Found',
      deadline: '2026-03-09T00:00:00Z',
      ...inbound,
    };
    const answered = {
      outcome: 'partial',
      findings: 'Registered; family not traced',
      answers: { identity: 'confirmed', nationality: 'confirmed', family: 'not_traced' },
      round: 1,
      ...outbound('VerificationAnswer'),
    };
    const [asked, answer] = factsOf('verification', [
      { type: 'VerificationRequestReceived', data: request, at: '2026-03-05T03:00:00Z' },
      { type: 'VerificationAnswered', data: answered, at: '2026-03-06T03:00:00Z' },
    ]);
    expect(asked.map((f) => [f.fact, f.by, f.detail])).toEqual([
      ['verification.request', 'counterpart', ''],
      ['verification.purpose', 'counterpart', 'identity'],
      ['verification.purpose', 'counterpart', 'nationality'],
      ['verification.purpose', 'counterpart', 'family'],
    ]);
    expect(answer.map((f) => [f.fact, f.by, f.detail])).toEqual([
      ['verification.answer', 'us', 'on_time'],
      ['verification.purpose_established', 'us', 'identity'],
      ['verification.purpose_established', 'us', 'nationality'],
      ['verification.purpose_not_established', 'us', 'family'],
    ]);
  });

  it('a hotline tip forwarded to a counterpart, by urgency', () => {
    const tip = {
      caseId: 'n-1',
      category: 'hotline_tip',
      title: 'Caller',
      content: 'A neighbour left',
      channel: 'phone',
      callerKind: 'relative',
      urgency: 'immediate',
      receivedAt: '2026-04-01T01:00:00Z',
      processingDeadline: '2026-04-03T01:00:00Z',
    };
    const [received, forwarded] = factsOf('notice', [
      { type: 'HotlineTipRecorded', data: tip, at: '2026-04-01T01:00:00Z' },
      {
        type: 'HotlineTipForwarded',
        data: { ...tip, sender: US, recipient: CN, ...outbound('InformationNotice') },
        at: '2026-04-01T02:00:00Z',
      },
    ]);
    expect(received.map((f) => [f.fact, f.counterpart])).toEqual([['tip.received', '']]);
    expect(brief(forwarded).map(([fact, by, cp, , , , detail]) => [fact, by, cp, detail])).toEqual([
      ['tip.forwarded', 'us', CN, 'immediate'],
    ]);
  });

  it('liaison meetings: held by the host, action items by owner, done on time or late', () => {
    const proposal = {
      caseId: 'lm-1',
      proposer: US,
      partner: CN,
      kind: 'regular',
      level: 'provincial',
      agenda: ['Returns'],
      place: 'Lai Chau',
      startsAt: '2026-05-05T02:00:00Z',
      deadline: '2026-05-01T00:00:00Z',
      host: US,
    };
    const items = [
      { number: 1, description: 'Share lists', owner: US, deadline: '2026-05-20T00:00:00Z' },
      { number: 2, description: 'Name contacts', owner: CN, deadline: '2026-05-20T00:00:00Z' },
    ];
    const facts = factsOf('liaison', [
      {
        type: 'LiaisonMeetingProposed',
        data: { ...proposal, ...outbound('Proposal') },
        at: '2026-04-20T02:00:00Z',
      },
      {
        type: 'LiaisonMeetingAgreed',
        data: { decision: 'agreed', place: 'Lai Chau', startsAt: '2026-05-05T02:00:00Z', ...inbound },
        at: '2026-04-22T02:00:00Z',
      },
      {
        type: 'LiaisonMeetingHeld',
        data: { heldAt: '2026-05-05T02:00:00Z', attendees: ['Both'], ...outbound('Held') },
        at: '2026-05-05T08:00:00Z',
      },
      {
        type: 'LiaisonMeetingMinutesRecorded',
        data: { summary: 'Agreed', actionItems: items, ...outbound('Minutes') },
        at: '2026-05-06T02:00:00Z',
      },
      {
        type: 'LiaisonActionItemDone',
        data: { number: 1, doneAt: '2026-05-19T00:00:00Z', ...outbound('Done') },
        at: '2026-05-19T01:00:00Z',
      },
      {
        type: 'LiaisonActionItemDone',
        data: { number: 2, doneAt: '2026-05-25T00:00:00Z', ...inbound },
        at: '2026-05-25T01:00:00Z',
      },
    ]);
    expect(facts.map((f) => f.map(({ fact, by, detail }) => [fact, by, detail]))).toEqual([
      [['liaison.proposed', 'us', 'regular']],
      [],
      [['liaison.held', 'us', 'regular']],
      [
        ['liaison.action_item', 'us', ''],
        ['liaison.action_item', 'counterpart', ''],
      ],
      [['liaison.action_item_done', 'us', 'on_time']],
      [['liaison.action_item_done', 'counterpart', 'late']],
    ]);
    // Over May: one meeting, our item done on time (100%), theirs late and counted apart.
    const may = tallyFacts(facts.flat(), { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(sumFigures(may, { fact: 'liaison.held' })).toBe(1);
    expect(sumFigures(may, { fact: 'liaison.proposed' })).toBe(0);
    const targets = { all: { action_items_done_on_time: { op: '>=', percent: 100 } }, byYear: {} } as const;
    expect(indicatorResults(may, targets, 2026).find((i) => i.id === 'action_items_done_on_time')).toEqual({
      id: 'action_items_done_on_time',
      target: { op: '>=', percent: 100 },
      done: 1,
      due: 1,
      percent: 100,
      met: true,
    });
  });

  it('working groups and delegations: received from the counterpart, arrived at the gate of entry', () => {
    const request = {
      caseId: 'ms-1',
      requester: CN,
      host: US,
      kind: 'working_group',
      purpose: 'Support case',
      supportedCase: { process: 'verification', caseId: 'v-1' },
      members: [{ person: MAN, role: 'head' }],
      arrivesOn: '2026-05-10',
      departsOn: '2026-05-12',
      entryGate: { code: 'MLT', name: 'Ma Lù Thàng' },
      deadline: '2026-05-05T00:00:00Z',
    };
    const facts = factsOf('mission', [
      { type: 'MissionRequestReceived', data: { ...request, ...inbound }, at: '2026-05-01T02:00:00Z' },
      {
        type: 'MissionAccepted',
        data: { decision: 'accepted', ...outbound('Decision') },
        at: '2026-05-02T02:00:00Z',
      },
      {
        type: 'MissionArrived',
        data: {
          movement: 'arrival',
          at: '2026-05-10T01:00:00Z',
          gate: { code: 'MLT' },
          ...outbound('Movement'),
        },
        at: '2026-05-10T02:00:00Z',
      },
    ]);
    expect(facts.map(brief)).toEqual([
      [['mission.request', 'counterpart', CN, 'MLT', '', '', 'working_group', '2026-05-01T02:00:00.000Z']],
      [],
      [['mission.arrived', 'counterpart', CN, 'MLT', '', '', 'working_group', '2026-05-10T01:00:00.000Z']],
    ]);
  });

  it('carries no particulars of victims, suspects or members', () => {
    const text = JSON.stringify(
      factsOf('rescue', [
        {
          type: 'LocateRescueRequestReceived',
          data: { ...rescueRequest, ...inbound },
          at: '2026-04-02T03:00:00Z',
        },
        {
          type: 'MissingPersonRescued',
          data: {
            outcome: 'rescued',
            at: '2026-04-06T01:00:00Z',
            place: 'Lao Cai',
            person: GIRL,
            ...outbound('O'),
          },
          at: '2026-04-06T02:00:00Z',
        },
      ]),
    );
    for (const particular of ['Giàng', 'Giang Thi Mau', '000000000077', 'Sin Ho', '2011', 'Wang'])
      expect(text).not.toContain(particular);
  });
});
