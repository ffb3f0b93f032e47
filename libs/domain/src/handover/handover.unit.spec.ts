import { commandsOf, given } from '../testing/given';
import { minutesHistory } from '../testing/minutes-histories';
import { applied, fromThem, NOW, OTHER, PERSON, queued, queuing, THEM, US } from '../testing/fixtures';
import { SuspectHandoverCommand } from './decide';
import { suspectHandoverDecider as decider } from './decider';
import { describeSuspectHandoverEvent, SuspectHandoverEvent } from './events';
import { suspectHandoverDeadlineStatus } from './state';
import { draftMinutes, instantOfLocal, localTimesOf } from '../shared';

const cmd = commandsOf<SuspectHandoverCommand>();
const fold = (events: SuspectHandoverEvent[]) => events.reduce(decider.evolve, decider.initialState());

const request = {
  caseId: '0193a7b2-0000-7000-8000-000000000301',
  suspect: PERSON,
  warrantReference: 'LC-2026-0042',
  warrantIssuedBy: 'Investigation Police Agency, Lai Chau Provincial Police',
  warrantIssuedOn: '2026-11-02',
  offences: 'trafficking in persons',
  deadline: '2026-11-30T10:00:00Z',
};
const gate = {
  borderGate: 'Ma Lu Thang',
  date: '2026-12-02',
  time: '09:30',
  receivingUnit: 'Lai Chau criminal police',
};
/** The agreed time as `by` set it, in the holding then the requesting side's local time. */
const localTimes = (time: string, by: string, holding: string, requesting: string) =>
  localTimesOf(instantOfLocal(gate.date, time, by), [holding, requesting]);

// The minutes both sides sign at the gate, which the hand-over waits for (the suspect is named by the
// case id: the request gives no person id).
const MINUTES_ID = '0193a7b2-0000-7000-8000-0000000003a1';
const minutesHandedOverBy = (holding: string, requesting: string) =>
  draftMinutes(
    {
      minutesId: MINUTES_ID,
      handedOverAt: '2026-11-23T02:30:00Z',
      persons: [{ personId: request.caseId, role: 'suspect' }],
      documents: [],
      belongings: [],
      officers: [
        { agency: US, name: 'Nguyen Van An', position: 'Captain' },
        { agency: THEM, name: 'Li Wei', position: 'Inspector' },
      ],
    },
    {
      caseId: request.caseId,
      process: 'suspect_handover',
      handingOverAgency: holding,
      receivingAgency: requesting,
      borderGate: gate.borderGate,
      persons: [{ personId: request.caseId, role: 'suspect' }],
      warrant: { reference: request.warrantReference },
    },
  );
const ourMinutes = minutesHandedOverBy(US, THEM);
const theirMinutes = minutesHandedOverBy(THEM, US);
/** Holding side: we proposed and signed, they countersigned; requesting side: we agreed and countersigned. */
const { coSignedAsHanding: coSignedAsHolding, coSignedAsReceiving: coSignedAsRequesting } = minutesHistory(
  'SuspectHandover',
  ourMinutes,
  theirMinutes,
);

// We want the suspect (requesting side).
const requested: SuspectHandoverEvent = {
  type: 'SuspectHandoverRequested',
  data: {
    ...request,
    requestingAgency: US,
    holdingAgency: THEM,
    ...queued('m-req', 'SuspectHandoverRequest'),
  },
};
const acceptedByThem: SuspectHandoverEvent = {
  type: 'SuspectHandoverAccepted',
  data: { decision: 'accepted', ...applied('in-dec') },
};
const scheduledByThem: SuspectHandoverEvent = {
  type: 'SuspectHandoverScheduled',
  data: {
    schedule: { ...gate, revision: 1, proposedBy: THEM },
    localTimes: localTimes(gate.time, THEM, THEM, US),
    ...applied('in-s1'),
  },
};
// They want a suspect we hold (holding side).
const received: SuspectHandoverEvent = {
  type: 'SuspectHandoverRequestReceived',
  data: { ...request, requestingAgency: THEM, holdingAgency: US, ...applied('in-req') },
};
const acceptedByUs: SuspectHandoverEvent = {
  type: 'SuspectHandoverAccepted',
  data: { decision: 'accepted', ...queued('m-dec', 'SuspectHandoverDecision', 'in-req') },
};
const scheduledByUs: SuspectHandoverEvent = {
  type: 'SuspectHandoverScheduled',
  data: {
    schedule: { ...gate, revision: 1, proposedBy: US },
    localTimes: localTimes(gate.time, US, US, THEM),
    ...queued('m-s1', 'SuspectHandoverScheduling'),
  },
};

