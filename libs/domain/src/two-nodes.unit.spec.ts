import { Command, CommandMetadata, Decider, DomainEvent, isDomainError } from './decider';
import { DECIDERS, ProcessCategory } from './processes';
import { OUTBOUND_KINDS, OutboundKind, queuedMessageOf } from './shared';
import { CHILD, PERSON } from './testing/fixtures';
import { INBOUND_COMMANDS } from './wire';

/**
 * The receiving node's command for a queued event, without the wire: the event's data less its
 * marker. A schedule is decided flat; a notice gets the receiver's processing deadline.
 */
const inboundCommandOf = (
  kind: OutboundKind,
  event: DomainEvent,
  metadata: CommandMetadata,
  processingDeadline: string,
): Command => {
  const { type } = INBOUND_COMMANDS[kind];
  const { outbound: _outbound, ...payload } = event.data as Record<string, unknown>;
  switch (kind) {
    case 'HandoverScheduling':
    case 'SuspectHandoverScheduling': {
      const { proposedBy: _proposedBy, ...schedule } = (payload.schedule ?? {}) as Record<string, unknown>;
      return { type, data: { ...schedule, ...(payload.annex ? { annex: payload.annex } : {}) }, metadata };
    }
    case 'InformationNotice':
      return { type, data: { ...payload, processingDeadline }, metadata };
    case 'RepatriationMinutesProposal':
    case 'RepatriationMinutesCountersignature':
    case 'SuspectHandoverMinutesProposal':
    case 'SuspectHandoverMinutesCountersignature': {
      // The wire carries the minutes and the bare signature; the sender is the envelope's.
      const signature = (payload.signature as { signature: string }).signature;
      return { type, data: { minutes: payload.minutes, signature }, metadata };
    }
    default:
      return { type, data: payload, metadata };
  }
};

/**
 * Two nodes talking through the domain alone: every envelope an event queues is turned into the
 * receiving node's command (as the exchange will do), applied there, and its receipt recorded back.
 * This proves each outbound payload carries what the other side needs, and that both sides converge.
 */
const VN = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
const NOW = '2026-11-23T04:00:00Z';

type AnyDecider = Decider<never, DomainEvent, { status: string }>;
const decider = (category: ProcessCategory) => DECIDERS[category] as unknown as AnyDecider;

class Node {
  private readonly streams = new Map<string, DomainEvent[]>();
  constructor(readonly agency: string) {}
  history(category: ProcessCategory, caseId: string): DomainEvent[] {
    return this.streams.get(`${category}-${caseId}`) ?? [];
  }
  state<S = Record<string, unknown>>(category: ProcessCategory, caseId: string): S {
    const { evolve, initialState } = decider(category);
    return this.history(category, caseId).reduce(evolve, initialState()) as unknown as S;
  }
  /** Decides and appends; throws on a refusal so a broken flow fails the test with its reason. */
  decide(
    category: ProcessCategory,
    caseId: string,
    command: { type: string; data: unknown; metadata: CommandMetadata },
  ) {
    const result = decider(category).decide(command as never, this.state(category, caseId) as never);
    if (isDomainError(result))
      throw new Error(`${this.agency} refused ${command.type}: ${result.code} ${result.reason}`);
    this.streams.set(`${category}-${caseId}`, [...this.history(category, caseId), ...result]);
    return result;
  }
}

let ids = 0;
const delivered = new Set<OutboundKind>();
const nodes = { [VN]: new Node(VN), [CN]: new Node(CN) };

/** An officer of `from` acts; each queued envelope is delivered to the other node, then acknowledged. */
const act = (
  from: Node,
  category: ProcessCategory,
  caseId: string,
  type: string,
  data: unknown,
  now = NOW,
) => {
  const to = from === nodes[VN] ? nodes[CN] : nodes[VN];
  const events = from.decide(category, caseId, {
    type,
    data,
    metadata: { now, actor: 'officer:1', agencyId: from.agency, newIds: [`m-${++ids}`] },
  });
  for (const event of events) {
    const outbound = queuedMessageOf(event);
    if (!outbound) continue;
    expect(outbound.counterpart).toBe(to.agency);
    const metadata = {
      now,
      actor: `agency:${from.agency}`,
      agencyId: to.agency,
      messageId: outbound.messageId,
    };
    const inbound = inboundCommandOf(outbound.kind, event, metadata, '2026-11-26T00:00:00Z');
    to.decide(category, caseId, inbound);
    delivered.add(outbound.kind);
    // The exchange also de-duplicates; the domain ignores a second copy on its own.
    expect(to.decide(category, caseId, inbound)).toEqual([]);
    from.decide(category, caseId, {
      type: 'RecordDelivery',
      data: { messageId: outbound.messageId },
      metadata: { now, actor: `agency:${to.agency}`, agencyId: from.agency },
    });
  }
};

