import { commandsOf, given } from '../testing/given';
import { applied, fromThem, NOW, PERSON, queued, queuing, THEM, US } from '../testing/fixtures';
import { MissionCommand } from './decide';
import { missionDecider as decider } from './decider';
import { describeMissionEvent, MissionEvent } from './events';
import { missionOpenDeadlines } from './state';

const cmd = commandsOf<MissionCommand>();
const fold = (events: MissionEvent[]) => events.reduce(decider.evolve, decider.initialState());
const CASE = '0193a7b2-0000-7000-8000-000000000701';
const SUPPORTED = '0193a7b2-0000-7000-8000-000000000201';
const DEADLINE = '2026-12-01T00:00:00Z';
const LATER = '2026-12-08T00:00:00Z';
const GATE = { code: 'VN-CN.MALUTHANG' };
const officer = {
  person: {
    ...PERSON,
    identityDocuments: [{ type: 'passport' as const, number: 'C1', issuingCountry: 'VN' }],
  },
  rank: 'Major',
};
const request = {
  caseId: CASE,
  kind: 'working_group' as const,
  purpose: 'identify the victims',
  supportedCase: { process: 'repatriation' as const, caseId: SUPPORTED },
  members: [officer],
  arrivesOn: '2026-12-05',
  departsOn: '2026-12-07',
  entryGate: GATE,
  deadline: DEADLINE,
};
const content = { ...request, requester: US, host: THEM };

const requested: MissionEvent = {
  type: 'MissionRequested',
  data: { ...content, ...queued('m-req', 'MissionRequest') },
};
const received: MissionEvent = {
  type: 'MissionRequestReceived',
  data: { ...content, requester: THEM, host: US, ...applied('in-req') },
};
const acceptedByThem: MissionEvent = {
  type: 'MissionAccepted',
  data: { decision: 'accepted', ...applied('in-dec') },
};
const acceptedByUs: MissionEvent = {
  type: 'MissionAccepted',
  data: { decision: 'accepted', remarks: 'welcome', ...queued('m-dec', 'MissionDecision', 'in-req') },
};
const arrivedHere: MissionEvent = {
  type: 'MissionArrived',
  data: {
    movement: 'arrival',
    at: '2026-12-05T02:00:00Z',
    gate: GATE,
    ...queued('m-arr', 'MissionMovement'),
  },
};
const departedHere: MissionEvent = {
  type: 'MissionDeparted',
  data: {
    movement: 'departure',
    at: '2026-12-07T02:00:00Z',
    gate: GATE,
    ...queued('m-dep', 'MissionMovement'),
  },
};
const arrivedThere: MissionEvent = {
  type: 'MissionArrived',
  data: { movement: 'arrival', at: '2026-12-05T02:00:00Z', gate: GATE, ...applied('in-arr') },
};
const departedThere: MissionEvent = {
  type: 'MissionDeparted',
  data: { movement: 'departure', at: '2026-12-07T02:00:00Z', gate: GATE, ...applied('in-dep') },
};

