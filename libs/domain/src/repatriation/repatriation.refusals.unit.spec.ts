import { commandsOf, given } from '../testing/given';
import { applied, CHILD, fromThem, NOW, OTHER, PERSON, queuing, THEM } from '../testing/fixtures';
import { RepatriationCommand } from './decide';
import { repatriationDecider as decider } from './decider';
import { RepatriationEvent } from './events';
import {
  request,
  gate,
  requested,
  acceptedByThem,
  scheduledByUs,
  handedOver,
  reception,
  received,
  acceptedByUs,
  scheduledByThem,
  handedOverToUs,
  receivedByUs,
  proposal,
  coSignedAsHanding,
  coSignedAsReceiving,
  proposed,
  signedByUs,
  receivedTheirs,
  agreedByUs,
} from './repatriation.histories';

const cmd = commandsOf<RepatriationCommand>();
const inb = applied;

describe('repatriation: refusals', () => {
  const weReceived = [received, acceptedByUs, scheduledByThem];
  const weRequested = [requested, acceptedByThem, scheduledByUs];
  // At the gate, the minutes co-signed: the hand-over may be recorded.
  const weHandOver = [...weRequested, ...coSignedAsHanding];
  const weTakeOver = [...weReceived, ...coSignedAsReceiving];
  it.each<[string, RepatriationEvent[], RepatriationCommand, string]>([
    ['a step on no case', [], cmd('AcceptRepatriation', {}, queuing('m')), 'NOT_FOUND'],
    ['a receipt on no case', [], cmd('RecordDelivery', { messageId: 'm' }), 'NOT_FOUND'],
    [
      'a second request',
      [requested],
      cmd('RequestRepatriation', { ...request, counterpart: THEM }, queuing('m')),
      'ALREADY_EXISTS',
    ],
    [
      'a request without a message id',
      [],
      cmd('RequestRepatriation', { ...request, counterpart: THEM }),
      'VALIDATION_FAILED',
    ],
    [
      'a request with duplicate child ids',
      [],
      cmd(
        'RequestRepatriation',
        {
          ...request,
          counterpart: THEM,
          children: [
            { childId: '0193a7b2-0000-7000-8000-000000000c01', person: CHILD },
            { childId: '0193a7b2-0000-7000-8000-000000000c01', person: CHILD },
          ],
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a request without a romanised victim name',
      [],
      cmd(
        'RequestRepatriation',
        { ...request, counterpart: THEM, victim: { ...PERSON, name: { original: 'x', romanised: '' } } },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a request from a counterpart as an officer command',
      [],
      cmd('RequestRepatriation', { ...request, counterpart: THEM }, fromThem('in')),
      'NOT_PERMITTED',
    ],
    [
      'the requester accepting its own request',
      [requested],
      cmd('AcceptRepatriation', {}, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'the requester starting verification',
      [requested],
      cmd('StartRepatriationVerification', {}),
      'NOT_PERMITTED',
    ],
    [
      'a decision recorded by the receiving side',
      [received],
      cmd('RecordRepatriationDecision', { decision: 'accepted' }, fromThem('in-dec')),
      'NOT_PERMITTED',
    ],
    [
      'a decision from a third agency',
      [requested],
      cmd('RecordRepatriationDecision', { decision: 'accepted' }, fromThem('in-dec', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'a refusal without a reason',
      [requested],
      cmd('RecordRepatriationDecision', { decision: 'refused' }, fromThem('in-dec')),
      'VALIDATION_FAILED',
    ],
    [
      'accepting twice',
      [received, acceptedByUs],
      cmd('AcceptRepatriation', {}, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'refusing without a reason',
      [received],
      cmd('RefuseRepatriation', { reason: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'verifying after the decision',
      [received, acceptedByUs],
      cmd('StartRepatriationVerification', {}),
      'INVALID_TRANSITION',
    ],
    [
      'scheduling before acceptance',
      [requested],
      cmd('ScheduleRepatriationHandover', gate, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'scheduling in the past',
      [requested, acceptedByThem],
      cmd('ScheduleRepatriationHandover', { ...gate, date: '2026-11-01' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'scheduling at a malformed time',
      [requested, acceptedByThem],
      cmd('ScheduleRepatriationHandover', { ...gate, time: '25:00' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a schedule without a revision',
      [requested, acceptedByThem],
      cmd('ReceiveRepatriationHandoverSchedule', gate as never, fromThem('in-s')),
      'VALIDATION_FAILED',
    ],
    [
      'a child added by the receiving side',
      [received],
      cmd(
        'AddAccompanyingChild',
        { childId: '0193a7b2-0000-7000-8000-000000000c02', person: CHILD },
        queuing('m'),
      ),
      'NOT_PERMITTED',
    ],
    [
      'a child added twice',
      [requested],
      cmd(
        'AddAccompanyingChild',
        { childId: '0193a7b2-0000-7000-8000-000000000c01', person: CHILD },
        queuing('m'),
      ),
      'ALREADY_EXISTS',
    ],
    [
      'a child added after the hand-over',
      [...weRequested, handedOver],
      cmd(
        'AddAccompanyingChild',
        { childId: '0193a7b2-0000-7000-8000-000000000c02', person: CHILD },
        queuing('m'),
      ),
      'INVALID_TRANSITION',
    ],
    [
      'a hand-over recorded by the receiving side',
      weReceived,
      cmd('RecordRepatriationHandover', { handedOverAt: NOW, childIds: [] }, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a hand-over before scheduling',
      [requested, acceptedByThem],
      cmd('RecordRepatriationHandover', { handedOverAt: NOW, childIds: [] }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a hand-over in the future',
      weHandOver,
      cmd('RecordRepatriationHandover', { handedOverAt: '2026-12-24T00:00:00Z', childIds: [] }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a hand-over of an unknown child',
      weHandOver,
      cmd(
        'RecordRepatriationHandover',
        { handedOverAt: NOW, childIds: ['0193a7b2-0000-7000-8000-000000000c09'] },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a reception confirmed by the requesting side',
      [...weRequested, handedOver],
      cmd('ConfirmRepatriationReception', reception, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a reception before scheduling',
      [received, acceptedByUs],
      cmd('ConfirmRepatriationReception', reception, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a reception without a facility',
      weTakeOver,
      cmd('ConfirmRepatriationReception', { ...reception, facility: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a referral before reception',
      [...weReceived, handedOverToUs],
      cmd('ReferRepatriatedVictim', { services: ['shelter'], referredTo: 'x' }),
      'INVALID_TRANSITION',
    ],
    [
      'a referral to an unknown service',
      [...weReceived, receivedByUs],
      cmd('ReferRepatriatedVictim', { services: ['spa' as never], referredTo: 'x' }),
      'VALIDATION_FAILED',
    ],
    [
      'a referral by the requesting side',
      [...weRequested, handedOver],
      cmd('ReferRepatriatedVictim', { services: ['shelter'], referredTo: 'x' }),
      'NOT_PERMITTED',
    ],
    [
      'cancelling after the hand-over',
      [...weRequested, handedOver],
      cmd('CancelRepatriation', { reason: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'cancelling without a reason',
      [requested],
      cmd('CancelRepatriation', { reason: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a cancellation after refusal',
      [
        requested,
        { type: 'RepatriationRefused', data: { decision: 'refused', reason: 'x', ...inb('in-dec') } },
      ],
      cmd('ReceiveRepatriationCancellation', { reason: 'x' }, fromThem('in-x')),
      'INVALID_TRANSITION',
    ],
    [
      'a receipt for a message not queued',
      [requested],
      cmd('RecordDelivery', { messageId: 'zz' }),
      'NOT_FOUND',
    ],
    [
      'verification under a malformed case id',
      [received],
      cmd('StartRepatriationVerification', { verificationCaseId: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'a reception confirmation before scheduling',
      [requested, acceptedByThem],
      cmd('RecordReceptionConfirmation', reception, fromThem('in-rc')),
      'INVALID_TRANSITION',
    ],
    [
      'a child received from the receiving side',
      [requested],
      cmd(
        'ReceiveAccompanyingChild',
        { childId: '0193a7b2-0000-7000-8000-000000000c02', person: CHILD },
        fromThem('in-c2'),
      ),
      'NOT_PERMITTED',
    ],
    [
      'an inbound hand-over listing an unknown child',
      weTakeOver,
      cmd(
        'ReceiveRepatriationHandover',
        { handedOverAt: NOW, childIds: ['0193a7b2-0000-7000-8000-000000000c09'] },
        fromThem('in-ho'),
      ),
      'VALIDATION_FAILED',
    ],
    ['an acceptance without a message id', [received], cmd('AcceptRepatriation', {}), 'VALIDATION_FAILED'],
  ])('refuses %s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });
});

describe('repatriation: no hand-over before its minutes are co-signed', () => {
  const weRequested = [requested, acceptedByThem, scheduledByUs];
  const weReceived = [received, acceptedByUs, scheduledByThem];
  const handover = { handedOverAt: NOW, childIds: [] };
  it.each<[string, RepatriationEvent[], RepatriationCommand]>([
    ['our hand-over with no minutes', weRequested, cmd('RecordRepatriationHandover', handover, queuing('m'))],
    [
      'our hand-over with minutes we drew up but not yet signed',
      [...weRequested, proposed],
      cmd('RecordRepatriationHandover', handover, queuing('m')),
    ],
    [
      'our hand-over with minutes awaiting their countersignature',
      [...weRequested, proposed, signedByUs],
      cmd('RecordRepatriationHandover', handover, queuing('m')),
    ],
    [
      "the counterpart's hand-over with no minutes",
      weReceived,
      cmd('ReceiveRepatriationHandover', handover, fromThem('in-ho')),
    ],
    [
      "the counterpart's hand-over with minutes we agreed but have not signed",
      [...weReceived, receivedTheirs, agreedByUs],
      cmd('ReceiveRepatriationHandover', handover, fromThem('in-ho')),
    ],
    [
      'our reception with no minutes (the victim was handed over)',
      weReceived,
      cmd('ConfirmRepatriationReception', reception, queuing('m')),
    ],
    [
      "the counterpart's reception before our hand-over, minutes awaiting their countersignature",
      [...weRequested, proposed, signedByUs],
      cmd('RecordReceptionConfirmation', reception, fromThem('in-rc')),
    ],
  ])('refuses %s: MINUTES_NOT_COSIGNED on minutes', (_label, history, command) => {
    given(decider, history)
      .when(command)
      .then({ code: 'MINUTES_NOT_COSIGNED', fields: ['minutes'] });
  });

  const typesOf = (history: readonly RepatriationEvent[], command: RepatriationCommand) => {
    const result = decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
    return Array.isArray(result) ? result.map((event) => event.type) : result;
  };

  it('records the hand-over once both sides signed, on either side', () => {
    expect(
      typesOf(
        [...weRequested, ...coSignedAsHanding],
        cmd('RecordRepatriationHandover', handover, queuing('m')),
      ),
    ).toEqual(['RepatriationHandedOver']);
    expect(
      typesOf(
        [...weReceived, ...coSignedAsReceiving],
        cmd('ReceiveRepatriationHandover', handover, fromThem('in-ho')),
      ),
    ).toEqual(['RepatriationHandedOver']);
  });

  // Cases recorded before the rule: the hand-over came first, the minutes (if any) after.
  it('still folds a hand-over recorded before its minutes, and lets the case go on', () => {
    const late = [...weRequested, handedOver, ...coSignedAsHanding];
    const state = late.reduce(decider.evolve, decider.initialState());
    expect(state).toMatchObject({ status: 'handed_over', minutes: { status: 'co_signed' } });
    expect(typesOf(late, cmd('RecordReceptionConfirmation', reception, fromThem('in-rc')))).toEqual([
      'RepatriationReceptionConfirmed',
    ]);
    expect(
      typesOf(
        [...weReceived, handedOverToUs],
        cmd('ConfirmRepatriationReception', reception, queuing('m-rc')),
      ),
    ).toEqual(['RepatriationReceptionConfirmed']);
    // Minutes may still be drawn up after such a hand-over.
    expect(typesOf([...weRequested, handedOver], cmd('ProposeRepatriationMinutes', proposal))).toEqual([
      'RepatriationMinutesProposed',
    ]);
  });

  // The rule holds while the case is scheduled, the one status in which nothing yet records the
  // hand-over; once a case from before the rule records it, its later steps keep their status rules.
  it('takes a late hand-over message after a reception confirmed with no minutes (cases from before the rule)', () => {
    const late = [...weReceived, receivedByUs];
    expect(
      typesOf(
        late,
        cmd(
          'ReceiveRepatriationHandover',
          { handedOverAt: '2026-11-23T03:00:00Z', childIds: ['0193a7b2-0000-7000-8000-000000000c01'] },
          fromThem('in-ho'),
        ),
      ),
    ).toEqual(['RepatriationHandedOver']);
    // A second hand-over of ours is a status refusal, not one of the minutes: the first is recorded.
    given(decider, [...weRequested, handedOver])
      .when(cmd('RecordRepatriationHandover', handover, queuing('m2')))
      .then({ code: 'INVALID_TRANSITION' });
  });
});