const [vn, cn] = [nodes[VN], nodes[CN]];
const gate = {
  borderGate: 'Ma Lu Thang',
  date: '2026-12-02',
  time: '09:30',
  receivingUnit: 'Jinshuihe border police',
};

describe('two nodes', () => {
  it('repatriate a victim with two children from request to referral', () => {
    act(vn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'RequestRepatriation', {
      caseId: '0193a7b2-0000-7000-8000-000000000201',
      counterpart: CN,
      victim: PERSON,
      children: [{ childId: '0193a7b2-0000-7000-8000-000000000c01', person: CHILD }],
      circumstances: 'rescued',
      deadline: '2026-11-30T00:00:00Z',
    });
    act(cn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'StartRepatriationVerification', {
      verificationCaseId: '0193a7b2-0000-7000-8000-000000000101',
    });
    act(cn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'AcceptRepatriation', {});
    // The identifying side tells the other: both cases hold the decision, with its authority and date.
    act(vn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'IdentifyRepatriationVictim', {
      decision: 'identified',
      criteria: ['act', 'means', 'purpose'],
      grounds: 'sold into a forced marriage',
      authority: 'Lai Chau border guard anti-trafficking unit',
    });
    for (const node of [vn, cn])
      expect(node.state('repatriation', '0193a7b2-0000-7000-8000-000000000201')).toMatchObject({
        identification: {
          decision: 'identified',
          decidedBy: VN,
          authority: 'Lai Chau border guard anti-trafficking unit',
          identifiedOn: NOW.slice(0, 10),
        },
      });
    act(vn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'AddAccompanyingChild', {
      childId: '0193a7b2-0000-7000-8000-000000000c02',
      person: CHILD,
    });
    act(cn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'ScheduleRepatriationHandover', gate);
    act(vn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'ScheduleRepatriationHandover', {
      ...gate,
      time: '14:00',
    });
    // At the gate, before the hand-over is recorded: VN (handing over) drafts and signs the minutes, CN
    // agrees them as they are and countersigns.
    const minutesCase = '0193a7b2-0000-7000-8000-000000000201';
    act(
      vn,
      'repatriation',
      minutesCase,
      'ProposeRepatriationMinutes',
      {
        minutesId: '0193a7b2-0000-7000-8000-0000000000a1',
        handedOverAt: '2026-12-02T07:05:00Z',
        personIds: [
          minutesCase,
          '0193a7b2-0000-7000-8000-000000000c01',
          '0193a7b2-0000-7000-8000-000000000c02',
        ],
        documents: ['identity card'],
        belongings: ['bag'],
        officers: [
          { agency: VN, name: 'Officer A', position: 'Captain' },
          { agency: CN, name: 'Officer B', position: 'Inspector' },
        ],
      },
      '2026-12-02T08:00:00Z',
    );
    act(vn, 'repatriation', minutesCase, 'SignRepatriationMinutes', {
      minutesId: '0193a7b2-0000-7000-8000-0000000000a1',
      signature: 'c2lnVk4=',
    });
    const drawnUp = cn.state<{ minutes: { minutes: unknown } }>('repatriation', minutesCase).minutes.minutes;
    act(cn, 'repatriation', minutesCase, 'CountersignRepatriationMinutes', { minutes: drawnUp });
    act(cn, 'repatriation', minutesCase, 'SignRepatriationMinutes', {
      minutesId: '0193a7b2-0000-7000-8000-0000000000a1',
      signature: 'c2lnQ04=',
    });
    for (const node of [vn, cn]) {
      expect(node.state('repatriation', minutesCase)).toMatchObject({
        minutes: {
          minutes: drawnUp,
          status: 'co_signed',
          signatures: [
            { agency: VN, signature: 'c2lnVk4=' },
            { agency: CN, signature: 'c2lnQ04=' },
          ],
        },
      });
    }
    act(
      vn,
      'repatriation',
      '0193a7b2-0000-7000-8000-000000000201',
      'RecordRepatriationHandover',
      {
        handedOverAt: '2026-12-02T07:05:00Z',
        childIds: ['0193a7b2-0000-7000-8000-000000000c01', '0193a7b2-0000-7000-8000-000000000c02'],
      },
      '2026-12-02T08:00:00Z',
    );
    act(
      cn,
      'repatriation',
      '0193a7b2-0000-7000-8000-000000000201',
      'ConfirmRepatriationReception',
      {
        facility: 'Support centre',
        receivedAt: '2026-12-02T09:00:00Z',
        childIds: ['0193a7b2-0000-7000-8000-000000000c01', '0193a7b2-0000-7000-8000-000000000c02'],
      },
      '2026-12-02T10:00:00Z',
    );
    act(cn, 'repatriation', '0193a7b2-0000-7000-8000-000000000201', 'ReferRepatriatedVictim', {
      services: ['shelter', 'medical'],
      referredTo: 'Provincial centre',
    });

    const ours = vn.state<{
      status: string;
      schedule: unknown;
      children: unknown;
      trail: { messages: Record<string, { delivery: string }> };
    }>('repatriation', '0193a7b2-0000-7000-8000-000000000201');
    const theirs = cn.state<{ status: string; schedule: unknown; children: unknown; ourSide: string }>(
      'repatriation',
      '0193a7b2-0000-7000-8000-000000000201',
    );
    expect([ours.status, theirs.status]).toEqual(['received', 'referred']);
    expect(theirs.ourSide).toBe('receiving');
    expect(ours.schedule).toEqual(theirs.schedule);
    expect(ours.schedule).toMatchObject({ revision: 2, proposedBy: VN, time: '14:00' });
    expect(ours.children).toEqual(theirs.children);
    expect(Object.values(ours.trail.messages).every((message) => message.delivery === 'delivered')).toBe(
      true,
    );
  });

  it('verify a person over two rounds', () => {
    act(vn, 'verification', '0193a7b2-0000-7000-8000-000000000102', 'DraftVerificationRequest', {
      caseId: '0193a7b2-0000-7000-8000-000000000102',
      counterpart: CN,
      subject: { role: 'victim', person: PERSON },
      purposes: ['nationality'],
      details: 'd',
      deadline: '2026-11-30T00:00:00Z',
    });
    act(vn, 'verification', '0193a7b2-0000-7000-8000-000000000102', 'SendVerificationRequest', {});
    act(cn, 'verification', '0193a7b2-0000-7000-8000-000000000102', 'AnswerVerificationRequest', {
      outcome: 'more_information_needed',
      findings: 'need documents',
    });
    act(vn, 'verification', '0193a7b2-0000-7000-8000-000000000102', 'ProvideAdditionalInformation', {
      information: 'document scan digest',
      deadline: '2026-12-05T00:00:00Z',
    });
    act(cn, 'verification', '0193a7b2-0000-7000-8000-000000000102', 'AnswerVerificationRequest', {
      outcome: 'confirmed',
      findings: 'registered',
      person: PERSON,
      answers: { nationality: 'confirmed' },
    });
    act(vn, 'verification', '0193a7b2-0000-7000-8000-000000000102', 'CloseVerification', {});

    expect(vn.state('verification', '0193a7b2-0000-7000-8000-000000000102')).toMatchObject({
      status: 'closed',
      round: 2,
      answer: { outcome: 'confirmed' },
    });
    expect(cn.state('verification', '0193a7b2-0000-7000-8000-000000000102')).toMatchObject({
      status: 'answered',
      round: 2,
      direction: 'incoming',
      answer: { outcome: 'confirmed' },
    });
  });

  it('hand a suspect over', () => {
    act(cn, 'handover', '0193a7b2-0000-7000-8000-000000000301', 'RequestSuspectHandover', {
      caseId: '0193a7b2-0000-7000-8000-000000000301',
      counterpart: VN,
      suspect: PERSON,
      warrantReference: 'W-1',
      warrantIssuedBy: 'Lai Chau Provincial Police',
      warrantIssuedOn: '2026-11-01',
      offences: 'o',
      deadline: '2026-11-30T00:00:00Z',
    });
    act(vn, 'handover', '0193a7b2-0000-7000-8000-000000000301', 'AcceptSuspectHandover', {});
    act(vn, 'handover', '0193a7b2-0000-7000-8000-000000000301', 'ScheduleSuspectHandover', gate);
    // At the gate, before the hand-over is recorded: the holding side (VN) draws up and signs the
    // minutes; CN, taking custody, countersigns.
    const handover = '0193a7b2-0000-7000-8000-000000000301';
    const minutesId = '0193a7b2-0000-7000-8000-0000000003a1';
    act(
      vn,
      'handover',
      handover,
      'ProposeSuspectHandoverMinutes',
      {
        minutesId,
        handedOverAt: '2026-12-02T02:30:00Z',
        documents: ['warrant W-1 (copy)'],
        belongings: ['phone'],
        officers: [
          { agency: VN, name: 'Nguyen Van An', position: 'Captain' },
          { agency: CN, name: 'Li Wei', position: 'Inspector' },
        ],
      },
      '2026-12-02T03:00:00Z',
    );
    act(vn, 'handover', handover, 'SignSuspectHandoverMinutes', { minutesId, signature: 'c2lnVk4=' });
    const drawnUp = cn.state<{ minutes: { minutes: unknown } }>('handover', handover).minutes.minutes;
    expect(drawnUp).toMatchObject({
      process: 'suspect_handover',
      handingOverAgency: VN,
      receivingAgency: CN,
      warrant: { reference: 'W-1', issuedBy: 'Lai Chau Provincial Police', issuedOn: '2026-11-01' },
    });
    // Signed by the holding side only: no hand-over yet.
    expect(() =>
      act(
        vn,
        'handover',
        handover,
        'RecordSuspectHandover',
        { handedOverAt: '2026-12-02T02:30:00Z' },
        '2026-12-02T03:00:00Z',
      ),
    ).toThrow(/MINUTES_NOT_COSIGNED/);
    act(cn, 'handover', handover, 'CountersignSuspectHandoverMinutes', { minutes: drawnUp });
    act(cn, 'handover', handover, 'SignSuspectHandoverMinutes', { minutesId, signature: 'c2lnQ04=' });
    for (const node of [vn, cn])
      expect(node.state('handover', handover)).toMatchObject({
        minutes: {
          minutes: drawnUp,
          status: 'co_signed',
          signatures: [
            { agency: VN, signature: 'c2lnVk4=' },
            { agency: CN, signature: 'c2lnQ04=' },
          ],
        },
      });
    act(
      vn,
      'handover',
      '0193a7b2-0000-7000-8000-000000000301',
      'RecordSuspectHandover',
      { handedOverAt: '2026-12-02T02:30:00Z' },
      '2026-12-02T03:00:00Z',
    );
    expect([
      cn.state('handover', '0193a7b2-0000-7000-8000-000000000301').status,
      vn.state('handover', '0193a7b2-0000-7000-8000-000000000301').status,
    ]).toEqual(['handed_over', 'handed_over']);
  });

  it('run a joint crackdown period with linked cases', () => {
    const terms = {
      name: 'Peak',
      startDate: '2026-12-01',
      endDate: '2027-02-28',
      units: [
        { agencyId: VN, name: 'u1' },
        { agencyId: CN, name: 'u2' },
      ],
      targets: ['route'],
    };
    act(vn, 'jointop', '0193a7b2-0000-7000-8000-000000000401', 'ProposeJointOperation', {
      caseId: '0193a7b2-0000-7000-8000-000000000401',
      counterpart: CN,
      terms,
      deadline: '2026-11-28T00:00:00Z',
    });
    act(cn, 'jointop', '0193a7b2-0000-7000-8000-000000000401', 'AgreeJointOperation', {
      terms: { ...terms, endDate: '2027-03-01' },
    });
    act(vn, 'jointop', '0193a7b2-0000-7000-8000-000000000401', 'LinkCaseToJointOperation', {
      process: 'repatriation',
      linkedCaseId: '0193a7b2-0000-7000-8000-000000000201',
    });
    act(cn, 'jointop', '0193a7b2-0000-7000-8000-000000000401', 'LinkCaseToJointOperation', {
      process: 'handover',
      linkedCaseId: '0193a7b2-0000-7000-8000-000000000301',
    });
    act(
      cn,
      'jointop',
      '0193a7b2-0000-7000-8000-000000000401',
      'CloseJointOperation',
      { report: { summary: 's', victimsRescued: 1, suspectsArrested: 1, casesInvestigated: 2 } },
      '2027-03-02T00:00:00Z',
    );
    for (const node of [vn, cn]) {
      expect(node.state('jointop', '0193a7b2-0000-7000-8000-000000000401')).toMatchObject({
        status: 'closed',
        terms: { endDate: '2027-03-01' },
        linkedCases: [
          { caseId: '0193a7b2-0000-7000-8000-000000000201' },
          { caseId: '0193a7b2-0000-7000-8000-000000000301' },
        ],
      });
    }
  });

  it('send a notice that the other side must process', () => {
    act(vn, 'notice', '0193a7b2-0000-7000-8000-000000000501', 'SendInformationNotice', {
      caseId: '0193a7b2-0000-7000-8000-000000000501',
      counterpart: CN,
      category: 'criminal_method',
      title: 't',
      content: 'c',
    });
    expect(cn.state('notice', '0193a7b2-0000-7000-8000-000000000501')).toMatchObject({
      status: 'received',
      source: 'counterpart',
      processingDeadline: '2026-11-26T00:00:00Z',
    });
    act(cn, 'notice', '0193a7b2-0000-7000-8000-000000000501', 'ClassifyInformationNotice', {
      category: 'criminal_method',
      priority: 'routine',
    });
    act(cn, 'notice', '0193a7b2-0000-7000-8000-000000000501', 'ProcessInformationNotice', {
      outcome: 'actioned',
      note: 'briefed units',
    });
    expect(cn.state('notice', '0193a7b2-0000-7000-8000-000000000501').status).toBe('processed');
    const sent = vn.state<{ status: string; trail: { messages: Record<string, unknown> } }>(
      'notice',
      '0193a7b2-0000-7000-8000-000000000501',
    );
    expect(sent.status).toBe('sent');
    expect(Object.values(sent.trail.messages)).toEqual([
      { kind: 'InformationNotice', delivery: 'delivered' },
    ]);
  });

  it('pass a notice on to Laos once its originator grants it', () => {
    const caseId = '0193a7b2-0000-7000-8000-000000000501';
    const LA = 'LA.PHONGSALY.POLICE';
    const forward = () =>
      decider('notice').decide(
        {
          type: 'ForwardInformationNotice',
          data: { counterpart: LA },
          metadata: { now: NOW, actor: 'officer:1', agencyId: CN, newIds: [`m-${++ids}`] },
        } as never,
        cn.state('notice', caseId) as never,
      );
    expect(forward()).toMatchObject({ code: 'HANDLING_RESTRICTED', field: 'counterpart' });
    act(cn, 'notice', caseId, 'RequestDissemination', {
      recipient: LA,
      purpose: 'Same network in Phongsaly',
    });
    const [request] = vn.state<{ disseminationRequests: { requestId: string }[] }>(
      'notice',
      caseId,
    ).disseminationRequests;
    act(vn, 'notice', caseId, 'AnswerDisseminationRequest', {
      requestId: request.requestId,
      granted: true,
      conditions: 'Not to be used in court',
    });
    expect(forward()).toEqual([
      expect.objectContaining({
        type: 'InformationNoticeForwarded',
        data: expect.objectContaining({
          recipient: LA,
          outbound: expect.objectContaining({
            counterpart: LA,
            handling: expect.objectContaining({ conditions: 'Not to be used in court' }),
          }),
        }),
      }),
    ]);
  });

  it('withdraw and cancel', () => {
    const deadline = '2026-11-30T00:00:00Z';
    act(cn, 'verification', '0193a7b2-0000-7000-8000-000000000103', 'DraftVerificationRequest', {
      caseId: '0193a7b2-0000-7000-8000-000000000103',
      counterpart: VN,
      subject: { role: 'suspect', person: PERSON },
      purposes: ['identity'],
      details: 'd',
      deadline,
    });
    act(cn, 'verification', '0193a7b2-0000-7000-8000-000000000103', 'SendVerificationRequest', {});
    act(cn, 'verification', '0193a7b2-0000-7000-8000-000000000103', 'WithdrawVerificationRequest', {
      reason: 'duplicate',
    });
    act(vn, 'repatriation', '0193a7b2-0000-7000-8000-000000000202', 'RequestRepatriation', {
      caseId: '0193a7b2-0000-7000-8000-000000000202',
      counterpart: CN,
      victim: PERSON,
      children: [],
      circumstances: 'c',
      deadline,
    });
    act(cn, 'repatriation', '0193a7b2-0000-7000-8000-000000000202', 'CancelRepatriation', {
      reason: 'victim stays',
    });
    act(vn, 'handover', '0193a7b2-0000-7000-8000-000000000302', 'RequestSuspectHandover', {
      caseId: '0193a7b2-0000-7000-8000-000000000302',
      counterpart: CN,
      suspect: PERSON,
      warrantReference: 'W-2',
      warrantIssuedBy: 'Lai Chau Provincial Police',
      warrantIssuedOn: '2026-11-01',
      offences: 'o',
      deadline,
    });
    act(vn, 'handover', '0193a7b2-0000-7000-8000-000000000302', 'CancelSuspectHandover', {
      reason: 'arrested elsewhere',
    });
    expect(vn.state('verification', '0193a7b2-0000-7000-8000-000000000103').status).toBe('withdrawn');
    expect(cn.state('repatriation', '0193a7b2-0000-7000-8000-000000000202').status).toBe('cancelled');
    expect(cn.state('handover', '0193a7b2-0000-7000-8000-000000000302').status).toBe('cancelled');
  });

  it('locate and rescue a missing woman, then link her repatriation', () => {
    const caseId = '0193a7b2-0000-7000-8000-000000000701';
    act(vn, 'rescue', caseId, 'RequestLocateRescue', {
      caseId,
      counterpart: CN,
      missingPerson: PERSON,
      lastContact: { date: '2026-10-30', place: 'Hekou' },
      phoneNumbers: ['+84 912 000 001'],
      photos: [{ sha256: 'ab'.repeat(32), mediaType: 'image/jpeg' }],
      circumstances: 'Left with a broker.',
      deadline: '2026-11-30T00:00:00Z',
    });
    act(cn, 'rescue', caseId, 'AcknowledgeLocateRescue', { assignedUnit: 'Hekou police' });
    act(vn, 'rescue', caseId, 'ReportLocateRescueProgress', { summary: 'She called home.' });
    act(cn, 'rescue', caseId, 'RecordPersonLocated', { at: '2026-11-22T00:00:00Z', place: 'Jinping' });
    act(cn, 'rescue', caseId, 'RecordPersonRescued', { at: NOW, place: 'Jinping', person: PERSON });
    const repatriation = '0193a7b2-0000-7000-8000-000000000702';
    act(cn, 'rescue', caseId, 'LinkCaseToLocateRescue', {
      process: 'repatriation',
      linkedCaseId: repatriation,
    });
    for (const node of [vn, cn])
      expect(node.state('rescue', caseId)).toMatchObject({
        status: 'rescued',
        progress: [{ summary: 'She called home.', by: 'requesting' }],
        linkedCases: [{ process: 'repatriation', linkedCaseId: repatriation }],
      });
  });

  it('find a wanted person, then link the suspect hand-over', () => {
    const caseId = '0193a7b2-0000-7000-8000-000000000703';
    act(cn, 'wanted', caseId, 'RequestWantedPerson', {
      caseId,
      counterpart: VN,
      suspect: PERSON,
      warrantReference: 'YN-2026-7',
      warrantIssuedBy: 'Honghe prefecture public security bureau',
      warrantIssuedOn: '2026-10-01',
      offences: 'Abducting and trafficking women (art. 240)',
      photos: [],
      deadline: '2026-11-30T00:00:00Z',
    });
    act(vn, 'wanted', caseId, 'AcknowledgeWantedPerson', {});
    act(vn, 'wanted', caseId, 'ReportWantedPersonProgress', { summary: 'Seen in Phong Tho.' });
    act(vn, 'wanted', caseId, 'RecordWantedPersonArrest', { at: NOW, place: 'Phong Tho' });
    const handover = '0193a7b2-0000-7000-8000-000000000704';
    act(cn, 'wanted', caseId, 'LinkCaseToWantedPerson', { process: 'handover', linkedCaseId: handover });
    for (const node of [vn, cn])
      expect(node.state('wanted', caseId)).toMatchObject({
        status: 'arrested',
        linkedCases: [{ process: 'handover', linkedCaseId: handover }],
      });
  });

  it('hold a liaison meeting whose action items are tracked on both sides until done', () => {
    const id = '0193a7b2-0000-7000-8000-000000000601';
    act(vn, 'liaison', id, 'ProposeLiaisonMeeting', {
      caseId: id,
      counterpart: CN,
      kind: 'annual_review',
      level: 'central',
      agenda: ['Review of the agreement'],
      place: 'Hanoi',
      startsAt: '2026-12-10T02:00:00Z',
      deadline: '2026-12-01T00:00:00Z',
    });
    act(cn, 'liaison', id, 'CounterProposeLiaisonMeeting', {
      place: 'Kunming',
      startsAt: '2026-12-12T02:00:00Z',
      deadline: '2026-12-02T00:00:00Z',
    });
    act(vn, 'liaison', id, 'AgreeLiaisonMeeting', {});
    const after = '2026-12-12T08:00:00Z';
    act(cn, 'liaison', id, 'RecordLiaisonMeetingHeld', { heldAt: '2026-12-12T02:00:00Z' }, after);
    const actionItems = [
      { number: 1, description: 'a', owner: VN, deadline: '2027-01-12T00:00:00Z' },
      { number: 2, description: 'b', owner: CN, deadline: '2027-01-12T00:00:00Z' },
    ];
    act(vn, 'liaison', id, 'RecordLiaisonMeetingMinutes', { summary: 's', actionItems }, after);
    act(cn, 'liaison', id, 'CompleteLiaisonActionItem', { number: 2 }, '2027-01-02T00:00:00Z');
    for (const node of [vn, cn]) {
      expect(node.state('liaison', id)).toMatchObject({
        status: 'closed',
        place: 'Kunming',
        actionItems: [
          { number: 1, done: false },
          { number: 2, done: true, doneAt: '2027-01-02T00:00:00Z' },
        ],
      });
    }
  });

  it('send a working group: accepted, arrived, departed, outcome reported', () => {
    const id = '0193a7b2-0000-7000-8000-000000000701';
    act(vn, 'mission', id, 'RequestMission', {
      caseId: id,
      counterpart: CN,
      kind: 'working_group',
      purpose: 'p',
      supportedCase: { process: 'repatriation', caseId: '0193a7b2-0000-7000-8000-000000000201' },
      members: [
        {
          person: {
            name: { original: '', romanised: 'Tran Van A' },
            identityDocuments: [{ type: 'passport', number: 'C1', issuingCountry: 'VN' }],
          },
          rank: 'Major',
        },
      ],
      arrivesOn: '2026-12-05',
      departsOn: '2026-12-07',
      entryGate: { code: 'VN-CN.MALUTHANG' },
      deadline: '2026-12-01T00:00:00Z',
    });
    act(cn, 'mission', id, 'AcceptMission', {});
    const later = '2026-12-08T00:00:00Z';
    act(cn, 'mission', id, 'RecordMissionArrival', { at: '2026-12-05T02:00:00Z' }, later);
    act(cn, 'mission', id, 'RecordMissionDeparture', { at: '2026-12-07T02:00:00Z' }, later);
    act(vn, 'mission', id, 'ReportMissionOutcome', { summary: 'done' }, later);
    for (const node of [vn, cn]) {
      expect(node.state('mission', id)).toMatchObject({
        status: 'closed',
        arrival: { at: '2026-12-05T02:00:00Z', gate: { code: 'VN-CN.MALUTHANG' } },
        outcome: { linkedCaseIds: ['0193a7b2-0000-7000-8000-000000000201'] },
      });
    }
  });

  it('exercised every payload kind', () => {
    expect([...delivered].sort()).toEqual([...OUTBOUND_KINDS].sort());
  });
});