describe('suspect hand-over: transitions', () => {
  it.each<[string, SuspectHandoverEvent[], SuspectHandoverCommand, SuspectHandoverEvent[], string]>([
    [
      'request with a warrant',
      [],
      cmd('RequestSuspectHandover', { ...request, counterpart: THEM }, queuing('m-req')),
      [requested],
      'requested',
    ],
    [
      'receive a request',
      [],
      cmd('ReceiveSuspectHandoverRequest', request, fromThem('in-req')),
      [received],
      'requested',
    ],
    ['accept', [received], cmd('AcceptSuspectHandover', {}, queuing('m-dec')), [acceptedByUs], 'accepted'],
    [
      'refuse',
      [received],
      cmd('RefuseSuspectHandover', { reason: 'prosecuted here first' }, queuing('m-dec')),
      [
        {
          type: 'SuspectHandoverRefused',
          data: {
            decision: 'refused',
            reason: 'prosecuted here first',
            ...queued('m-dec', 'SuspectHandoverDecision', 'in-req'),
          },
        },
      ],
      'refused',
    ],
    [
      'record an acceptance',
      [requested],
      cmd('RecordSuspectHandoverDecision', { decision: 'accepted' }, fromThem('in-dec')),
      [acceptedByThem],
      'accepted',
    ],
    [
      'record a refusal',
      [requested],
      cmd('RecordSuspectHandoverDecision', { decision: 'refused', reason: 'no' }, fromThem('in-dec')),
      [{ type: 'SuspectHandoverRefused', data: { decision: 'refused', reason: 'no', ...applied('in-dec') } }],
      'refused',
    ],
    [
      'schedule (holding side)',
      [received, acceptedByUs],
      cmd('ScheduleSuspectHandover', gate, queuing('m-s1')),
      [scheduledByUs],
      'scheduled',
    ],
    [
      'receive a schedule',
      [requested, acceptedByThem],
      cmd('ReceiveSuspectHandoverSchedule', { ...gate, revision: 1 }, fromThem('in-s1')),
      [scheduledByThem],
      'scheduled',
    ],
    [
      'reschedule (requesting side)',
      [requested, acceptedByThem, scheduledByThem],
      cmd('ScheduleSuspectHandover', { ...gate, time: '14:00' }, queuing('m-s2')),
      [
        {
          type: 'SuspectHandoverRescheduled',
          data: {
            schedule: { ...gate, time: '14:00', revision: 2, proposedBy: US },
            localTimes: localTimes('14:00', US, THEM, US),
            ...queued('m-s2', 'SuspectHandoverScheduling'),
          },
        },
      ],
      'scheduled',
    ],
    [
      'record the hand-over',
      [received, acceptedByUs, scheduledByUs, ...coSignedAsHolding],
      cmd('RecordSuspectHandover', { handedOverAt: NOW }, queuing('m-ho')),
      [
        {
          type: 'SuspectHandedOver',
          data: { handedOverAt: NOW, ...queued('m-ho', 'SuspectHandoverCompleted') },
        },
      ],
      'handed_over',
    ],
    [
      'receive the hand-over',
      [requested, acceptedByThem, scheduledByThem, ...coSignedAsRequesting],
      cmd('ReceiveSuspectHandoverCompletion', { handedOverAt: NOW }, fromThem('in-ho')),
      [{ type: 'SuspectHandedOver', data: { handedOverAt: NOW, ...applied('in-ho') } }],
      'handed_over',
    ],
    [
      'cancel',
      [requested],
      cmd('CancelSuspectHandover', { reason: 'arrested elsewhere' }, queuing('m-x')),
      [
        {
          type: 'SuspectHandoverCancelled',
          data: { reason: 'arrested elsewhere', ...queued('m-x', 'SuspectHandoverCancellation') },
        },
      ],
      'cancelled',
    ],
    [
      'receive a cancellation',
      [received, acceptedByUs],
      cmd('ReceiveSuspectHandoverCancellation', { reason: 'warrant lifted' }, fromThem('in-x')),
      [{ type: 'SuspectHandoverCancelled', data: { reason: 'warrant lifted', ...applied('in-x') } }],
      'cancelled',
    ],
    [
      'record delivery',
      [requested],
      cmd('RecordDelivery', { messageId: 'm-req' }),
      [
        {
          type: 'SuspectHandoverMessageDelivered',
          data: { messageId: 'm-req', kind: 'SuspectHandoverRequest' },
        },
      ],
      'requested',
    ],
    [
      'record rejection',
      [requested],
      cmd('RecordRejection', { messageId: 'm-req', reason: 'NOT_RECIPIENT' }),
      [
        {
          type: 'SuspectHandoverMessageRejected',
          data: { messageId: 'm-req', kind: 'SuspectHandoverRequest', reason: 'NOT_RECIPIENT' },
        },
      ],
      'requested',
    ],
    [
      'ignore a repeated inbound message',
      [requested, acceptedByThem],
      cmd('RecordSuspectHandoverDecision', { decision: 'accepted' }, fromThem('in-dec')),
      [],
      'accepted',
    ],
    [
      'ignore a stale schedule',
      [
        requested,
        acceptedByThem,
        scheduledByThem,
        {
          type: 'SuspectHandoverRescheduled',
          data: {
            schedule: { ...gate, revision: 2, proposedBy: US },
            ...queued('m-s2', 'SuspectHandoverScheduling'),
          },
        },
      ],
      cmd('ReceiveSuspectHandoverSchedule', { ...gate, revision: 1 }, fromThem('in-s1b')),
      [],
      'scheduled',
    ],
    [
      'let the requesting side win a tie',
      [received, acceptedByUs, scheduledByUs],
      cmd('ReceiveSuspectHandoverSchedule', { ...gate, time: '15:00', revision: 1 }, fromThem('in-s1')),
      [
        {
          type: 'SuspectHandoverRescheduled',
          data: {
            schedule: { ...gate, time: '15:00', revision: 1, proposedBy: THEM },
            localTimes: localTimes('15:00', THEM, US, THEM),
            ...applied('in-s1'),
          },
        },
      ],
      'scheduled',
    ],
  ])('%s', (_label, history, command, events, status) => {
    expect(given(decider, history).when(command).then(events).status).toBe(status);
  });

  it('keeps the warrant and the counterpart in the state, and shows rejections', () => {
    const state = fold([
      requested,
      {
        type: 'SuspectHandoverMessageRejected',
        data: { messageId: 'm-req', kind: 'SuspectHandoverRequest', reason: 'NOT_RECIPIENT' },
      },
    ]);
    expect(state).toMatchObject({
      warrantReference: 'LC-2026-0042',
      warrantIssuedBy: request.warrantIssuedBy,
      warrantIssuedOn: '2026-11-02',
      counterpart: THEM,
      ourSide: 'requesting',
      trail: { messages: { 'm-req': { delivery: 'rejected' } } },
    });
  });

  it('still folds a request stored before the warrant authority and date were recorded', () => {
    const { warrantIssuedBy: _by, warrantIssuedOn: _on, ...older } = requested.data;
    const state = fold([{ type: 'SuspectHandoverRequested', data: older }]);
    expect(state).toMatchObject({ status: 'requested', warrantReference: 'LC-2026-0042' });
    expect(state).not.toHaveProperty('warrantIssuedOn');
  });
});

