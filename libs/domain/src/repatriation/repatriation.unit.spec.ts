import { commandsOf, given } from '../testing/given';
import { applied, CHILD, fromThem, NOW, queued, queuing, THEM, US } from '../testing/fixtures';
import { RepatriationCommand } from './decide';
import { repatriationDecider as decider } from './decider';
import { describeRepatriationEvent, RepatriationEvent } from './events';
import { repatriationDeadlineStatus } from './state';
import {
  request,
  gate,
  requested,
  acceptedByThem,
  scheduledByUs,
  handedOver,
  reception,
  received,
  verifying,
  acceptedByUs,
  scheduledByThem,
  handedOverToUs,
  receivedByUs,
  timesOf,
  coSignedAsHanding,
  coSignedAsReceiving,
} from './repatriation.histories';

const cmd = commandsOf<RepatriationCommand>();
const fold = (events: RepatriationEvent[]) => events.reduce(decider.evolve, decider.initialState());
const out = queued;
const inb = applied;

describe('repatriation: requesting side', () => {
  it('requests, queuing a RepatriationRequest', () => {
    const state = given(decider)
      .when(cmd('RequestRepatriation', { ...request, counterpart: THEM }, queuing('m-req')))
      .then([requested]);
    expect(state).toMatchObject({
      status: 'requested',
      ourSide: 'requesting',
      counterpart: THEM,
      children: [{ childId: '0193a7b2-0000-7000-8000-000000000c01', handedOver: false }],
    });
  });

  it.each<[string, RepatriationCommand, RepatriationEvent, string]>([
    [
      'an acceptance',
      cmd('RecordRepatriationDecision', { decision: 'accepted' }, fromThem('in-dec')),
      acceptedByThem,
      'accepted',
    ],
    [
      'a refusal',
      cmd(
        'RecordRepatriationDecision',
        { decision: 'refused', reason: 'not a national' },
        fromThem('in-dec'),
      ),
      {
        type: 'RepatriationRefused',
        data: { decision: 'refused', reason: 'not a national', ...inb('in-dec') },
      },
      'refused',
    ],
  ])('records %s', (_label, command, event, status) => {
    expect(given(decider, [requested]).when(command).then([event]).status).toBe(status);
  });

  it('adds a child found with the victim', () => {
    const state = given(decider, [requested, acceptedByThem])
      .when(
        cmd(
          'AddAccompanyingChild',
          { childId: '0193a7b2-0000-7000-8000-000000000c02', person: CHILD },
          queuing('m-c2'),
        ),
      )
      .then([
        {
          type: 'RepatriationChildAdded',
          data: {
            childId: '0193a7b2-0000-7000-8000-000000000c02',
            person: CHILD,
            ...out('m-c2', 'RepatriationChildAdded'),
          },
        },
      ]);
    expect(state.status !== 'none' && state.children.map((child) => child.childId)).toEqual([
      '0193a7b2-0000-7000-8000-000000000c01',
      '0193a7b2-0000-7000-8000-000000000c02',
    ]);
  });

  it('schedules the hand-over (revision 1)', () => {
    expect(
      given(decider, [requested, acceptedByThem])
        .when(cmd('ScheduleRepatriationHandover', gate, queuing('m-s1')))
        .then([scheduledByUs]).status,
    ).toBe('scheduled');
  });

  it('reschedules (revision 2)', () => {
    const later = { ...gate, date: '2026-12-04' };
    const state = given(decider, [requested, acceptedByThem, scheduledByUs])
      .when(cmd('ScheduleRepatriationHandover', later, queuing('m-s2')))
      .then([
        {
          type: 'RepatriationHandoverRescheduled',
          data: {
            schedule: { ...later, revision: 2, proposedBy: US },
            localTimes: timesOf('2026-12-04', '09:30', US, US, THEM),
            ...out('m-s2', 'HandoverScheduling'),
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'scheduled', schedule: { revision: 2, date: '2026-12-04' } });
  });

  it('applies the counterpart’s rescheduling', () => {
    const later = { ...gate, date: '2026-12-05' };
    given(decider, [requested, acceptedByThem, scheduledByUs])
      .when(cmd('ReceiveRepatriationHandoverSchedule', { ...later, revision: 2 }, fromThem('in-s2')))
      .then([
        {
          type: 'RepatriationHandoverRescheduled',
          data: {
            schedule: { ...later, revision: 2, proposedBy: THEM },
            localTimes: timesOf('2026-12-05', '09:30', THEM, US, THEM),
            ...inb('in-s2'),
          },
        },
      ]);
  });

  it('lets the receiving side win when both reschedule at once', () => {
    const ours: RepatriationEvent = {
      type: 'RepatriationHandoverRescheduled',
      data: {
        schedule: { ...gate, date: '2026-12-04', revision: 2, proposedBy: US },
        ...out('m-s2', 'HandoverScheduling'),
      },
    };
    const theirs = { ...gate, date: '2026-12-05', revision: 2 };
    const state = given(decider, [requested, acceptedByThem, scheduledByUs, ours])
      .when(cmd('ReceiveRepatriationHandoverSchedule', theirs, fromThem('in-s2')))
      .then([
        {
          type: 'RepatriationHandoverRescheduled',
          data: {
            schedule: { ...gate, date: '2026-12-05', revision: 2, proposedBy: THEM },
            localTimes: timesOf('2026-12-05', '09:30', THEM, US, THEM),
            ...inb('in-s2'),
          },
        },
      ]);
    expect(state).toMatchObject({ schedule: { proposedBy: THEM, date: '2026-12-05' } });
  });

  it('ignores a stale schedule', () => {
    const ours: RepatriationEvent = {
      type: 'RepatriationHandoverRescheduled',
      data: { schedule: { ...gate, revision: 2, proposedBy: US }, ...out('m-s2', 'HandoverScheduling') },
    };
    given(decider, [requested, acceptedByThem, scheduledByUs, ours])
      .when(cmd('ReceiveRepatriationHandoverSchedule', { ...gate, revision: 1 }, fromThem('in-s1')))
      .then([]);
  });

  it('records the hand-over of the victim and the child', () => {
    const state = given(decider, [requested, acceptedByThem, scheduledByUs, ...coSignedAsHanding])
      .when(
        cmd(
          'RecordRepatriationHandover',
          { handedOverAt: '2026-11-23T03:00:00Z', childIds: ['0193a7b2-0000-7000-8000-000000000c01'] },
          queuing('m-ho'),
        ),
      )
      .then([handedOver]);
    expect(state).toMatchObject({
      status: 'handed_over',
      children: [{ childId: '0193a7b2-0000-7000-8000-000000000c01', handedOver: true, received: false }],
    });
  });

  it('records the reception confirmed by the other side', () => {
    const state = given(decider, [requested, acceptedByThem, scheduledByUs, ...coSignedAsHanding, handedOver])
      .when(cmd('RecordReceptionConfirmation', reception, fromThem('in-rc')))
      .then([{ type: 'RepatriationReceptionConfirmed', data: { ...reception, ...inb('in-rc') } }]);
    expect(state).toMatchObject({ status: 'received', children: [{ handedOver: true, received: true }] });
  });

  it('cancels before the hand-over', () => {
    const state = given(decider, [requested, acceptedByThem])
      .when(cmd('CancelRepatriation', { reason: 'victim declined' }, queuing('m-x')))
      .then([
        {
          type: 'RepatriationCancelled',
          data: { reason: 'victim declined', ...out('m-x', 'RepatriationCancellation') },
        },
      ]);
    expect(state).toMatchObject({ status: 'cancelled', cancellationReason: 'victim declined' });
  });

  it('records delivery of the request', () => {
    const state = given(decider, [requested])
      .when(cmd('RecordDelivery', { messageId: 'm-req' }))
      .then([
        { type: 'RepatriationMessageDelivered', data: { messageId: 'm-req', kind: 'RepatriationRequest' } },
      ]);
    expect(state).toMatchObject({ trail: { messages: { 'm-req': { delivery: 'delivered' } } } });
  });

  it('shows a rejected message', () => {
    const state = given(decider, [requested])
      .when(cmd('RecordRejection', { messageId: 'm-req', reason: 'SCHEMA_INVALID' }))
      .then([
        {
          type: 'RepatriationMessageRejected',
          data: { messageId: 'm-req', kind: 'RepatriationRequest', reason: 'SCHEMA_INVALID' },
        },
      ]);
    expect(state).toMatchObject({
      trail: { messages: { 'm-req': { delivery: 'rejected', rejectionReason: 'SCHEMA_INVALID' } } },
    });
  });
});

describe('repatriation: receiving side', () => {
  it('receives the request', () => {
    const state = given(decider)
      .when(cmd('ReceiveRepatriationRequest', request, fromThem('in-req')))
      .then([received]);
    expect(state).toMatchObject({ status: 'requested', ourSide: 'receiving', requestingAgency: THEM });
  });

  it('ignores the same request twice', () => {
    given(decider, [received])
      .when(cmd('ReceiveRepatriationRequest', request, fromThem('in-req')))
      .then([]);
  });

  it('starts verification', () => {
    expect(
      given(decider, [received])
        .when(cmd('StartRepatriationVerification', { verificationCaseId: 'v-9' }))
        .then([verifying]).status,
    ).toBe('under_verification');
  });

  it.each([[[received]], [[received, verifying]]])('accepts, answering the request (%#)', (history) => {
    expect(
      given(decider, history)
        .when(cmd('AcceptRepatriation', {}, queuing('m-dec')))
        .then([acceptedByUs]).status,
    ).toBe('accepted');
  });

  it('refuses with a reason', () => {
    given(decider, [received, verifying])
      .when(cmd('RefuseRepatriation', { reason: 'identity not confirmed' }, queuing('m-dec')))
      .then([
        {
          type: 'RepatriationRefused',
          data: {
            decision: 'refused',
            reason: 'identity not confirmed',
            ...out('m-dec', 'RepatriationDecision', 'in-req'),
          },
        },
      ]);
  });

  it('receives an added child', () => {
    given(decider, [received])
      .when(
        cmd(
          'ReceiveAccompanyingChild',
          { childId: '0193a7b2-0000-7000-8000-000000000c02', person: CHILD },
          fromThem('in-c2'),
        ),
      )
      .then([
        {
          type: 'RepatriationChildAdded',
          data: { childId: '0193a7b2-0000-7000-8000-000000000c02', person: CHILD, ...inb('in-c2') },
        },
      ]);
  });

  it('receives the schedule proposed by the other side', () => {
    expect(
      given(decider, [received, acceptedByUs])
        .when(cmd('ReceiveRepatriationHandoverSchedule', { ...gate, revision: 1 }, fromThem('in-s1')))
        .then([scheduledByThem]).status,
    ).toBe('scheduled');
  });

  it('keeps its own schedule on a tie (it takes the victim over)', () => {
    const ours: RepatriationEvent = {
      type: 'RepatriationHandoverRescheduled',
      data: { schedule: { ...gate, revision: 2, proposedBy: US }, ...out('m-s2', 'HandoverScheduling') },
    };
    given(decider, [received, acceptedByUs, scheduledByThem, ours])
      .when(
        cmd(
          'ReceiveRepatriationHandoverSchedule',
          { ...gate, date: '2026-12-09', revision: 2 },
          fromThem('in-s2'),
        ),
      )
      .then([]);
  });

  it('receives the hand-over', () => {
    const state = given(decider, [received, acceptedByUs, scheduledByThem, ...coSignedAsReceiving])
      .when(
        cmd(
          'ReceiveRepatriationHandover',
          { handedOverAt: '2026-11-23T03:00:00Z', childIds: ['0193a7b2-0000-7000-8000-000000000c01'] },
          fromThem('in-ho'),
        ),
      )
      .then([handedOverToUs]);
    expect(state.status).toBe('handed_over');
  });

  it.each([
    [
      'after the hand-over message',
      [received, acceptedByUs, scheduledByThem, ...coSignedAsReceiving, handedOverToUs],
    ],
    [
      'before the hand-over message arrives',
      [received, acceptedByUs, scheduledByThem, ...coSignedAsReceiving],
    ],
  ])('confirms reception %s', (_label, history) => {
    const state = given(decider, history)
      .when(cmd('ConfirmRepatriationReception', reception, queuing('m-rc')))
      .then([receivedByUs]);
    expect(state).toMatchObject({ status: 'received', children: [{ handedOver: true, received: true }] });
  });

  it('applies a late hand-over message without going back', () => {
    const state = given(decider, [
      received,
      acceptedByUs,
      scheduledByThem,
      ...coSignedAsReceiving,
      receivedByUs,
    ])
      .when(
        cmd(
          'ReceiveRepatriationHandover',
          { handedOverAt: '2026-11-23T03:00:00Z', childIds: ['0193a7b2-0000-7000-8000-000000000c01'] },
          fromThem('in-ho'),
        ),
      )
      .then([handedOverToUs]);
    expect(state.status).toBe('received');
  });

  it('refers the received victim', () => {
    const state = given(decider, [
      received,
      acceptedByUs,
      scheduledByThem,
      ...coSignedAsReceiving,
      handedOverToUs,
      receivedByUs,
    ])
      .when(
        cmd('ReferRepatriatedVictim', {
          services: ['shelter', 'psychological'],
          referredTo: 'Provincial support centre',
        }),
      )
      .then([
        {
          type: 'RepatriationVictimReferred',
          data: { services: ['shelter', 'psychological'], referredTo: 'Provincial support centre' },
        },
      ]);
    expect(state).toMatchObject({
      status: 'referred',
      referral: { referredTo: 'Provincial support centre' },
    });
  });

  it('receives a cancellation', () => {
    const state = given(decider, [received, acceptedByUs])
      .when(cmd('ReceiveRepatriationCancellation', { reason: 'victim declined' }, fromThem('in-x')))
      .then([{ type: 'RepatriationCancelled', data: { reason: 'victim declined', ...inb('in-x') } }]);
    expect(state.status).toBe('cancelled');
  });
});

describe('repatriation: deadline and timeline', () => {
  it.each<[string, RepatriationEvent[], string, string]>([
    ['undecided, on time', [received], NOW, 'on_time'],
    ['undecided, late', [received, verifying], '2026-12-01T00:00:00Z', 'overdue'],
    ['accepted', [received, acceptedByUs], '2026-12-01T00:00:00Z', 'met'],
    [
      'cancelled undecided',
      [received, { type: 'RepatriationCancelled', data: { reason: 'x', ...inb('in-x') } }],
      NOW,
      'none',
    ],
  ])('%s', (_label, events, now, expected) => {
    expect(repatriationDeadlineStatus(fold(events), now)).toBe(expected);
  });

  it.each([requested, received, scheduledByUs, handedOver, receivedByUs])(
    'describes $type without particulars',
    (event) => {
      expect(describeRepatriationEvent(event)).not.toMatch(/Lo Thi|Lò|Lo Van|000000000001/);
    },
  );
  it('counts children in the line', () => {
    expect(describeRepatriationEvent(handedOver)).toBe('Victim handed over with 1 child');
  });
});