describe('working groups and delegations: given/when/then', () => {
  describe('requesting', () => {
    it('queues a working group request for a case; its answer is an open deadline', () => {
      const state = given(decider)
        .when(cmd('RequestMission', { ...request, counterpart: THEM }, queuing('m-req')))
        .then([requested]);
      expect(missionOpenDeadlines(state)).toEqual([{ kind: 'mission_answer', due: DEADLINE, ref: 'm-req' }]);
    });
    it('refuses a working group without its case, or a member without a travel document', () => {
      const { supportedCase: _case, ...noCase } = request;
      given(decider)
        .when(cmd('RequestMission', { ...noCase, counterpart: THEM }, queuing('m')))
        .then({ code: 'VALIDATION_FAILED' });
      given(decider)
        .when(
          cmd(
            'RequestMission',
            { ...request, counterpart: THEM, members: [{ person: PERSON }] },
            queuing('m'),
          ),
        )
        .then({ code: 'VALIDATION_FAILED' });
    });
    it('takes a delegation without a case or travel documents (lighter)', () => {
      const { supportedCase: _case, ...noCase } = request;
      const delegation = { ...noCase, kind: 'delegation' as const, members: [{ person: PERSON }] };
      given(decider)
        .when(cmd('RequestMission', { ...delegation, counterpart: THEM }, queuing('m-req')))
        .then([
          {
            type: 'MissionRequested',
            data: { ...delegation, requester: US, host: THEM, ...queued('m-req', 'MissionRequest') },
          },
        ]);
    });
    it('refuses dates in the past or reversed, no members, a bad gate, a member with bad particulars', () => {
      for (const bad of [
        { arrivesOn: '2026-11-01' },
        { departsOn: '2026-12-04' },
        { members: [] },
        { entryGate: { code: '' } },
        { members: [{ ...officer, person: { ...officer.person, name: { original: '', romanised: '' } } }] },
        { supportedCase: { process: 'jointop' as never, caseId: SUPPORTED } },
      ]) {
        given(decider)
          .when(cmd('RequestMission', { ...request, ...bad, counterpart: THEM }, queuing('m')))
          .then({ code: 'VALIDATION_FAILED' });
      }
    });
    it('receives a request; refuses one from a counterpart as an officer command and a second opening', () => {
      given(decider)
        .when(cmd('ReceiveMissionRequest', request, fromThem('in-req')))
        .then([received]);
      given(decider)
        .when(cmd('RequestMission', { ...request, counterpart: THEM }, fromThem('x')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, [received])
        .when(cmd('ReceiveMissionRequest', request, fromThem('in-req-2')))
        .then({ code: 'ALREADY_EXISTS' });
    });
  });

  describe('deciding', () => {
    it('the host accepts or refuses; the requester records it', () => {
      given(decider, [received])
        .when(cmd('AcceptMission', { remarks: 'welcome' }, queuing('m-dec')))
        .then([acceptedByUs]);
      given(decider, [received])
        .when(cmd('RefuseMission', { reason: 'holiday' }, queuing('m-dec')))
        .then([
          {
            type: 'MissionRefused',
            data: { decision: 'refused', reason: 'holiday', ...queued('m-dec', 'MissionDecision', 'in-req') },
          },
        ]);
      const state = given(decider, [requested])
        .when(cmd('RecordMissionDecision', { decision: 'accepted' }, fromThem('in-dec')))
        .then([acceptedByThem]);
      expect(missionOpenDeadlines(state)).toEqual([]);
    });
    it('refuses a decision by the requester, a refusal without reason, a second decision', () => {
      given(decider, [requested])
        .when(cmd('AcceptMission', {}, queuing('m')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, [received])
        .when(cmd('RefuseMission', { reason: '' }, queuing('m')))
        .then({
          code: 'VALIDATION_FAILED',
        });
      given(decider, [received, acceptedByUs])
        .when(cmd('AcceptMission', {}, queuing('m')))
        .then({ code: 'INVALID_TRANSITION' });
    });
  });

  describe('arrival, departure, outcome', () => {
    it('the host records arrival then departure (at the entry gate by default); the requester receives them', () => {
      given(decider, [received, acceptedByUs])
        .when(
          cmd('RecordMissionArrival', { at: '2026-12-05T02:00:00Z' }, { ...queuing('m-arr'), now: LATER }),
        )
        .then([arrivedHere]);
      given(decider, [received, acceptedByUs, arrivedHere])
        .when(
          cmd('RecordMissionDeparture', { at: '2026-12-07T02:00:00Z' }, { ...queuing('m-dep'), now: LATER }),
        )
        .then([departedHere]);
      given(decider, [requested, acceptedByThem])
        .when(
          cmd(
            'ReceiveMissionMovement',
            { movement: 'arrival', at: '2026-12-05T02:00:00Z', gate: GATE },
            fromThem('in-arr'),
          ),
        )
        .then([arrivedThere]);
    });
    it('refuses a crossing in the future, a departure before the arrival, out of order, by the requester', () => {
      given(decider, [received, acceptedByUs])
        .when(cmd('RecordMissionArrival', { at: '2026-12-09T00:00:00Z' }, { ...queuing('m'), now: LATER }))
        .then({ code: 'VALIDATION_FAILED' });
      given(decider, [received, acceptedByUs, arrivedHere])
        .when(cmd('RecordMissionDeparture', { at: '2026-12-04T00:00:00Z' }, { ...queuing('m'), now: LATER }))
        .then({ code: 'VALIDATION_FAILED' });
      given(decider, [received, acceptedByUs])
        .when(cmd('RecordMissionDeparture', { at: NOW }, queuing('m')))
        .then({ code: 'INVALID_TRANSITION' });
      given(decider, [requested, acceptedByThem])
        .when(cmd('ReceiveMissionMovement', { movement: 'departure', at: NOW, gate: GATE }, fromThem('x')))
        .then({ code: 'INVALID_TRANSITION' });
      given(decider, [requested, acceptedByThem])
        .when(cmd('RecordMissionArrival', { at: NOW }, queuing('m')))
        .then({ code: 'NOT_PERMITTED' });
    });
    it('the requester reports the outcome, linked to the supported case by default', () => {
      const state = given(decider, [requested, acceptedByThem, arrivedThere, departedThere])
        .when(
          cmd('ReportMissionOutcome', { summary: 'three identified' }, { ...queuing('m-out'), now: LATER }),
        )
        .then([
          {
            type: 'MissionClosed',
            data: {
              summary: 'three identified',
              linkedCaseIds: [SUPPORTED],
              ...queued('m-out', 'MissionOutcome'),
            },
          },
        ]);
      expect(state).toMatchObject({ status: 'closed', outcome: { linkedCaseIds: [SUPPORTED] } });
      given(decider, [received, acceptedByUs, arrivedHere, departedHere])
        .when(cmd('ReceiveMissionOutcome', { summary: 's', linkedCaseIds: [] }, fromThem('in-out')))
        .then([{ type: 'MissionClosed', data: { summary: 's', linkedCaseIds: [], ...applied('in-out') } }]);
    });
    it('refuses an outcome before departure, by the host, or linked to a non-UUID', () => {
      given(decider, [requested, acceptedByThem, arrivedThere])
        .when(cmd('ReportMissionOutcome', { summary: 's' }, queuing('m')))
        .then({ code: 'INVALID_TRANSITION' });
      given(decider, [received, acceptedByUs, arrivedHere, departedHere])
        .when(cmd('ReportMissionOutcome', { summary: 's' }, queuing('m')))
        .then({ code: 'NOT_PERMITTED' });
      given(decider, [requested, acceptedByThem, arrivedThere, departedThere])
        .when(cmd('ReportMissionOutcome', { summary: 's', linkedCaseIds: ['LC-1'] }, queuing('m')))
        .then({ code: 'VALIDATION_FAILED' });
    });
  });

  it('describes events without particulars', () => {
    const lines = [requested, received, acceptedByUs, arrivedHere].map(describeMissionEvent).join('\n');
    expect(lines).not.toContain('Lo Thi Mau');
    expect(lines).not.toContain('C1');
    expect(fold([requested, acceptedByThem]).status).toBe('accepted');
  });
});