describe('suspect hand-over: refusals', () => {
  it.each<[string, SuspectHandoverEvent[], SuspectHandoverCommand, string]>([
    ['a step on no case', [], cmd('AcceptSuspectHandover', {}, queuing('m')), 'NOT_FOUND'],
    ['a receipt on no case', [], cmd('RecordRejection', { messageId: 'm', reason: 'X' }), 'NOT_FOUND'],
    [
      'a second request',
      [received],
      cmd('ReceiveSuspectHandoverRequest', request, fromThem('in-2')),
      'ALREADY_EXISTS',
    ],
    [
      'a request without a warrant',
      [],
      cmd('RequestSuspectHandover', { ...request, warrantReference: '', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a request without a message id',
      [],
      cmd('RequestSuspectHandover', { ...request, counterpart: THEM }),
      'VALIDATION_FAILED',
    ],
    [
      "a request without the warrant's issuing authority",
      [],
      cmd('RequestSuspectHandover', { ...request, warrantIssuedBy: ' ', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a warrant dated after today (anywhere on earth)',
      [],
      cmd(
        'RequestSuspectHandover',
        { ...request, warrantIssuedOn: '2026-11-25', counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound warrant date that is no calendar date',
      [],
      cmd('ReceiveSuspectHandoverRequest', { ...request, warrantIssuedOn: '2026-02-30' }, fromThem('in-r')),
      'VALIDATION_FAILED',
    ],
    [
      'a case id that is not a UUID',
      [],
      cmd('RequestSuspectHandover', { ...request, caseId: 'h-1', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound request without a message id',
      [],
      cmd('ReceiveSuspectHandoverRequest', request, { actor: `agency:${THEM}` }),
      'VALIDATION_FAILED',
    ],
    [
      'the requester accepting its own request',
      [requested],
      cmd('AcceptSuspectHandover', {}, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a decision from the requesting side',
      [received],
      cmd('RecordSuspectHandoverDecision', { decision: 'accepted' }, fromThem('in-d')),
      'NOT_PERMITTED',
    ],
    [
      'a decision from a third agency',
      [requested],
      cmd('RecordSuspectHandoverDecision', { decision: 'accepted' }, fromThem('in-d', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'a decision of an unknown kind',
      [requested],
      cmd('RecordSuspectHandoverDecision', { decision: 'maybe' as never }, fromThem('in-d')),
      'VALIDATION_FAILED',
    ],
    [
      'accepting twice',
      [received, acceptedByUs],
      cmd('AcceptSuspectHandover', {}, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'refusing without a reason',
      [received],
      cmd('RefuseSuspectHandover', { reason: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'scheduling before acceptance',
      [received],
      cmd('ScheduleSuspectHandover', gate, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'scheduling at no gate',
      [received, acceptedByUs],
      cmd('ScheduleSuspectHandover', { ...gate, borderGate: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a hand-over recorded by the requesting side',
      [requested, acceptedByThem, scheduledByThem],
      cmd('RecordSuspectHandover', { handedOverAt: NOW }, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a hand-over before scheduling',
      [received, acceptedByUs],
      cmd('RecordSuspectHandover', { handedOverAt: NOW }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a hand-over in the future',
      [received, acceptedByUs, scheduledByUs, ...coSignedAsHolding],
      cmd('RecordSuspectHandover', { handedOverAt: '2027-01-01T00:00:00Z' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a hand-over before its minutes are drawn up',
      [received, acceptedByUs, scheduledByUs],
      cmd('RecordSuspectHandover', { handedOverAt: NOW }, queuing('m')),
      'MINUTES_NOT_COSIGNED',
    ],
    [
      'a hand-over with our minutes awaiting their countersignature',
      [received, acceptedByUs, scheduledByUs, ...coSignedAsHolding.slice(0, 2)],
      cmd('RecordSuspectHandover', { handedOverAt: NOW }, queuing('m')),
      'MINUTES_NOT_COSIGNED',
    ],
    [
      'a completion received before we countersigned the minutes',
      [requested, acceptedByThem, scheduledByThem, ...coSignedAsRequesting.slice(0, 2)],
      cmd('ReceiveSuspectHandoverCompletion', { handedOverAt: NOW }, fromThem('in-ho')),
      'MINUTES_NOT_COSIGNED',
    ],
    [
      'cancelling after refusal',
      [
        received,
        {
          type: 'SuspectHandoverRefused',
          data: { decision: 'refused', reason: 'x', ...queued('m-dec', 'SuspectHandoverDecision') },
        },
      ],
      cmd('CancelSuspectHandover', { reason: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'an officer command sent by a counterpart',
      [received],
      cmd('AcceptSuspectHandover', {}, fromThem('in-z')),
      'NOT_PERMITTED',
    ],
    [
      'a repeated contradicting receipt',
      [
        requested,
        {
          type: 'SuspectHandoverMessageDelivered',
          data: { messageId: 'm-req', kind: 'SuspectHandoverRequest' },
        },
      ],
      cmd('RecordRejection', { messageId: 'm-req', reason: 'X' }),
      'INVALID_TRANSITION',
    ],
    [
      'a completion from the requesting side',
      [received, acceptedByUs, scheduledByUs],
      cmd('ReceiveSuspectHandoverCompletion', { handedOverAt: NOW }, fromThem('in-ho')),
      'NOT_PERMITTED',
    ],
    [
      'a cancellation received after the hand-over',
      [
        received,
        acceptedByUs,
        scheduledByUs,
        {
          type: 'SuspectHandedOver',
          data: { handedOverAt: NOW, ...queued('m-ho', 'SuspectHandoverCompleted') },
        },
      ],
      cmd('ReceiveSuspectHandoverCancellation', { reason: 'x' }, fromThem('in-x')),
      'INVALID_TRANSITION',
    ],
    [
      'a schedule with revision 0',
      [requested, acceptedByThem],
      cmd('ReceiveSuspectHandoverSchedule', { ...gate, revision: 0 }, fromThem('in-s')),
      'VALIDATION_FAILED',
    ],
  ])('refuses %s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });
});

describe('suspect hand-over: deadline and timeline', () => {
  it.each<[string, SuspectHandoverEvent[], string, string]>([
    ['undecided, due soon', [received], '2026-11-30T00:00:00Z', 'due_soon'],
    ['undecided, late', [received], '2026-12-01T00:00:00Z', 'overdue'],
    ['decided', [received, acceptedByUs], '2026-12-01T00:00:00Z', 'met'],
    ['no case', [], NOW, 'none'],
  ])('%s', (_label, events, now, expected) => {
    expect(suspectHandoverDeadlineStatus(fold(events), now)).toBe(expected);
  });

  it.each([requested, received, acceptedByUs, scheduledByUs])(
    'describes $type without particulars',
    (event) => {
      expect(describeSuspectHandoverEvent(event)).not.toMatch(/Lo Thi|Lò|000000000001/);
    },
  );
});
